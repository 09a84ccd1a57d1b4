import { describe, expect, test } from 'vitest'
import { type DataFlow, type MechanismInPlace, type UnitInventory } from '#models/domain.ts'
import {
	DEFAULT_MODEL_SETTINGS,
	DIMENSIONS,
	type ModelSettings,
	scorePortfolio,
	scoreUnit,
	type UnitExposure,
	workforceImpact,
} from '#models/exposure/index.ts'
import { AS_OF, busyInventory, ctx, flow, inventory, staffing, system, unit } from './fixtures.ts'

const crossBorder = (inv: UnitInventory, at = ctx) => scoreUnit(inv, at).dimensions.cross_border
const ruleIds = (e: UnitExposure) => DIMENSIONS.flatMap(d => e.dimensions[d].findings.map(f => f.ruleId))
const withFlow = (f: Partial<DataFlow>) => inventory({ flows: [flow(f)] })
const withSettings = (patch: (s: ModelSettings) => void) => {
	const settings = structuredClone(DEFAULT_MODEL_SETTINGS)
	patch(settings)
	return { ...ctx, settings }
}

describe('a unit with nothing in China', () => {
	const empty = scoreUnit(inventory({ unit: unit({ handlesConsumerData: false, isCiio: true }) }), ctx)

	test('scores 0 with band none in every dimension', () => {
		for (const d of DIMENSIONS) {
			expect(empty.dimensions[d]).toMatchObject({ likelihood: 0, impact: 0, score: 0, band: 'none', findings: [] })
		}
	})

	test('scores 0 overall', () => {
		expect(empty.overall).toMatchObject({ score: 0, band: 'none', dimension: null })
	})

	test('points to no fine', () => {
		expect(empty.penalties.totalMaxRmb).toBe(0)
	})

	test('is complete: nothing it handles is missing', () => {
		expect(empty.incomplete).toBe(false)
	})
})

describe('a unit that handles consumer data with nothing recorded', () => {
	const bare = scoreUnit(inventory({ unit: unit({ handlesConsumerData: true }) }), ctx)

	test('is incomplete, with a data-quality finding, never band none', () => {
		expect(bare.incomplete).toBe(true)
		expect(bare.overall.band).not.toBe('none')
		const dq = bare.dimensions.enforcement.findings.find(f => f.ruleId === 'DQ-NOTHING-RECORDED')!
		expect(dq).toMatchObject({ kind: 'data_quality', inputs: { handlesConsumerData: true, systems: 0, flows: 0, staffingLines: 0 } })
		expect(dq.title).toMatch(/^Incomplete/)
	})

	test('is scored on its enforcement profile alone; the dimensions that read the inventory stay unknown (0)', () => {
		expect(bare.dimensions.enforcement.score).toBeGreaterThan(0)
		for (const d of DIMENSIONS.filter(x => x !== 'enforcement')) expect(bare.dimensions[d].score).toBe(0)
	})

	test('a single record makes it complete', () => {
		const one = scoreUnit(inventory({ unit: unit({ handlesConsumerData: true }), staffing: [staffing({ headcount: 3 })] }), ctx)
		expect(one.incomplete).toBe(false)
		expect(ruleIds(one)).not.toContain('DQ-NOTHING-RECORDED')
	})
})

