import { describe, expect, test } from 'vitest'
import { deriveUnitDuties, piOfficerReportDue, renewalWindow } from '#models/obligations/derive.ts'
import { techExportItemProblem } from '#models/obligations/export-catalogue.ts'
import { systemFieldsSchema, unitFieldsSchema } from '#models/inventory-schemas.ts'
import { forecastExporter } from '#models/obligations/forecast.ts'
import { buildRegister, checkStatusInput, parseRegisterQuery, queryRegister } from '#models/obligations/register.ts'
import { type DutyStatusRecord } from '#models/obligations/types.ts'
import { techExportStep } from '#models/obligations/tech-export.ts'
import { shiftWorkingDays } from '#models/obligations/working-days.ts'
import { flow, system, unit } from './fixtures.ts'

const AS_OF = '2026-06-30'
const inv = (parts: Partial<Parameters<typeof deriveUnitDuties>[0]> = {}) => ({
	unit: unit(),
	systems: [],
	flows: [],
	staffing: [],
	...parts,
})
const kinds = (i: ReturnType<typeof inv>, asOf = AS_OF) => deriveUnitDuties(i, asOf).map(d => d.kind)

describe('working days on the PRC calendar (State Council notice for 2026)', () => {
	test('a make-up Saturday counts and the Spring Festival does not', () => {
		expect(shiftWorkingDays('2026-02-13', 1)?.date).toBe('2026-02-14') // Saturday worked (上班)
		expect(shiftWorkingDays('2026-02-14', 1)?.date).toBe('2026-02-24') // 15-23 February off
	})
	test('the 60-working-day renewal window before 31 December 2026 opens on 9 October (10 October is worked)', () => {
		const w = renewalWindow('2026-12-31')!
		expect(w.opensOn).toBe('2026-10-09')
		expect(w.basis.basis).toBe('holiday_calendar')
	})
	test('a window across National Day skips 1-7 October and 25-27 September, and counts Sunday 20 September', () => {
		expect(shiftWorkingDays('2026-10-15', -10)?.date).toBe('2026-09-24')
		expect(shiftWorkingDays('2026-09-21', -1)?.date).toBe('2026-09-20')
	})
	test('a year without a holiday notice is counted Monday-Friday and says so', () => {
		const r = shiftWorkingDays('2027-03-01', -5)!
		expect(r.date).toBe('2027-02-22')
		expect(r.basis).toBe('weekdays_only')
		expect(r.unknownYears).toEqual([2027])
	})
})

describe('MLPS and cryptography duties', () => {
	test('level 2: filing and a practice-only assessment, no cryptography assessment', () => {
		const duties = deriveUnitDuties(inv({ systems: [system({ mlpsLevel: 2 })] }), AS_OF)
		expect(duties.map(d => d.kind)).toEqual(expect.arrayContaining(['mlps_filing', 'mlps_assessment']))
		expect(duties.find(d => d.kind === 'mlps_assessment')?.certainty).toBe('practice')
		expect(duties.some(d => d.kind === 'crypto_assessment')).toBe(false)
	})
	test('level 3: a yearly assessment in law and a cryptography assessment (unverified frequency)', () => {
		const duties = deriveUnitDuties(inv({ systems: [system({ mlpsLevel: 3, lastAssessedOn: '2025-08-01' })] }), AS_OF)
		const assessment = duties.find(d => d.kind === 'mlps_assessment')!
		expect(assessment.dueOn).toBe('2026-08-01')
		expect(assessment.certainty).toBe('law')
		const crypto = duties.find(d => d.kind === 'crypto_assessment')!
		expect(crypto.source.verified).toBe(false)
		expect(crypto.recurrenceMonths).toBe(12)
	})
	test('filing is due 30 days after grading', () => {
		const d = deriveUnitDuties(inv({ systems: [system({ mlpsLevel: 2, gradedOn: '2026-06-01', filedOn: null })] }), AS_OF)
		expect(d.find(x => x.kind === 'mlps_filing')?.dueOn).toBe('2026-07-01')
	})
})

