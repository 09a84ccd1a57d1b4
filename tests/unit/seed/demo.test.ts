import { CHINA_CITIES, MECHANISMS_IN_PLACE, ROLES, SYSTEM_TECHNOLOGIES } from '#models/domain.ts'
import { DEMO_AS_OF, DEMO_FLOWS, DEMO_GROUP_HEADCOUNT, DEMO_STAFFING, DEMO_SYSTEMS, DEMO_UNITS, DEMO_USERS } from '#seed/demo/group.ts'
import { DEMO_SCENARIOS } from '#seed/demo/scenarios.ts'
import { DESTINATIONS } from '#seed/reference/destinations.ts'
import { ftzFlagError } from '#models/ftz-zones.ts'
import { SEVERANCE_CAP_WAGES } from '#seed/reference/wages.ts'

const unitByCode = new Map(DEMO_UNITS.map(u => [u.code, u]))
const lineByCode = new Map(DEMO_STAFFING.map(l => [l.code, l]))
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i)

describe('demo group integrity', () => {
	test('codes are unique within and across tables', () => {
		const codes = [
			...DEMO_UNITS.map(u => u.code),
			...DEMO_SYSTEMS.map(s => s.code),
			...DEMO_FLOWS.map(f => f.code),
			...DEMO_STAFFING.map(l => l.code),
		]
		expect(dupes(codes)).toEqual([])
	})

	test('every unitCode resolves to a unit', () => {
		const unitCodes = [...DEMO_SYSTEMS, ...DEMO_FLOWS, ...DEMO_STAFFING].map(x => x.unitCode)
		expect(unitCodes.filter(c => !unitByCode.has(c))).toEqual([])
	})

	test('counts are in the intended ranges', () => {
		expect(DEMO_UNITS.length).toBeGreaterThanOrEqual(15)
		expect(DEMO_UNITS.length).toBeLessThanOrEqual(18)
		expect(DEMO_SYSTEMS.length).toBeGreaterThanOrEqual(35)
		expect(DEMO_SYSTEMS.length).toBeLessThanOrEqual(50)
		expect(DEMO_FLOWS.length).toBeGreaterThanOrEqual(30)
		expect(DEMO_FLOWS.length).toBeLessThanOrEqual(45)
		expect(DEMO_STAFFING.length).toBeGreaterThanOrEqual(50)
		expect(DEMO_STAFFING.length).toBeLessThanOrEqual(70)
	})

	test('every China city is used by a unit and has a severance cap wage', () => {
		const cities = new Set(DEMO_UNITS.map(u => u.city))
		for (const city of CHINA_CITIES) {
			expect(cities.has(city)).toBe(true)
			expect(SEVERANCE_CAP_WAGES[city].capMonthlyRmb).toBeGreaterThan(0)
		}
	})

	test('the R&D centre holds ~1,500 engineers, most of them in Beijing', () => {
		const rnd = DEMO_STAFFING.filter(l => l.unitCode === 'BU-BJ-RND' && l.function === 'rnd')
		const total = sum(rnd.map(l => l.headcount))
		const beijing = sum(rnd.filter(l => l.city === 'Beijing').map(l => l.headcount))
		expect(total).toBe(1_500) // hand-checked: 420 + 360 + 250 + 150 + 40 + 160 + 120
		expect(beijing).toBe(1_220)
		expect(unitByCode.get('BU-BJ-RND')?.city).toBe('Beijing')
	})

	test('the Shanghai bank back-office data team is ~150', () => {
		const team = lineByCode.get('SL-OPS-DATA-SH')
		expect(team?.function).toBe('back_office')
		expect(team?.city).toBe('Shanghai')
		expect(team?.headcount).toBeGreaterThanOrEqual(140)
		expect(team?.headcount).toBeLessThanOrEqual(160)
		expect(unitByCode.get(team?.unitCode ?? '')?.segment).toBe('banking')
	})

	test('there is one CIIO, a JV and a rep office', () => {
		expect(DEMO_UNITS.filter(u => u.isCiio).map(u => u.code)).toEqual(['BU-SH-PAY'])
		expect(DEMO_UNITS.some(u => u.legalEntityType === 'jv')).toBe(true)
		expect(DEMO_UNITS.some(u => u.legalEntityType === 'rep_office')).toBe(true)
	})

	test('each threshold volume appears on a flow decided by volume alone', () => {
		// Non-CIIO, collected in mainland, no exempt purpose, no FTZ, no important data: only the count decides.
		const decidedByVolume = DEMO_FLOWS.filter(
			f =>
				!unitByCode.get(f.unitCode)?.isCiio &&
				f.collectedInMainland &&
				f.purpose === 'other' &&
				!f.outsideFtzNegativeList &&
				!f.includesImportantData,
		)
		const pi = decidedByVolume.map(f => f.personalInfoIndividuals)
		const spi = decidedByVolume.map(f => f.sensitivePersonalInfoIndividuals)
		for (const n of [99_999, 100_000, 999_999, 1_000_000]) expect(pi).toContain(n)
		for (const n of [9_999, 10_000]) expect(spi).toContain(n)
	})

	test('flows cover every mechanism in place, expired and expiring assessments, remote access and unknowns', () => {
		for (const m of MECHANISMS_IN_PLACE) expect(DEMO_FLOWS.some(f => f.mechanismInPlace === m)).toBe(true)
		const assessments = DEMO_FLOWS.filter(f => f.mechanismInPlace === 'security_assessment')
		expect(assessments.some(f => f.mechanismExpiresOn !== null && f.mechanismExpiresOn < DEMO_AS_OF)).toBe(true)
		expect(
			assessments.some(f => f.mechanismExpiresOn !== null && f.mechanismExpiresOn >= DEMO_AS_OF && f.mechanismExpiresOn < '2027-06-01'),
		).toBe(true)
		expect(DEMO_FLOWS.some(f => f.isRemoteAccess)).toBe(true)
		expect(DEMO_FLOWS.filter(f => f.personalInfoIndividuals === null).length).toBeGreaterThanOrEqual(2)
		for (const p of ['contract_with_individual', 'hr_management', 'emergency', 'other'] as const) {
			expect(DEMO_FLOWS.some(f => f.purpose === p)).toBe(true)
		}
		expect(DEMO_FLOWS.some(f => !f.collectedInMainland)).toBe(true) // art. 4
		// art. 6 only for a unit registered in a zone whose negative list is in force (none of the demo's units is).
		for (const f of DEMO_FLOWS.filter(f => f.outsideFtzNegativeList))
			expect(ftzFlagError(DEMO_UNITS.find(u => u.code === f.unitCode)!), f.code).toBeNull()
	})

	test('systems span levels 1-4, ungraded, and every technology', () => {
		const levels = new Set(DEMO_SYSTEMS.map(s => s.mlpsLevel))
		for (const l of [1, 2, 3, 4, null]) expect(levels.has(l as never)).toBe(true)
		for (const t of SYSTEM_TECHNOLOGIES) expect(DEMO_SYSTEMS.some(s => s.technologies.includes(t))).toBe(true)
		expect(DEMO_SYSTEMS.some(s => s.mlpsLevel !== null && s.mlpsLevel >= 2 && s.filedOn === null)).toBe(true)
		// A graded system has its grading date; an ungraded one has no dates.
		for (const s of DEMO_SYSTEMS) {
			if (s.mlpsLevel === null) expect([s.gradedOn, s.filedOn, s.lastAssessedOn]).toEqual([null, null, null])
			else expect(s.gradedOn).not.toBeNull()
		}
	})

	test('some lines earn above 3x their city average, so the severance cap matters', () => {
		const capped = DEMO_STAFFING.filter(l => {
			const cap = SEVERANCE_CAP_WAGES[l.city as keyof typeof SEVERANCE_CAP_WAGES]
			return cap !== undefined && l.avgMonthlyWageRmb > cap.capMonthlyRmb
		})
		expect(capped.map(l => l.code)).toContain('SL-RND-MGMT-BJ')
		expect(DEMO_STAFFING.every(l => CHINA_CITIES.includes(l.city as never))).toBe(true)
		expect(DEMO_STAFFING.every(l => Number.isInteger(l.avgMonthlyWageRmb) && l.headcount > 0)).toBe(true)
	})

	test('group headcount exceeds China headcount for every function; China holds ~40% of R&D', () => {
		for (const g of DEMO_GROUP_HEADCOUNT) {
			const china = sum(DEMO_STAFFING.filter(l => l.function === g.function).map(l => l.headcount))
			expect(g.globalHeadcount).toBeGreaterThan(china)
			if (g.function === 'rnd') expect(china / g.globalHeadcount).toBeCloseTo(0.4, 1)
		}
	})

	test('one demo user per role, with long passphrases', () => {
		expect(DEMO_USERS.map(u => u.role).sort()).toEqual([...ROLES].sort())
		for (const u of DEMO_USERS) expect(u.password.length).toBeGreaterThanOrEqual(15)
		expect(dupes(DEMO_USERS.map(u => u.email))).toEqual([])
	})
})