describe('cross-border mechanism', () => {
	test('a missing standard contract rates likelihood 5 x impact 3', () => {
		// 200,000 non-sensitive needs art. 8; none in place -> missing (5); 200,000 >= 100,000 -> impact 3: 15, high
		expect(crossBorder(withFlow({ personalInfoIndividuals: 200_000 }))).toMatchObject({
			likelihood: 5,
			impact: 3,
			score: 15,
			band: 'high',
		})
	})

	test('a missing mechanism raises a XB-MECHANISM-MISSING gap', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 200_000 }))
		expect(dim.findings[0]).toMatchObject({ ruleId: 'XB-MECHANISM-MISSING', kind: 'gap', decisive: true })
	})

	test('filing the standard contract lowers the score to the baseline', () => {
		// only the XB-EXPORTS exposure is left: likelihood 1 x impact 3 = 3
		expect(crossBorder(withFlow({ personalInfoIndividuals: 200_000, mechanismInPlace: 'standard_contract' })).score).toBe(3)
	})

	test('an expired mechanism counts as none', () => {
		const expired = withFlow({
			personalInfoIndividuals: 200_000,
			mechanismInPlace: 'certification',
			mechanismExpiresOn: '2026-06-29',
		})
		const dim = crossBorder(expired)
		expect([dim.score, dim.findings[0]?.ruleId]).toEqual([15, 'XB-MECHANISM-EXPIRED'])
	})

	test('a security assessment satisfies a standard-contract requirement', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 200_000, mechanismInPlace: 'security_assessment' }))
		expect(dim.findings.filter(f => f.kind === 'gap')).toEqual([])
	})

	test('a standard contract where an assessment is needed is insufficient', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 1_000_000, mechanismInPlace: 'standard_contract' }))
		expect(dim.findings[0]?.ruleId).toBe('XB-MECHANISM-INSUFFICIENT')
	})

	test('an exempt flow needs nothing', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 50_000 }))
		expect(dim.findings.map(f => f.ruleId)).toEqual(['XB-EXPORTS'])
	})

	test('a mechanism expiring within the warning window raises a warning', () => {
		const dim = crossBorder(
			withFlow({
				personalInfoIndividuals: 200_000,
				mechanismInPlace: 'certification',
				mechanismExpiresOn: '2026-08-01',
			}),
		)
		expect(dim.findings[0]).toMatchObject({ ruleId: 'XB-MECHANISM-EXPIRING', kind: 'warning' })
	})

	test('a gap cites the article it rests on', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 200_000 }))
		expect(dim.findings[0]?.articles).toContainEqual(expect.objectContaining({ law: 'CAC Provisions 2024', article: 'Art. 8' }))
	})

	test('a gap names the flow it concerns', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 200_000 }))
		expect(dim.findings[0]?.entity).toEqual({ kind: 'flow', id: 10, code: 'FL-HR-SG' })
	})

	test('unknown volumes are a data-quality finding', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: null }))
		expect(dim.findings.map(f => f.ruleId)).toContain('XB-VOLUME-UNKNOWN')
	})

	test('95,000 with nothing in place is about to cross 100,000', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 95_000 }))
		expect(dim.findings[0]).toMatchObject({ ruleId: 'XB-THRESHOLD-APPROACHING', inputs: { threshold: 100_000 } })
	})

	test('89,999 is not yet about to cross 100,000', () => {
		// 100,000 x (1 - 0.1) = 90,000
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 89_999 }))
		expect(dim.findings.map(f => f.ruleId)).not.toContain('XB-THRESHOLD-APPROACHING')
	})

	test('approaching a threshold the mechanism in place already covers is no warning', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 95_000, mechanismInPlace: 'standard_contract' }))
		expect(dim.findings.map(f => f.ruleId)).not.toContain('XB-THRESHOLD-APPROACHING')
	})

	test('950,000 under a standard contract is about to need an assessment', () => {
		const dim = crossBorder(withFlow({ personalInfoIndividuals: 950_000, mechanismInPlace: 'standard_contract' }))
		expect(dim.findings[0]).toMatchObject({ ruleId: 'XB-THRESHOLD-APPROACHING', inputs: { threshold: 1_000_000 } })
	})

	test('a flow to mainland China is not an export', () => {
		expect(crossBorder(withFlow({ personalInfoIndividuals: 200_000, destinationCountry: 'CN' })).applicable).toBe(false)
	})
})