describe('PIPL scale duties', () => {
	const withCount = (n: number) => inv({ flows: [flow({ personalInfoIndividuals: n, purpose: 'hr_management' })] })
	test('999,999 individuals: no officer duty; 1,000,000: the officer duty (以上 includes it)', () => {
		expect(kinds(withCount(999_999))).not.toContain('pi_officer')
		expect(kinds(withCount(1_000_000))).toContain('pi_officer')
	})
	test('exactly 10,000,000: no audit (超过 excludes it); 10,000,001: an audit every two years', () => {
		expect(kinds(withCount(10_000_000))).not.toContain('compliance_audit')
		const audit = deriveUnitDuties(withCount(10_000_001), AS_OF).find(d => d.kind === 'compliance_audit')!
		expect(audit.recurrenceMonths).toBe(24)
		expect(audit.certainty).toBe('law')
	})
	test('unknown counts in a consumer-data unit give uncertain duties, never silence', () => {
		const d = deriveUnitDuties(inv({ unit: unit({ handlesConsumerData: true }), flows: [flow({ personalInfoIndividuals: null })] }), AS_OF)
		expect(d.find(x => x.kind === 'pi_officer')?.certainty).toBe('uncertain')
	})
})

describe('cross-border, incidents, CIIO and important data', () => {
	test('a security assessment expiring gets its renewal with the window', () => {
		const d = deriveUnitDuties(
			inv({ flows: [flow({ mechanismInPlace: 'security_assessment', mechanismSince: '2023-12-31', mechanismExpiresOn: '2026-12-31' })] }),
			AS_OF,
		)
		const r = d.find(x => x.kind === 'assessment_renewal')!
		expect(r.dueOn).toBe('2026-12-31')
		expect(r.windowOpensOn).toBe('2026-10-09')
		expect(r.source.article).toBe('Art. 9')
	})
	test('a flow needing a standard contract without one gets the filing duty; a PIPIA precedes any PI transfer', () => {
		const k = kinds(inv({ flows: [flow({ personalInfoIndividuals: 150_000 })] }))
		expect(k).toContain('standard_contract_filing')
		expect(k).toContain('pipia')
	})
	test('incident readiness: 4 hours for an ordinary operator, 1 hour and the CIIO duties for a CIIO', () => {
		const plain = deriveUnitDuties(inv(), AS_OF).find(d => d.kind === 'incident_readiness')!
		expect(plain.duty).toMatch(/4 hours/)
		const ciio = deriveUnitDuties(inv({ unit: unit({ isCiio: true }) }), AS_OF)
		expect(ciio.find(d => d.kind === 'incident_readiness')!.duty).toMatch(/1 hour/)
		expect(ciio.find(d => d.kind === 'ciio_inspection')!.article).toBe('Art. 40')
		expect(ciio.find(d => d.kind === 'ciio_procurement_review')!.article).toBe('Art. 37')
	})
	test('important data brings the yearly risk assessment (art. 33) and the responsible person (unverified)', () => {
		const d = deriveUnitDuties(inv({ systems: [system({ holdsImportantData: true })] }), AS_OF)
		expect(d.find(x => x.kind === 'important_data_risk_assessment')!.article).toBe('Art. 33')
		expect(d.find(x => x.kind === 'important_data_officer')!.certainty).toBe('uncertain')
	})
})

describe('register: status, recurrence, filters', () => {
	const duties = deriveUnitDuties(
		inv({ unit: unit({ isCiio: true }), systems: [system({ mlpsLevel: 3, lastAssessedOn: '2025-05-01' })] }),
		AS_OF,
	)
	const record = (dutyKey: string, over: Partial<DutyStatusRecord> = {}): DutyStatusRecord => ({
		dutyKey,
		unitId: 1,
		status: 'done',
		owner: 'Li Wei',
		evidenceRef: 'DOC-1',
		evidenceOn: '2026-03-01',
		reason: null,
		version: 1,
		updatedAt: '2026-03-01 10:00:00',
		updatedBy: 'a@example.com',
		...over,
	})
	test('a yearly duty done on 1 March falls due on 1 March next year', () => {
		const key = duties.find(d => d.kind === 'ciio_inspection')!.key
		const row = buildRegister(duties, [record(key)], AS_OF).find(r => r.key === key)!
		expect(row.dueOn).toBe('2027-03-01')
		expect(row.status).toBe('done')
	})
	test('once the next occurrence has passed the duty is open and overdue again', () => {
		const key = duties.find(d => d.kind === 'ciio_inspection')!.key
		const row = buildRegister(duties, [record(key, { evidenceOn: '2025-03-01' })], AS_OF).find(r => r.key === key)!
		expect(row.status).toBe('open')
		expect(row.overdue).toBe(true)
	})
	test('overdue filter and due-within filter', () => {
		const rows = buildRegister(duties, [], AS_OF)
		const q = parseRegisterQuery(new URLSearchParams('overdue=1'))
		expect(q.ok && queryRegister(rows, q.value).map(r => r.kind)).toEqual(['mlps_assessment'])
		const within = parseRegisterQuery(new URLSearchParams('within=0'))
		expect(within.ok && queryRegister(rows, within.value).length).toBe(1)
	})
	test('a bad filter names its field', () => {
		const q = parseRegisterQuery(new URLSearchParams('within=soon&law=GDPR'))
		expect(q.ok).toBe(false)
		expect(!q.ok && Object.keys(q.errors).sort()).toEqual(['law', 'within'])
	})
	test('done needs an evidence reference and date; not applicable needs a reason', () => {
		const base = { owner: null, evidenceRef: null, evidenceOn: null, reason: null, expectedVersion: 0 }
		expect(Object.keys(checkStatusInput({ ...base, status: 'done' }, AS_OF)!).sort()).toEqual(['evidenceOn', 'evidenceRef'])
		expect(Object.keys(checkStatusInput({ ...base, status: 'not_applicable' }, AS_OF)!)).toEqual(['reason'])
		expect(checkStatusInput({ ...base, status: 'done', evidenceRef: 'X', evidenceOn: '2026-07-01' }, AS_OF)?.evidenceOn).toBeDefined()
	})
})