describe('demo scenarios integrity', () => {
	const destinationCities = new Set(DESTINATIONS.map(d => d.city))
	const emails = new Set(DEMO_USERS.map(u => u.email))

	test('moves resolve to staffing lines and destinations, and never move more people than a line has', () => {
		for (const s of DEMO_SCENARIOS) {
			const perLine = new Map<string, number>()
			for (const m of s.moves) {
				expect(lineByCode.has(m.staffingLineCode)).toBe(true)
				if (m.destinationCity !== null) expect(destinationCities.has(m.destinationCity)).toBe(true)
				perLine.set(m.staffingLineCode, (perLine.get(m.staffingLineCode) ?? 0) + m.headcount)
			}
			for (const [code, moved] of perLine) expect(moved).toBeLessThanOrEqual(lineByCode.get(code)?.headcount ?? 0)
			expect(emails.has(s.createdByEmail)).toBe(true)
			if (s.decidedByEmail !== null) expect(emails.has(s.decidedByEmail)).toBe(true)
		}
	})

	test('statuses: drafts, one proposed, one approved', () => {
		const statuses = DEMO_SCENARIOS.map(s => s.status)
		expect(statuses.filter(s => s === 'proposed')).toHaveLength(1)
		expect(statuses.filter(s => s === 'approved')).toHaveLength(1)
		expect(statuses.filter(s => s === 'draft').length).toBeGreaterThanOrEqual(2)
	})

	test('the R&D reduction touches 900 of the 1,500 engineers', () => {
		const rd = DEMO_SCENARIOS.find(s => s.name.includes('60%'))
		expect(sum(rd?.moves.map(m => m.headcount) ?? [])).toBe(900)
		expect(rd?.moves.some(m => m.kind === 'cut')).toBe(true)
		expect(rd?.moves.some(m => m.kind === 'relocate' && m.destinationCity === 'Bengaluru')).toBe(true)
	})
})
