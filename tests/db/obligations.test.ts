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