describe('threshold forecast', () => {
	// 30 June 2026 is day 181: 90,500 non-sensitive is 500 a day; 5,430 sensitive is 30 a day.
	const exporter = inv({ flows: [flow({ personalInfoIndividuals: 90_500, sensitivePersonalInfoIndividuals: 5_430 })] })
	test('crossings from the run rate, with the mechanism then needed', () => {
		const f = forecastExporter(exporter, AS_OF)
		const by = Object.fromEntries(f.crossings.map(c => [c.threshold, c]))
		expect(by.non_sensitive_100k!.forecastOn).toBe('2026-07-19') // 9,500 / 500 = 19 days
		expect(by.non_sensitive_100k!.mechanism).toBe('standard_contract_or_certification')
		expect(by.non_sensitive_1m!.forecastOn).toBeNull() // not before 1 January
		expect(by.sensitive_10k!.forecastOn).toBe('2026-11-30') // ceil(4,570 / 30) = 153 days
	})
	test('the security assessment lead time: 57 working days back, then 60 days of preparation', () => {
		const c = forecastExporter(exporter, AS_OF).crossings.find(x => x.threshold === 'sensitive_10k')!
		expect(c.startBy).toBe('2026-07-06')
		expect(c.leadTimeDays).toBe(147)
		expect(c.startNow).toBe(false)
	})
	test('start now once the lead time reaches the crossing', () => {
		const c = forecastExporter(exporter, AS_OF).crossings.find(x => x.threshold === 'non_sensitive_100k')!
		expect(c.startNow).toBe(true) // 45 days of preparation > 19 days left
	})
	test('a crossing already made is said so; a CIIO has no threshold; exempt flows do not count', () => {
		const over = forecastExporter(inv({ flows: [flow({ personalInfoIndividuals: 100_000 })] }), AS_OF)
		expect(over.crossings.find(c => c.threshold === 'non_sensitive_100k')!.crossed).toBe(true)
		expect(forecastExporter(inv({ unit: unit({ isCiio: true }), flows: [flow({ personalInfoIndividuals: 5 })] }), AS_OF).applicable).toBe(
			false,
		)
		expect(forecastExporter(inv({ flows: [flow({ personalInfoIndividuals: 900_000, purpose: 'hr_management' })] }), AS_OF).applicable).toBe(
			false,
		)
	})
	test('months project from the run rate and the note says what changes on 1 January', () => {
		const f = forecastExporter(exporter, AS_OF)
		expect(f.months).toHaveLength(12)
		expect(f.months[11]).toMatchObject({ month: '2026-12', nonSensitive: 182_500, projected: true })
		expect(f.resetNote).toMatch(/2027-01-01/)
	})
})