describe('monotonic in risk', () => {
	const counts = [0, 1, 50_000, 90_000, 99_999, 100_000, 500_000, 900_000, 999_999, 1_000_000, 5_000_000, 20_000_000]
	const mechanisms: MechanismInPlace[] = ['none', 'standard_contract', 'certification', 'security_assessment']
	const scores = (f: (n: number) => UnitInventory) =>
		counts.map(n => {
			const e = scoreUnit(f(n), ctx)
			return [...DIMENSIONS.map(d => e.dimensions[d].score), e.overall.score, e.penalties.totalMaxRmb]
		})
	const nonDecreasing = (rows: number[][]) => rows.every((row, i) => i === 0 || row.every((v, j) => v >= rows[i - 1]![j]!))

	test.each(mechanisms)('more non-sensitive individuals never lower a score (%s in place)', mechanismInPlace => {
		expect(nonDecreasing(scores(n => withFlow({ personalInfoIndividuals: n, mechanismInPlace })))).toBe(true)
	})

	test.each(mechanisms)('more sensitive individuals never lower a score (%s in place)', mechanismInPlace => {
		expect(nonDecreasing(scores(n => withFlow({ sensitivePersonalInfoIndividuals: n, mechanismInPlace })))).toBe(true)
	})

	test('more individuals never lower a CIIO score', () => {
		const ciio = (n: number) => ({ ...withFlow({ personalInfoIndividuals: n }), unit: unit({ isCiio: true }) })
		expect(nonDecreasing(scores(ciio))).toBe(true)
	})

	test('a later date never lowers the MLPS score of an unfiled, unassessed system', () => {
		const dates = ['2025-01-01', '2025-01-20', '2025-02-05', '2025-03-01', '2025-08-01', '2026-03-01', '2027-01-01']
		const inv = inventory({
			systems: [system({ mlpsLevel: 3, gradedOn: '2025-01-06', filedOn: null, lastAssessedOn: null })],
		})
		const mlps = dates.map(asOf => scoreUnit(inv, { ...ctx, asOf }).dimensions.cybersecurity_mlps.score)
		expect(mlps.every((v, i) => i === 0 || v >= mlps[i - 1]!)).toBe(true)
	})

	test('more days overdue never lower the MLPS score', () => {
		const inv = inventory({ systems: [system({ mlpsLevel: 3, lastAssessedOn: '2025-01-01' })] })
		const dates = ['2025-06-01', '2025-11-15', '2026-01-02', '2026-05-01', '2026-08-01', '2027-06-01']
		const mlps = dates.map(asOf => scoreUnit(inv, { ...ctx, asOf }).dimensions.cybersecurity_mlps.score)
		expect(mlps.every((v, i) => i === 0 || v >= mlps[i - 1]!)).toBe(true)
	})

	test('a severely overdue assessment scores above a recently overdue one', () => {
		// level 3 system: impact 3; overdue 4 x 3 = 12; over 180 days 5 x 3 = 15
		const inv = inventory({ systems: [system({ mlpsLevel: 3, lastAssessedOn: '2025-01-01' })] })
		const at = (asOf: string) => scoreUnit(inv, { ...ctx, asOf }).dimensions.cybersecurity_mlps.score
		expect([at('2026-01-10'), at('2026-08-01')]).toEqual([12, 15])
	})

	test('a higher climate factor never lowers enforcement', () => {
		const inv = inventory({ unit: unit({ handlesConsumerData: true }), staffing: [staffing()] })
		const at = (climate: number) =>
			scoreUnit(
				inv,
				withSettings(s => void (s.enforcement.climateFactor = climate)),
			).dimensions.enforcement.score
		expect(at(1.5)).toBeGreaterThan(at(1))
	})
})

