// The obligations register's storage and use cases on real databases: a status change is a conditional write with
// its audit entry (a stale version answers 'conflict' and changes nothing), done needs evidence, a duty the
// inventory does not derive is refused, and calendar feed tokens are stored hashed and stop working when revoked.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { issueCalendarToken, revokeCalendarToken, setDutyStatus } from '#app/services/obligations.server.ts'
import { type DbContext } from '#db/client.server.ts'
import { findCalendarTokenUser, hashCalendarToken, listDutyStatuses } from '#db/repositories/obligations.ts'
import { loadPortfolio } from '#db/repositories/portfolio.ts'
import { freezeSnapshot, readSnapshot, verifyStoredChain } from '#db/repositories/snapshots.ts'
import { insertInventoryRecord } from '#db/repositories/inventory.ts'

import { insertUser } from '#db/repositories/users.ts'
import { seed } from '#seed/index.ts'
import { importCsv } from '#app/services/csv-import.server.ts'
import { removeFlowMonth } from '#app/services/flow-months.server.ts'
import { listFlowMonths } from '#db/repositories/flow-months.ts'
import { getScoreInputsVersion } from '#db/repositories/inventory-version.ts'
import { deleteInventoryRecord } from '#db/repositories/inventory.ts'
import { loadUnitInventory } from '#db/repositories/portfolio.ts'
import { deriveUnitDuties } from '#models/obligations/derive.ts'
import { forecastExporter } from '#models/obligations/forecast.ts'
import { techExportStep } from '#models/obligations/tech-export.ts'
import { flow, system, unit } from '../unit/models/fixtures.ts'
import { clearTables, createTestDb, testDialects } from './setup.ts'

const NOW = new Date('2026-06-30T09:00:00Z')