describe('technology export licence step of a relocation', () => {
	const facts = (over: Partial<Parameters<typeof techExportStep>[0]> = {}) => ({
		kind: 'relocate' as const,
		lineFunction: 'rnd',
		destinationIsMainland: false,
		systems: [{ code: 'SYS-GIT', holdsSourceCode: true, technologies: [] }],
		neededBy: '2026-12-01',
		...over,
	})
	test('R&D moved abroad from a unit holding source code gets the check, applied for 45 working days ahead', () => {
		const step = techExportStep(facts())!
		expect(step.applyBy).toBe(shiftWorkingDays('2026-12-01', -45)!.date)
		expect(step.applyBy).toBe('2026-09-22') // 1-7 Oct and 25-27 Sep off, 10 Oct worked
		expect(step.source.verified).toBe(false)
	})
	test('no step for a cut, a move inside the mainland, another function or no source code', () => {
		expect(techExportStep(facts({ kind: 'cut' }))).toBeNull()
		expect(techExportStep(facts({ destinationIsMainland: true }))).toBeNull()
		expect(techExportStep(facts({ lineFunction: 'back_office' }))).toBeNull()
		expect(techExportStep(facts({ systems: [{ code: 'S', holdsSourceCode: false, technologies: [] }] }))).toBeNull()
	})
})

describe('the lower bound of individuals processed', () => {
	test('two flows of 600,000 may be the same people: no officer duty from their sum; a distinct count of 1,200,000 is', () => {
		const two = inv({
			flows: [flow({ code: 'A', personalInfoIndividuals: 600_000 }), flow({ code: 'B', personalInfoIndividuals: 600_000 })],
		})
		expect(kinds(two)).not.toContain('pi_officer')
		expect(kinds({ ...two, unit: unit({ distinctIndividualsAbroad: 1_200_000 }) })).toContain('pi_officer')
	})
})

describe('individuals processed (recorded on the unit)', () => {
	const consumer = (over: Partial<Parameters<typeof unit>[0]> = {}) => inv({ unit: unit({ handlesConsumerData: true, ...over }) })
	const officer = (i: ReturnType<typeof inv>) => deriveUnitDuties(i, AS_OF).find(d => d.kind === 'pi_officer')
	test('999,999 recorded: no officer; 1,000,000 recorded: the officer duty in law (以上 includes it)', () => {
		expect(officer(consumer({ piIndividualsProcessed: 999_999 }))).toBeUndefined()
		expect(officer(consumer({ piIndividualsProcessed: 1_000_000 }))?.certainty).toBe('law')
	})
	test('exactly 10,000,000 recorded: no audit (超过 excludes it); 10,000,001: the two-yearly audit', () => {
		expect(kinds(consumer({ piIndividualsProcessed: 10_000_000 }))).not.toContain('compliance_audit')
		expect(
			deriveUnitDuties(consumer({ piIndividualsProcessed: 10_000_001 }), AS_OF).find(d => d.kind === 'compliance_audit')?.certainty,
		).toBe('law')
	})
	test('unknown stays uncertain for a consumer business; a recorded count below the thresholds settles it', () => {
		const unknown = deriveUnitDuties(consumer(), AS_OF)
		expect(unknown.find(d => d.kind === 'pi_officer')?.certainty).toBe('uncertain')
		expect(unknown.find(d => d.kind === 'compliance_audit')?.certainty).toBe('uncertain')
		expect(kinds(consumer({ piIndividualsProcessed: 500_000 }))).not.toContain('pi_officer')
		expect(kinds(inv())).not.toContain('pi_officer') // no consumer data, nothing known above the threshold
	})
	test('the recorded count never lowers what transfers prove: 1,200,000 sent abroad beats 800,000 recorded', () => {
		const i = inv({ unit: unit({ piIndividualsProcessed: 800_000 }), flows: [flow({ personalInfoIndividuals: 1_200_000 })] })
		expect(officer(i)?.certainty).toBe('law')
	})
	test('the report falls due 30 working days after the day 1,000,000 was reached (Dragon Boat Festival skipped)', () => {
		const d = officer(consumer({ piIndividualsProcessed: 1_500_000, piOfficerThresholdReachedOn: '2026-06-01' }))!
		expect(d.dueOn).toBe('2026-07-14') // 19 June off
		expect(d.dueOn).toBe(shiftWorkingDays('2026-06-01', 30)!.date)
		expect(d.state).toBe('scheduled')
		expect(d.note).toMatch(/State Council holiday calendar/)
	})
	test('reached before the announcement of 2025-07-18: due 2025-08-29; from that day: 30 working days on the 2025 calendar', () => {
		expect(piOfficerReportDue('2025-07-17')?.dueOn).toBe('2025-08-29')
		const onTheDay = piOfficerReportDue('2025-07-18')!
		expect(onTheDay.dueOn).toBe('2025-08-29') // 18 July was a Friday: six full weeks of working days
		expect(onTheDay.how).toMatch(/State Council holiday calendar/)
		// Across National Day 2025: 1-8 October off, Sunday 28 September and Saturday 11 October worked.
		expect(piOfficerReportDue('2025-09-15')?.dueOn).toBe('2025-10-31')
		expect(officer(consumer({ piOfficerThresholdReachedOn: '2025-03-01' }))).toMatchObject({ dueOn: '2025-08-29', state: 'overdue' })
	})
	test('a recorded day of reaching 1,000,000 proves the duty; without the day there is no due date, and it says so', () => {
		expect(officer(inv({ unit: unit({ piOfficerThresholdReachedOn: '2026-05-04' }) }))?.certainty).toBe('law')
		const undated = officer(consumer({ piIndividualsProcessed: 2_000_000 }))!
		expect(undated.dueOn).toBeNull()
		expect(undated.state).toBe('undated')
		expect(undated.note).toMatch(/not recorded/)
	})
	test('the form and the CSV refuse a day of reaching 1,000,000 with a smaller count, naming the field', () => {
		const fields = {
			code: 'BU-X',
			name: 'X',
			segment: 'retail',
			legal_entity_type: 'wfoe',
			city: 'Shanghai',
			sector: 'retail',
			china_revenue_rmb: '1',
			prior_year_global_turnover_rmb: '1',
		}
		const bad = unitFieldsSchema.safeParse({
			...fields,
			pi_individuals_processed: '900,000',
			pi_officer_threshold_reached_on: '2026-01-05',
		})
		expect(bad.success).toBe(false)
		expect(bad.error!.issues.map(i => i.path[0])).toEqual(['pi_officer_threshold_reached_on'])
		const good = unitFieldsSchema.parse({ ...fields, pi_individuals_processed: '1,000,000', pi_officer_threshold_reached_on: '2026-01-05' })
		expect(good).toMatchObject({ pi_individuals_processed: 1_000_000, pi_officer_threshold_reached_on: '2026-01-05' })
		expect(unitFieldsSchema.parse(fields).pi_individuals_processed).toBeNull() // empty is unknown, not zero
	})
})