describe('explained and deterministic', () => {
	const busy = scoreUnit(busyInventory(), ctx)

	test('every non-zero score has at least one finding', () => {
		for (const d of DIMENSIONS) {
			if (busy.dimensions[d].score > 0) expect(busy.dimensions[d].findings.length).toBeGreaterThan(0)
		}
	})

	test('every non-zero score has a decisive finding that gives it', () => {
		for (const d of DIMENSIONS) {
			const dim = busy.dimensions[d]
			if (dim.score === 0) continue
			const decisive = dim.findings.find(f => f.decisive)
			expect(decisive?.contribution.impact).toBe(dim.impact)
		}
	})

	test('every finding names a rule, an entity and its inputs', () => {
		const findings = DIMENSIONS.flatMap(d => busy.dimensions[d].findings)
		expect(findings.every(f => f.ruleId && f.entity.code && Object.keys(f.inputs).length > 0)).toBe(true)
	})

	test('finding ids are unique within a unit', () => {
		const ids = DIMENSIONS.flatMap(d => busy.dimensions[d].findings.map(f => f.id))
		expect(new Set(ids).size).toBe(ids.length)
	})

	test('the same inputs and settings give the same output', () => {
		expect(scoreUnit(busyInventory(), ctx)).toEqual(busy)
	})

	test('settings read back from JSON give the same output', () => {
		const settings = JSON.parse(JSON.stringify(DEFAULT_MODEL_SETTINGS)) as ModelSettings
		expect(scoreUnit(busyInventory(), { ...ctx, settings })).toEqual(busy)
	})

	test('the order of the flows does not change the output', () => {
		const inv = busyInventory()
		expect(scoreUnit({ ...inv, flows: [...inv.flows].reverse() }, ctx).dimensions).toEqual(busy.dimensions)
	})

	test('the model version is recorded', () => {
		expect(busy.modelVersion).toBe('2026.1')
	})
})

describe('MLPS dimension', () => {
	test('an ungraded system is a gap', () => {
		const e = scoreUnit(inventory({ systems: [system({ mlpsLevel: null, gradedOn: null, filedOn: null })] }), ctx)
		expect(ruleIds(e)).toContain('MLPS-UNGRADED')
	})

	test('a level-2 assessment past 2 years is a practice warning, not a gap', () => {
		const e = scoreUnit(inventory({ systems: [system({ lastAssessedOn: '2023-01-01' })] }), ctx)
		expect(e.dimensions.cybersecurity_mlps.findings[0]).toMatchObject({
			ruleId: 'MLPS-ASSESSMENT-PRACTICE-DUE',
			kind: 'warning',
			certainty: 'practice',
			penalties: [],
		})
	})

	test('an overdue filing keeps its uncertain deadline visible', () => {
		const e = scoreUnit(inventory({ systems: [system({ filedOn: null })] }), ctx)
		expect(e.dimensions.cybersecurity_mlps.findings[0]).toMatchObject({
			ruleId: 'MLPS-FILING-OVERDUE',
			certainty: 'uncertain',
		})
	})

	test('cloud technology surfaces its extension requirements', () => {
		const e = scoreUnit(inventory({ systems: [system({ mlpsLevel: 3, technologies: ['cloud'] })] }), ctx)
		expect(ruleIds(e)).toContain('MLPS-EXTENSIONS')
	})
})

describe('localisation, inspection, workforce', () => {
	test('important data exported without an assessment is a localisation gap', () => {
		const e = scoreUnit(withFlow({ includesImportantData: true }), ctx)
		expect(e.dimensions.data_localisation.findings[0]).toMatchObject({
			ruleId: 'LOC-IMPORTANT-DATA-OFFSHORE',
			kind: 'gap',
		})
	})

	test("a CIIO's HR transfer is exempt but still a localisation exposure", () => {
		const inv = {
			...withFlow({ personalInfoIndividuals: 500, purpose: 'hr_management' }),
			unit: unit({ isCiio: true }),
		}
		expect(ruleIds(scoreUnit(inv, ctx))).toContain('LOC-EXEMPT-EXPORT')
	})

	test('a unit without CIIO status or important data has no localisation score', () => {
		expect(scoreUnit(withFlow({ personalInfoIndividuals: 200_000 }), ctx).dimensions.data_localisation.band).toBe('none')
	})

	test('source code on a system in China is an inspection exposure', () => {
		const e = scoreUnit(inventory({ systems: [system({ holdsSourceCode: true })] }), ctx)
		expect(ruleIds(e)).toContain('IP-SOURCE-CODE')
	})

	test("150 of the group's 1,000 back-office staff rate impact 3", () => {
		// 150 / 1,000 = 15% -> the 0.15 step -> 3; back office likelihood 3: score 9
		const e = scoreUnit(inventory({ staffing: [staffing()] }), ctx)
		expect(e.dimensions.workforce_concentration).toMatchObject({ likelihood: 3, impact: 3, score: 9 })
	})

	test('a function without a group headcount is a data-quality finding', () => {
		const e = scoreUnit(inventory({ staffing: [staffing({ function: 'sales' })] }), ctx)
		expect(ruleIds(e)).toContain('WF-GROUP-HEADCOUNT-UNKNOWN')
	})

	test('workforceImpact is the impact the workforce findings carry', () => {
		const s = DEFAULT_MODEL_SETTINGS.workforce
		expect([workforceImpact(150, 1_000, s), workforceImpact(49, 1_000, s), workforceImpact(50, 1_000, s)]).toEqual([3, 1, 2])
		expect(workforceImpact(2_000, 1_000, s)).toBe(5) // the share is capped at 100%
		expect([workforceImpact(10, null, s), workforceImpact(10, 0, s)]).toEqual([s.unknownImpact, s.unknownImpact])
		const e = scoreUnit(inventory({ staffing: [staffing({ function: 'sales' })] }), ctx)
		expect(e.dimensions.workforce_concentration.findings[0]!.contribution.impact).toBe(workforceImpact(150, null, s))
	})
})

