import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type DbContext } from '#db/client.server.ts'
import { recordAudit } from '#db/repositories/audit.ts'
import { listFlows } from '#db/repositories/flows.ts'
import { findInventoryRecord, insertInventoryRecord, updateInventoryRecord } from '#db/repositories/inventory.ts'
import { getScoreInputsVersion } from '#db/repositories/inventory-version.ts'
import { insertActiveModelVersion } from '#db/repositories/model-versions.ts'
import { loadPortfolio } from '#db/repositories/portfolio.ts'
import { listUnits } from '#db/repositories/units.ts'
import { type BusinessUnit } from '#models/domain.ts'
import { FLOW_LIST_SPEC, UNIT_LIST_SPEC } from '#models/inventory-specs.ts'
import { parseListQuery } from '#models/list-query.ts'
import { clearTables, createTestDb, testDialects } from './setup.ts'

const unit = (code: string, over: Partial<BusinessUnit> = {}): Omit<BusinessUnit, 'id'> => ({
	code,
	name: `Unit ${code}`,
	segment: 'retail',
	legalEntityType: 'wfoe',
	city: 'Shanghai',
	sector: 'retail',
	isCiio: false,
	handlesConsumerData: true,
	chinaRevenueRmb: 1_200_000_000,
	priorYearGlobalTurnoverRmb: 90_000_000_000,
	priorYearEntityTurnoverRmb: null,
	distinctIndividualsAbroad: null,
	distinctSensitiveIndividualsAbroad: null,
	ftzZone: null,
	...over,
})

const query = <S extends string, F extends string>(spec: Parameters<typeof parseListQuery<S, F>>[1], qs: string) => {
	const r = parseListQuery(new URLSearchParams(qs), spec)
	if (!r.ok) throw new Error(JSON.stringify(r.errors))
	return r.value
}

describe.each(testDialects())('$name: inventory repositories', dialect => {
	let ctx: DbContext
	beforeAll(async () => {
		ctx = await createTestDb(dialect)
	})
	beforeEach(async () => clearTables(ctx))
	afterAll(async () => ctx.db.destroy())

	test('a unit round-trips with booleans and large money intact', async () => {
		const id = await insertInventoryRecord(ctx.db, 'units', unit('A', { isCiio: true, priorYearGlobalTurnoverRmb: 412_000_000_000 }))
		const found = await findInventoryRecord(ctx.db, 'units', id)
		// Facts not given read back as null: unknown, never zero.
		expect(found).toEqual({
			id,
			piIndividualsProcessed: null,
			piOfficerThresholdReachedOn: null,
			...unit('A', { isCiio: true, priorYearGlobalTurnoverRmb: 412_000_000_000 }),
		})
		const counted = await insertInventoryRecord(ctx.db, 'units', unit('B', { piIndividualsProcessed: 3_000_000_000 / 2 }))
		expect(await findInventoryRecord(ctx.db, 'units', counted)).toMatchObject({ piIndividualsProcessed: 1_500_000_000 })
	})

	test('list filters by city and reports the total before paging', async () => {
		await insertInventoryRecord(ctx.db, 'units', unit('A', { city: 'Beijing' }))
		await insertInventoryRecord(ctx.db, 'units', unit('B'))
		await insertInventoryRecord(ctx.db, 'units', unit('C'))
		const { rows, total } = await listUnits(ctx.db, query(UNIT_LIST_SPEC, 'city=Shanghai&size=1&sort=code.desc'))
		expect(total).toBe(2)
		expect(rows.map(r => r.code)).toEqual(['C'])
	})

	test('a flow with unknown volumes keeps null, not zero', async () => {
		const unitId = await insertInventoryRecord(ctx.db, 'units', unit('A'))
		await insertInventoryRecord(ctx.db, 'flows', {
			unitId,
			code: 'F1',
			name: 'CRM to HQ',
			destinationCountry: 'US',
			destinationEntity: 'HQ',
			personalInfoIndividuals: null,
			sensitivePersonalInfoIndividuals: 10_000,
			includesImportantData: false,
			purpose: 'other',
			collectedInMainland: true,
			outsideFtzNegativeList: false,
			isRemoteAccess: true,
			mechanismInPlace: 'none',
			mechanismSince: null,
			mechanismExpiresOn: '2027-03-31',
		})
		const { rows } = await listFlows(ctx.db, query(FLOW_LIST_SPEC, 'remote=yes'))
		expect(rows[0]).toMatchObject({
			personalInfoIndividuals: null,
			sensitivePersonalInfoIndividuals: 10_000,
			mechanismExpiresOn: '2027-03-31',
			unitCode: 'A',
		})
	})

	test('the portfolio loads every child under its unit', async () => {
		const a = await insertInventoryRecord(ctx.db, 'units', unit('A'))
		await insertInventoryRecord(ctx.db, 'units', unit('B'))
		await insertInventoryRecord(ctx.db, 'systems', {
			unitId: a,
			code: 'S1',
			name: 'POS',
			mlpsLevel: 3,
			gradedOn: '2024-01-10',
			filedOn: null,
			lastAssessedOn: null,
			technologies: ['cloud', 'mobile'],
			holdsPersonalData: true,
			holdsImportantData: false,
			holdsSourceCode: false,
		})
		await insertInventoryRecord(ctx.db, 'staffing', {
			unitId: a,
			code: 'L1',
			function: 'back_office',
			city: 'Shanghai',
			headcount: 150,
			avgMonthlyWageRmb: 18_000,
			avgTenureMonths: 62,
			accessToPersonalData: true,
		})
		const p = await loadPortfolio(ctx.db)
		const ua = p.units.find(u => u.unit.code === 'A')!
		expect(ua.systems[0]?.technologies).toEqual(['cloud', 'mobile'])
		expect(ua.staffing[0]?.headcount).toBe(150)
		expect(p.units.find(u => u.unit.code === 'B')?.systems).toEqual([])
	})

	test('every inventory write bumps the inventory version', async () => {
		const before = (await getScoreInputsVersion(ctx.db)).inventoryVersion
		const id = await insertInventoryRecord(ctx.db, 'units', unit('A'))
		await updateInventoryRecord(ctx.db, 'units', id, unit('A', { name: 'Renamed' }))
		expect((await getScoreInputsVersion(ctx.db)).inventoryVersion).toBe(before + 2)
	})

	test('one query gives what cached scores depend on: inventory version and active model', async () => {
		const before = await getScoreInputsVersion(ctx.db)
		await insertInventoryRecord(ctx.db, 'units', unit('A'))
		const modelId = await insertActiveModelVersion(ctx.db, { label: 'test', settings: {}, createdBy: null })
		const after = await getScoreInputsVersion(ctx.db)
		expect(after).toEqual({ inventoryVersion: before.inventoryVersion + 1, modelId, obligationsVersion: before.obligationsVersion })
		expect(modelId).not.toBe(before.modelId)
	})

	test('the database refuses to update or delete an audit event', async () => {
		await recordAudit(ctx.db, { id: null, email: 'system' }, { action: 'test', entity: 'none' })
		await expect(ctx.db.updateTable('audit_event').set({ action: 'rewritten' }).execute()).rejects.toThrow(/append-only/)
		await expect(ctx.db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/)
	})
})