describe('technology export: a determination where the Catalogue category is recorded', () => {
	const facts = (systems: Parameters<typeof techExportStep>[0]['systems']) => ({
		kind: 'relocate' as const,
		lineFunction: 'rnd',
		destinationIsMainland: false,
		systems,
		neededBy: '2026-12-01',
	})
	const sys = (code: string, over: Partial<Parameters<typeof techExportStep>[0]['systems'][number]> = {}) => ({
		code,
		holdsSourceCode: true,
		technologies: [],
		...over,
	})
	test('not determined: a check; restricted: the licence, applied for 45 working days ahead; prohibited: no export', () => {
		expect(techExportStep(facts([sys('A')]))!.determination).toBe('check')
		const licence = techExportStep(
			facts([sys('A', { techExportCategory: 'restricted', techExportItem: '086501X information processing' })]),
		)!
		expect(licence).toMatchObject({ determination: 'licence_required', applyBy: '2026-09-22' })
		expect(licence.systems[0]!.catalogue?.number).toBe('086501X')
		expect(licence.note).toMatch(/restricted category: apply .* by 2026-09-22/)
		const banned = techExportStep(facts([sys('A', { techExportCategory: 'prohibited', techExportItem: 'gene editing' })]))!
		expect(banned).toMatchObject({ determination: 'prohibited', applyBy: null })
	})
	test('every system determined not listed: no step; one still open: a check that names only it', () => {
		expect(techExportStep(facts([sys('A', { techExportCategory: 'none' }), sys('B', { techExportCategory: 'none' })]))).toBeNull()
		const step = techExportStep(facts([sys('A', { techExportCategory: 'none' }), sys('B')]))!
		expect(step.determination).toBe('check')
		expect(step.note).toContain('(B)')
		expect(step.note).not.toContain('A,')
	})
	test('a listed technology counts even where the system holds no source code', () => {
		const step = techExportStep(
			facts([sys('LIDAR', { holdsSourceCode: false, techExportCategory: 'restricted', techExportItem: 'lidar' })]),
		)
		expect(step?.determination).toBe('licence_required')
	})
	test('the form and the CSV: the item goes with the category, and its J or X suffix must agree', () => {
		const base = { code: 'S', unit_code: 'U', name: 'N' }
		const problem = (category: string, item: string) => {
			const r = systemFieldsSchema.safeParse({ ...base, tech_export_category: category, tech_export_item: item })
			return r.success ? null : r.error.issues.map(i => `${String(i.path[0])}: ${i.message}`).join('; ')
		}
		expect(problem('restricted', '')).toMatch(/^tech_export_item: .*required/)
		expect(problem('none', '086501X')).toMatch(/^tech_export_item: .*must be empty/)
		expect(problem('prohibited', '086501X information processing')).toMatch(/restricted item \(X\)/)
		expect(problem('sometimes', '')).toMatch(/^tech_export_category: /)
		expect(problem('restricted', '086501X information processing')).toBeNull()
		expect(problem('', '')).toBeNull() // not determined
		expect(techExportItemProblem('prohibited', '180105J')).toBeNull()
	})
})