describe('penalties', () => {
	test('PIPL takes 5% of turnover when it exceeds RMB 50M', () => {
		// 5% x 2,000,000,000 = 100,000,000 > 50,000,000
		const inv = {
			...withFlow({ personalInfoIndividuals: 200_000 }),
			unit: unit({ priorYearGlobalTurnoverRmb: 2_000_000_000 }),
		}
		expect(scoreUnit(inv, ctx).penalties.byLaw).toEqual([expect.objectContaining({ law: 'PIPL', maxRmb: 100_000_000 })])
	})

	test('PIPL takes RMB 50M when 5% of turnover is less', () => {
		// 5% x 100,000,000 = 5,000,000 < 50,000,000
		expect(scoreUnit(withFlow({ personalInfoIndividuals: 200_000 }), ctx).penalties.totalMaxRmb).toBe(50_000_000)
	})

	test('two flows in breach of PIPL count PIPL once', () => {
		const inv = inventory({
			flows: [flow({ personalInfoIndividuals: 200_000 }), flow({ id: 11, code: 'FL-2', sensitivePersonalInfoIndividuals: 50 })],
		})
		expect(scoreUnit(inv, ctx).penalties.totalMaxRmb).toBe(50_000_000)
	})

	test('important data exported without an assessment adds DSL art. 46', () => {
		// PIPL is not engaged (no personal information); DSL art. 46 serious tier: 10,000,000
		expect(scoreUnit(withFlow({ includesImportantData: true }), ctx).penalties.byLaw).toEqual([
			expect.objectContaining({ law: 'DSL', article: 'Art. 46', maxRmb: 10_000_000 }),
		])
	})

	test('a CIIO export fine before 2026 rests on the unverified 2017 art. 66 and is flagged', () => {
		const inv = { ...withFlow({ personalInfoIndividuals: 10 }), unit: unit({ isCiio: true }) }
		const e = scoreUnit(inv, { ...ctx, asOf: '2025-12-31' })
		expect(e.penalties.byLaw).toContainEqual(expect.objectContaining({ law: 'CSL', article: 'Art. 66 (2017 text)' }))
		expect(e.penalties.unverified).toBe(true)
	})

	test('a CIIO export from 2026 has no CSL fine of its own (art. 71(3)): PIPL art. 66 reaches it', () => {
		const inv = { ...withFlow({ personalInfoIndividuals: 10 }), unit: unit({ isCiio: true }) }
		const e = scoreUnit(inv, ctx)
		expect(e.penalties.byLaw.map(p => p.law)).toEqual(['PIPL'])
		expect(e.penalties.unverified).toBe(false)
	})

	test('a fine resting only on verified articles is not flagged', () => {
		expect(scoreUnit(withFlow({ personalInfoIndividuals: 200_000 }), ctx).penalties.unverified).toBe(false)
	})

	test('MLPS gaps point to the amended CSL from 2026', () => {
		// asOf 2026-06-30 is after 2026-01-01: art. 61 maximum RMB 2,000,000
		const e = scoreUnit(inventory({ systems: [system({ filedOn: null })] }), ctx)
		expect(e.penalties.byLaw).toEqual([expect.objectContaining({ law: 'CSL', maxRmb: 2_000_000 })])
	})

	test('MLPS gaps point to the 2017 CSL before 2026', () => {
		const e = scoreUnit(inventory({ systems: [system({ filedOn: null })] }), { ...ctx, asOf: '2025-06-30' })
		expect(e.penalties.byLaw).toEqual([expect.objectContaining({ law: 'CSL', maxRmb: 100_000 })])
	})

	test('the base tier is used when the settings say so', () => {
		const base = withSettings(s => void (s.penalties.tier = 'base'))
		expect(scoreUnit(withFlow({ personalInfoIndividuals: 200_000 }), base).penalties.totalMaxRmb).toBe(1_000_000)
	})
})

