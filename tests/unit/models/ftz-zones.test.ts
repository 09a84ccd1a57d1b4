// Art. 6 of the 2024 Provisions (free-trade-zone negative lists): only a unit registered in a zone whose list is in
// force on the date scored can claim it; the same flow is exempt the day the list applies and not the day before.
import { describe, expect, test } from 'vitest'
import { exporterRequirements } from '#models/exposure/rules/cross-border.ts'
import { flowStatuses } from '#models/flow-status.ts'
import { FTZ_ZONES, ftzFlagError, ftzListInForce, ftzRefusal, ftzZone } from '#models/ftz-zones.ts'
import { flowFieldsSchema, unitFieldsSchema } from '#models/inventory-schemas.ts'
import { flow, unit } from './fixtures.ts'

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

describe('the zone table', () => {
	test('every zone has a list, a valid since date and a source', () => {
		expect(FTZ_ZONES.length).toBeGreaterThanOrEqual(4)
		for (const z of FTZ_ZONES) {
			expect(z.since).toMatch(/^\d{4}-\d{2}-\d{2}$/)
			expect(z.list).toMatch(/负面清单/)
			expect(z.source).toMatch(/^https?:\/\//)
		}
		expect(new Set(FTZ_ZONES.map(z => z.id)).size).toBe(FTZ_ZONES.length)
	})

	test('Guangdong (Qianhai) has no list in force, so it is not a zone here', () => {
		expect(ftzZone('guangdong')).toBeUndefined()
		expect(ftzZone('qianhai')).toBeUndefined()
		expect(ftzZone('')).toBeUndefined()
		expect(ftzZone(null)).toBeUndefined()
	})
})

describe.each(FTZ_ZONES.map(z => [z.id, z.since] as const))('zone %s, list in force from %s', (id, since) => {
	const registered = unit({ ftzZone: id })
	const flows = [flow({ personalInfoIndividuals: 260_000, outsideFtzNegativeList: true })]

	test('on the day the list applies, the flow outside the list is exempt under art. 6', () => {
		expect(ftzListInForce(id, since)).toBe(true)
		expect(ftzRefusal(id, since)).toBeNull()
		const r = exporterRequirements(registered, flows, since).get(10)!
		expect(r.mechanism).toBe('exempt')
		expect(r.articles).toEqual(['Art. 6'])
	})

	test('the day before, the same flow is counted and needs what its volume needs (art. 8), and says why', () => {
		const before = dayBefore(since)
		expect(ftzListInForce(id, before)).toBe(false)
		const r = exporterRequirements(registered, flows, before).get(10)!
		expect(r.mechanism).toBe('standard_contract_or_certification')
		expect(r.articles).toContain('Art. 8')
		expect(r.reasons[0]).toContain(`applies from ${since}`)
		expect(r.cumulative.personalInfoIndividuals).toBe(260_000)
	})
})

describe('a unit not registered in a zone with a list', () => {
	const flows = [flow({ personalInfoIndividuals: 2_000_000, outsideFtzNegativeList: true })]

	test('cannot claim art. 6 on any date: the flag is read as not exempt, with the reason first', () => {
		const r = exporterRequirements(unit({ ftzZone: null }), flows, '2026-12-01').get(10)!
		expect(r.mechanism).toBe('security_assessment')
		expect(r.reasons[0]).toMatch(/art\. 6: Art\. 6 does not apply: the unit is not registered in a free-trade zone/)
	})

	test('the flow list shows it as lacking its mechanism', () => {
		const [status] = flowStatuses(unit(), flows, '2026-12-01')
		expect(status!.required).toBe('security_assessment')
		expect(status!.satisfied).toBe(false)
	})

	test('the flag itself is refused with a message naming the field and the unit', () => {
		expect(ftzFlagError(unit({ code: 'BU-SZ-LOG', ftzZone: null }))).toMatch(
			/^Outside an FTZ negative list: unit "BU-SZ-LOG" is not registered in a free-trade zone whose negative list is in force/,
		)
		expect(ftzFlagError(unit({ ftzZone: 'tianjin' }))).toBeNull()
	})
})

describe('the unit field', () => {
	const base = {
		code: 'BU-TJ',
		name: 'Tianjin trading',
		segment: 'services',
		legal_entity_type: 'wfoe',
		city: 'Tianjin',
		sector: 'logistics',
		china_revenue_rmb: '1',
		prior_year_global_turnover_rmb: '1',
	}

	test('takes a zone id (any case), or empty / none for no zone', () => {
		expect(unitFieldsSchema.parse({ ...base, ftz_zone: 'Tianjin' }).ftz_zone).toBe('tianjin')
		expect(unitFieldsSchema.parse({ ...base, ftz_zone: '' }).ftz_zone).toBeNull()
		expect(unitFieldsSchema.parse({ ...base, ftz_zone: 'none' }).ftz_zone).toBeNull()
		expect(unitFieldsSchema.parse(base).ftz_zone).toBeNull()
	})

	test('refuses a zone without a list in force, naming the field', () => {
		const r = unitFieldsSchema.safeParse({ ...base, ftz_zone: 'qianhai' })
		expect(r.success).toBe(false)
		expect(r.error!.issues[0]!.path).toEqual(['ftz_zone'])
		expect(r.error!.issues[0]!.message).toMatch(/^Free-trade zone must be empty \(none\) or a zone whose negative list is in force/)
	})

	test('the flow schema alone still parses the flag (the unit decides, in the service and the import)', () => {
		const parsed = flowFieldsSchema.safeParse({
			code: 'F',
			unit_code: 'BU-TJ',
			name: 'n',
			destination_country: 'SG',
			destination_entity: 'e',
			purpose: 'other',
			mechanism_in_place: 'none',
			outside_ftz_negative_list: 'yes',
		})
		expect(parsed.success).toBe(true)
	})
})