describe.each(testDialects())('$name: obligations register storage', dialect => {
	let ctx: DbContext
	let unitId: number
	let actor: { id: number; email: string; role: 'analyst' }
	const context = { requestId: 'req-16', now: NOW }
	const key = () => 'ciio_inspection:BU-CIIO'
	const done = (over = {}) => ({
		unitId,
		dutyKey: key(),
		status: 'done' as const,
		owner: 'Li Wei',
		evidenceRef: 'INSP-2026',
		evidenceOn: '2026-03-01',
		reason: null,
		expectedVersion: 0,
		...over,
	})

	beforeAll(async () => {
		ctx = await createTestDb(dialect)
	})
	beforeEach(async () => {
		await clearTables(ctx)
		unitId = await insertInventoryRecord(ctx.db, 'units', {
			code: 'BU-CIIO',
			name: 'Grid operations',
			segment: 'manufacturing',
			legalEntityType: 'wfoe',
			city: 'Shenzhen',
			sector: 'energy',
			isCiio: true,
			handlesConsumerData: false,
			chinaRevenueRmb: 1,
			priorYearGlobalTurnoverRmb: 1,
			priorYearEntityTurnoverRmb: null,
			distinctIndividualsAbroad: null,
			distinctSensitiveIndividualsAbroad: null,
			ftzZone: null,
		})
		const id = await insertUser(ctx.db, { email: 'analyst@example.com', name: 'A', role: 'analyst', password: 'long-enough-passphrase-16' })
		actor = { id, email: 'analyst@example.com', role: 'analyst' }
	})
	afterAll(async () => ctx.db.destroy())

	test('a first status is written at version 1 with its audit entry', async () => {
		const result = await setDutyStatus(ctx.db, actor, context, done())
		expect(result.ok && result.value).toMatchObject({
			status: 'done',
			version: 1,
			evidenceRef: 'INSP-2026',
			updatedBy: 'analyst@example.com',
		})
		const audit = await ctx.db.selectFrom('audit_event').selectAll().where('entity', '=', 'obligation').execute()
		expect(audit.map(a => [a.action, a.entity_id, a.request_id])).toEqual([['obligation.status', key(), 'req-16']])
	})

	test('a change made on a stale version answers conflict and changes nothing', async () => {
		await setDutyStatus(ctx.db, actor, context, done())
		const second = await setDutyStatus(ctx.db, actor, context, done({ owner: 'Zhang San', expectedVersion: 1 }))
		expect(second.ok && second.value.version).toBe(2)
		const stale = await setDutyStatus(ctx.db, actor, context, done({ owner: 'Someone else', expectedVersion: 1 }))
		expect(!stale.ok && stale.code).toBe('conflict')
		const [stored] = await listDutyStatuses(ctx.db, unitId)
		expect(stored).toMatchObject({ owner: 'Zhang San', version: 2 })
		const first = await setDutyStatus(ctx.db, actor, context, done({ dutyKey: 'ciio_procurement_review:BU-CIIO', expectedVersion: 3 }))
		expect(!first.ok && first.code).toBe('conflict') // no record yet: only version 0 may write it
	})

	test('done without evidence is invalid, naming the fields; an unknown duty is not found', async () => {
		const invalid = await setDutyStatus(ctx.db, actor, context, done({ evidenceRef: null, evidenceOn: null }))
		expect(!invalid.ok && invalid.code).toBe('invalid')
		expect(!invalid.ok && Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(['evidenceOn', 'evidenceRef'])
		const unknown = await setDutyStatus(ctx.db, actor, context, done({ dutyKey: 'pi_officer:BU-CIIO' }))
		expect(!unknown.ok && unknown.code).toBe('not_found')
		expect(await listDutyStatuses(ctx.db)).toEqual([])
	})

	test('a calendar token is stored as its hash only and stops working when revoked', async () => {
		const issued = await issueCalendarToken(ctx.db, actor, context)
		const token = issued.ok ? issued.value.token : ''
		expect(await findCalendarTokenUser(ctx.db, token)).toBe(actor.id)
		const rows = await ctx.db.selectFrom('calendar_token').selectAll().execute()
		expect(rows.map(r => r.token_hash)).toEqual([hashCalendarToken(token)])
		expect(JSON.stringify(rows)).not.toContain(token)
		const replaced = await issueCalendarToken(ctx.db, actor, context)
		expect(await findCalendarTokenUser(ctx.db, token)).toBeUndefined() // a new link revokes the old one
		const revoked = await revokeCalendarToken(ctx.db, actor, context)
		expect(revoked.ok).toBe(true)
		expect(await findCalendarTokenUser(ctx.db, replaced.ok ? replaced.value.token : '')).toBeUndefined()
		const again = await revokeCalendarToken(ctx.db, actor, context)
		expect(!again.ok && again.code).toBe('not_found')
	})
})

describe.each(testDialects())('$name: a snapshot freezes the register', dialect => {
	let ctx: DbContext
	beforeAll(async () => {
		ctx = await createTestDb(dialect)
		await seed(ctx.db, { demo: true, quiet: true, snapshots: false })
	})
	afterAll(async () => ctx.db.destroy())

	test('the duties and their statuses on the freeze date are in the hashed content, and later changes do not reach them', async () => {
		const analyst = await ctx.db.selectFrom('app_user').select(['id', 'email']).where('role', '=', 'analyst').executeTakeFirstOrThrow()
		const actor = { ...analyst, role: 'analyst' as const }
		const now = new Date('2026-11-20T09:00:00Z')
		const portfolio = await loadPortfolio(ctx.db)
		const inv = portfolio.units.find(u => u.unit.code === 'BU-SH-BANK') ?? portfolio.units[0]!
		const key = `incident_readiness:${inv.unit.code}`
		const input = {
			unitId: inv.unit.id,
			dutyKey: key,
			status: 'done' as const,
			owner: 'CISO office',
			evidenceRef: 'PLAYBOOK-7',
			evidenceOn: '2026-11-01',
			reason: null,
			expectedVersion: 0,
		}
		expect((await setDutyStatus(ctx.db, actor, { requestId: null, now }, input)).ok).toBe(true)
		await freezeSnapshot(ctx.db, { quarter: '2026-Q4', asOf: '2026-11-20', now, frozenBy: analyst.id })
		await setDutyStatus(ctx.db, actor, { requestId: null, now }, { ...input, status: 'open', expectedVersion: 1 })
		const frozen = (await readSnapshot(ctx.db, '2026-Q4'))!.obligations!
		expect(frozen.asOf).toBe('2026-11-20')
		expect(frozen.duties.find(d => d.key === key)).toMatchObject({ status: 'done', owner: 'CISO office', evidenceRef: 'PLAYBOOK-7' })
		expect(frozen.duties.length).toBeGreaterThan(50)
		const report = await verifyStoredChain(ctx.db)
		expect(report.quarters.map(q => q.problems)).toEqual([[]])
	})
})

describe.each(testDialects())('$name: the facts the register needs, stored and edited', dialect => {
	let ctx: DbContext
	let unitId: number
	let flowId: number
	let actor: { id: number; email: string; role: 'analyst' }
	const context = { requestId: 'req-16b', now: NOW }
	const csvImport = (text: string, intent: 'preview' | 'commit' = 'commit') =>
		importCsv(ctx.db, actor, context, { target: 'flow_months', intent, fileName: 'months.csv', source: { text } })

	beforeAll(async () => {
		ctx = await createTestDb(dialect)
	})
	beforeEach(async () => {
		await clearTables(ctx)
		const { id: _u, ...u } = unit({
			code: 'BU-APP',
			name: 'Consumer app',
			handlesConsumerData: true,
			piIndividualsProcessed: 12_000_000, // above both thresholds
			piOfficerThresholdReachedOn: '2026-06-01',
		})
		unitId = await insertInventoryRecord(ctx.db, 'units', u)
		const { id: _s, ...s } = system({
			unitId,
			code: 'SYS-REC',
			holdsSourceCode: true,
			techExportCategory: 'restricted',
			techExportItem: '086501X information processing',
		})
		await insertInventoryRecord(ctx.db, 'systems', s)
		const { id: _f, ...f } = flow({ unitId, code: 'FL-APP-SG', personalInfoIndividuals: 90_000, sensitivePersonalInfoIndividuals: 0 })
		flowId = await insertInventoryRecord(ctx.db, 'flows', f)
		const id = await insertUser(ctx.db, { email: 'analyst@example.com', name: 'A', role: 'analyst', password: 'long-enough-passphrase-16' })
		actor = { id, email: 'analyst@example.com', role: 'analyst' }
	})
	afterAll(async () => ctx.db.destroy())

	test('individuals processed, the day 1,000,000 was reached and the Catalogue category round-trip and decide duties', async () => {
		const inv = (await loadUnitInventory(ctx.db, unitId))!
		expect(inv.unit).toMatchObject({ piIndividualsProcessed: 12_000_000, piOfficerThresholdReachedOn: '2026-06-01' })
		expect(inv.systems[0]).toMatchObject({ techExportCategory: 'restricted', techExportItem: '086501X information processing' })
		const duties = deriveUnitDuties(inv, '2026-06-30')
		expect(duties.find(d => d.kind === 'pi_officer')).toMatchObject({ certainty: 'law', dueOn: '2026-07-14' })
		expect(duties.find(d => d.kind === 'compliance_audit')?.certainty).toBe('law')
		const step = techExportStep({
			kind: 'relocate',
			lineFunction: 'rnd',
			destinationIsMainland: false,
			systems: inv.systems,
			neededBy: '2026-12-01',
		})
		expect(step?.determination).toBe('licence_required')
	})

	test('monthly counts: a preview, then all rows written with their audit entries; a second import replaces a month', async () => {
		const before = (await getScoreInputsVersion(ctx.db)).inventoryVersion
		const file =
			'flow_code,month,pi_individuals,sensitive_pi_individuals\nFL-APP-SG,2026-01,10000,0\nfl-app-sg,2026-02,10000,0\nFL-APP-SG,2026-03,10000,0\nFL-APP-SG,2026-04,20000,0\nFL-APP-SG,2026-05,30000,0\n'
		const preview = await csvImport(file, 'preview')
		expect(preview.ok && preview.value).toMatchObject({ stage: 'preview', inserts: 5, updates: 0 })
		expect(await listFlowMonths(ctx.db)).toEqual([])
		const done = await csvImport(file)
		expect(done.ok && done.value).toMatchObject({ stage: 'done', inserts: 5 })
		expect((await getScoreInputsVersion(ctx.db)).inventoryVersion).toBeGreaterThan(before) // the cached forecasts follow
		const inv = (await loadUnitInventory(ctx.db, unitId))!
		expect(inv.flowMonths!.map(m => [m.month, m.personalInfoIndividuals])).toEqual([
			['2026-01', 10_000],
			['2026-02', 10_000],
			['2026-03', 10_000],
			['2026-04', 20_000],
			['2026-05', 30_000],
		])
		expect(forecastExporter(inv, '2026-06-30').basis.kind).toBe('monthly')
		expect((await loadPortfolio(ctx.db)).units[0]!.flowMonths).toHaveLength(5)

		const again = await csvImport(
			'flow_code,month,pi_individuals,sensitive_pi_individuals\nFL-APP-SG,2026-05,35000,12\nFL-APP-SG,2026-01,10000,0\n',
		)
		expect(again.ok && again.value).toMatchObject({ inserts: 0, updates: 1, unchanged: 1 })
		const may = (await listFlowMonths(ctx.db)).find(m => m.month === '2026-05')
		expect(may).toMatchObject({ personalInfoIndividuals: 35_000, sensitivePersonalInfoIndividuals: 12 })
		const audit = await ctx.db.selectFrom('audit_event').select(['action', 'entity']).where('entity', 'in', ['flow_month']).execute()
		expect(audit.map(a => a.action).sort()).toEqual(['create', 'create', 'create', 'create', 'create', 'import', 'import', 'update'])
	})

	test('a bad file is refused by line and column and writes nothing', async () => {
		const result = await csvImport(
			[
				'flow_code,month,pi_individuals,sensitive_pi_individuals',
				'FL-NOPE,2026-01,1,0',
				'FL-APP-SG,2026-13,1,0',
				'FL-APP-SG,2099-01,1,0',
				'FL-APP-SG,2026-02,many,0',
				'FL-APP-SG,2026-03,1,0',
				'fl-app-sg,2026-03,2,0',
			].join('\n'),
		)
		expect(!result.ok && result.code).toBe('invalid')
		const cells = !result.ok ? result.cellErrors!.map(e => [e.line, e.column]) : []
		expect(cells).toEqual([
			[2, 'flow_code'],
			[3, 'month'],
			[4, 'month'],
			[5, 'pi_individuals'],
			[7, 'month'],
		])
		expect(await listFlowMonths(ctx.db)).toEqual([])
	})

	test('one month is removed with its audit entry; deleting the flow removes its months', async () => {
		await csvImport('flow_code,month,pi_individuals,sensitive_pi_individuals\nFL-APP-SG,2026-01,5,0\nFL-APP-SG,2026-02,6,0\n')
		const removed = await removeFlowMonth(ctx.db, actor, context, { flowCode: 'FL-APP-SG', month: '2026-01' })
		expect(removed.ok && removed.value.personalInfoIndividuals).toBe(5)
		const again = await removeFlowMonth(ctx.db, actor, context, { flowCode: 'FL-APP-SG', month: '2026-01' })
		expect(!again.ok && again.code).toBe('not_found')
		const audit = await ctx.db.selectFrom('audit_event').select(['action', 'request_id']).where('action', '=', 'delete').execute()
		expect(audit).toEqual([{ action: 'delete', request_id: 'req-16b' }])
		await deleteInventoryRecord(ctx.db, 'flows', flowId)
		expect(await listFlowMonths(ctx.db)).toEqual([])
	})

	test('a status change bumps the obligations version (what the register cache keys on), not the inventory version', async () => {
		const before = await getScoreInputsVersion(ctx.db)
		const result = await setDutyStatus(ctx.db, actor, context, {
			unitId,
			dutyKey: 'incident_readiness:BU-APP',
			status: 'done',
			owner: null,
			evidenceRef: 'PLAYBOOK-1',
			evidenceOn: '2026-06-01',
			reason: null,
			expectedVersion: 0,
		})
		expect(result.ok).toBe(true)
		const after = await getScoreInputsVersion(ctx.db)
		expect(after.obligationsVersion).toBe(before.obligationsVersion + 1)
		expect(after.inventoryVersion).toBe(before.inventoryVersion)
	})
})