describe('settings drive the scores', () => {
	test('escalation raises likelihood when three gaps coincide', () => {
		// three level-2 systems with overdue filings: three gaps, likelihood 4 + 1 = 5, level-2 impact 2: 5 x 2 = 10
		const systems = [20, 21, 22].map(id => system({ id, code: `SYS-${id}`, filedOn: null, lastAssessedOn: AS_OF }))
		expect(scoreUnit(inventory({ systems }), ctx).dimensions.cybersecurity_mlps).toMatchObject({
			likelihood: 5,
			score: 10,
			escalated: true,
		})
	})

	test('the overall score is the highest weighted dimension score', () => {
		// cross-border 15 x 1.0 = 15 beats workforce 9 x 0.6 = 5.4
		const inv = inventory({ flows: [flow({ personalInfoIndividuals: 200_000 })], staffing: [staffing()] })
		expect(scoreUnit(inv, ctx).overall).toMatchObject({ method: 'weighted_max', score: 15, dimension: 'cross_border' })
	})

	test('a dimension weight changes the overall score', () => {
		// cross-border 15 x 0.5 = 7.5 beats workforce 9 x 0.6 = 5.4
		const inv = inventory({ flows: [flow({ personalInfoIndividuals: 200_000 })], staffing: [staffing()] })
		const half = withSettings(s => void (s.dimensionWeights.cross_border = 0.5))
		expect(scoreUnit(inv, half).overall).toMatchObject({ score: 7.5, band: 'medium' })
	})

	test('the risk matrix sets the band', () => {
		const strict = withSettings(s => void (s.riskMatrix = s.riskMatrix.map(row => row.map(() => 'critical' as const))))
		expect(crossBorder(withFlow({ personalInfoIndividuals: 50_000 }), strict).band).toBe('critical')
	})

	test('an unreadable date is reported, not ignored', () => {
		const e = scoreUnit(withFlow({ personalInfoIndividuals: 200_000 }), { ...ctx, asOf: '30/06/2026' })
		expect(ruleIds(e)).toContain('DQ-AS-OF-INVALID')
	})
})

describe('portfolio', () => {
	const portfolio = scorePortfolio(
		{
			units: [busyInventory(), inventory({ unit: unit({ id: 2, code: 'BU-EMPTY' }) })],
			groupHeadcount: ctx.groupHeadcount,
		},
		DEFAULT_MODEL_SETTINGS,
		AS_OF,
	)

	test('scores every unit', () => {
		expect(portfolio.units.map(u => u.unitCode)).toEqual(['BU-SH-OPS', 'BU-EMPTY'])
	})

	test("reports China's share of each function", () => {
		// back office: 150 / 1,000 = 0.15
		expect(portfolio.workforce.find(w => w.function === 'back_office')).toMatchObject({
			chinaHeadcount: 150,
			share: 0.15,
		})
	})

	test('counts the empty unit as none in every dimension', () => {
		expect(portfolio.dimensions.cross_border.bandCounts.none).toBe(1)
	})

	test('sums the units’ fines', () => {
		expect(portfolio.penalties.totalMaxRmb).toBe(portfolio.units[0]!.penalties.totalMaxRmb)
	})
})