describe('threshold forecast refined by monthly counts', () => {
	const F = flow({ id: 10, code: 'FL-A', personalInfoIndividuals: 90_000, sensitivePersonalInfoIndividuals: 0 })
	const month = (m: string, n: number, flowId = 10) => ({
		flowId,
		month: m,
		personalInfoIndividuals: n,
		sensitivePersonalInfoIndividuals: 0,
	})
	const recorded = [
		month('2026-01', 10_000),
		month('2026-02', 10_000),
		month('2026-03', 10_000),
		month('2026-04', 20_000),
		month('2026-05', 30_000),
	]
	test('the pace of the last three complete months (60,000 over 92 days) brings the 100,000 crossing forward', () => {
		const f = forecastExporter(inv({ flows: [F], flowMonths: recorded }), AS_OF)
		expect(f.basis).toMatchObject({ kind: 'monthly', months: ['2026-03', '2026-04', '2026-05'] })
		expect(f.perDay.nonSensitive).toBeCloseTo(60_000 / 92, 6)
		const c = f.crossings.find(x => x.threshold === 'non_sensitive_100k')!
		expect(c.forecastOn).toBe('2026-07-16') // ceil(10,000 / 652.17) = 16 days
		const runRate = forecastExporter(inv({ flows: [F] }), AS_OF)
		expect(runRate.basis.kind).toBe('run_rate')
		expect(runRate.crossings.find(x => x.threshold === 'non_sensitive_100k')!.forecastOn).toBe('2026-07-21') // 90,000 / 181 a day
	})
	test('months recorded are cumulated as recorded; June rises to the year-to-date count; July is projected at the pace', () => {
		const f = forecastExporter(inv({ flows: [F], flowMonths: recorded }), AS_OF)
		expect(f.months.slice(0, 5).map(m => [m.nonSensitive, m.recorded])).toEqual([
			[10_000, true],
			[20_000, true],
			[30_000, true],
			[50_000, true],
			[80_000, true],
		])
		expect(f.months[5]).toMatchObject({ month: '2026-06', nonSensitive: 90_000, projected: false, recorded: false })
		expect(f.months[6]).toMatchObject({ month: '2026-07', nonSensitive: Math.round(90_000 + (60_000 / 92) * 31), projected: true })
	})
	test('the run rate stays where a counted flow has no months, the current month or another year is all there is', () => {
		const two = [F, flow({ id: 11, code: 'FL-B', personalInfoIndividuals: 1_000 })]
		const f = forecastExporter(inv({ flows: two, flowMonths: recorded }), AS_OF)
		expect(f.basis.kind).toBe('run_rate')
		expect(f.basis.note).toContain('FL-B')
		expect(forecastExporter(inv({ flows: [F], flowMonths: [month('2026-06', 5_000), month('2025-12', 9)] }), AS_OF).basis.kind).toBe(
			'run_rate',
		)
	})
	test('recorded months above the year-to-date count raise it (unknown is never zero); a gap ends the series', () => {
		const high = forecastExporter(inv({ flows: [F], flowMonths: [...recorded, month('2026-05', 60_000)].slice(1) }), AS_OF)
		expect(high.basis.kind).toBe('run_rate') // January missing: the series must start in January
		const more = forecastExporter(
			inv({ flows: [F], flowMonths: recorded.map(m => (m.month === '2026-05' ? month('2026-05', 50_000) : m)) }),
			AS_OF,
		)
		expect(more.ytd.nonSensitive).toBe(100_000)
		expect(more.crossings.find(c => c.threshold === 'non_sensitive_100k')!.crossed).toBe(true)
		const gap = forecastExporter(inv({ flows: [F], flowMonths: recorded.filter(m => m.month !== '2026-03') }), AS_OF)
		expect(gap.basis.months).toEqual(['2026-01', '2026-02'])
	})
})
