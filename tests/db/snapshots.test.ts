import { brotliDecompressSync } from 'node:zlib'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type DbContext } from '#db/client.server.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { sha256Hex } from '#db/hash.ts'
import { recordAudit } from '#db/repositories/audit.ts'
import { findActiveModelVersion } from '#db/repositories/model-versions.ts'
import { loadPortfolio } from '#db/repositories/portfolio.ts'
import {
	compareWithPreviousSnapshot,
	freezeSnapshot,
	frozenFromRow,
	listSnapshots,
	loadTrendPoints,
	readSnapshot,
	SnapshotFreezeError,
	verifyStoredChain,
} from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { trendPoint } from '#models/board.ts'
import { parseModelSettings, RULES_VERSION, scorePortfolio } from '#models/exposure/index.ts'
import { quarterEndDate } from '#models/quarter.ts'
import { buildSnapshotContent, snapshotHash, sortInventory, verifyChain } from '#models/snapshot/index.ts'
import { seed, SEED_CLOCK } from '#seed/index.ts'
import { freezeQuarter } from '#app/services/snapshots.server.ts'
import { createTestDb, testDialects } from './setup.ts'

const SEEDED = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']

/** Chain heads per dialect: the same seed must freeze byte-identical snapshots on SQLite and MySQL. */
const heads: Record<string, string> = {}

describe.each(testDialects())('$name: quarterly snapshots', dialect => {
	let ctx: DbContext
	let adminId: number
	beforeAll(async () => {
		ctx = await createTestDb(dialect)
		await seed(ctx.db, { demo: true, quiet: true })
		adminId = (await ctx.db.selectFrom('app_user').select('id').where('email', '=', 'admin@meridian.example').executeTakeFirstOrThrow()).id
	})
	afterAll(async () => ctx.db.destroy())

	test('the seed freezes eight past quarters, chained, from its fixed clock, and they verify clean', async () => {
		const list = await listSnapshots(ctx.db)
		expect(list.map(s => s.quarter)).toEqual(SEEDED)
		expect(list.map(s => s.modelLabel)).toEqual(['2025.1', '2025.1', '2025.1', '2025.1', '2026.1', '2026.1', '2026.1', '2026.1'])
		expect(list[0]!.prevHash).toBeNull()
		for (let i = 1; i < list.length; i++) expect(list[i]!.prevHash).toBe(list[i - 1]!.contentHash)
		expect(list.map(s => s.frozenAt)).toContain('2026-10-20 10:00:00')
		expect(list.every(s => s.frozenAt < '2026-11-23 08:00:00')).toBe(true)

		const report = await verifyStoredChain(ctx.db)
		expect(report.quarters.filter(q => !q.ok)).toEqual([])
		expect(report.ok).toBe(true)
		heads[dialect.name] = report.head!
		const other = Object.entries(heads).find(([name]) => name !== dialect.name)
		if (other) expect(report.head).toBe(other[1])
	})

	test('seeding again keeps the chain the first seed froze (append-only, repeatable)', async () => {
		const before = await listSnapshots(ctx.db)
		await seed(ctx.db, { demo: true, quiet: true })
		expect(await listSnapshots(ctx.db)).toEqual(before)
		expect((await verifyStoredChain(ctx.db)).ok).toBe(true)
		adminId = (await ctx.db.selectFrom('app_user').select('id').where('email', '=', 'admin@meridian.example').executeTakeFirstOrThrow()).id
	})

	test('a snapshot reads back as typed content with its decisions', async () => {
		const q3 = (await readSnapshot(ctx.db, '2026-Q3'))!
		expect(q3).toMatchObject({ quarter: '2026-Q3', asOf: '2026-09-30', frozenAt: '2026-10-20T10:00:00Z', model: { label: '2026.1' } })
		expect(q3.decisions).toEqual([
			expect.objectContaining({
				scenario: 'Shanghai client data operations to Kuala Lumpur',
				status: 'approved',
				decidedAt: '2026-10-15T14:05:00Z',
				decidedBy: 'Daniel Okafor (COO, Asia Pacific)',
			}),
		])
		expect(q3.inventory.units.map(u => u.unit.code)).not.toContain('BU-SH-INSIGHT')
		expect(q3.results.units).toHaveLength(q3.inventory.units.length)
		const q1 = (await readSnapshot(ctx.db, '2025-Q1'))!
		expect(q1.inventory.units.map(u => u.unit.code)).toContain('BU-SH-INSIGHT')
		expect(q1.model.settings.enforcement.climateFactor).toBe(0.9)
		expect(parseModelSettings(q1.model.settings).ok).toBe(true)
		expect(await readSnapshot(ctx.db, '2019-Q1')).toBeUndefined()
	})

	test('the seeded trajectory explains itself quarter to quarter', async () => {
		const texts = async (quarter: string) =>
			(await compareWithPreviousSnapshot(ctx.db, quarter))!.attribution!.units.flatMap(u => u.inputChanges.map(c => c.text))
		const q4 = (await compareWithPreviousSnapshot(ctx.db, '2025-Q4'))!.attribution!
		expect(q4).toMatchObject({ modelChanged: true, from: { modelLabel: '2025.1' }, to: { modelLabel: '2026.1' } })
		expect(q4.unitsAdded.map(u => u.unitCode)).toEqual(['BU-SZ-APP'])
		expect(q4.units.some(u => u.dimensions.some(d => d.causes.model !== 0))).toBe(true)
		const q2 = (await compareWithPreviousSnapshot(ctx.db, '2025-Q2'))!.attribution!
		expect(q2.unitsRemoved.map(u => u.unitCode)).toEqual(['BU-SH-INSIGHT'])
		expect(await texts('2025-Q1')).toContain('Standard contract filed for flow FLW-BANK-CRM (2025-03-14)')
		expect(await texts('2025-Q3')).toEqual(
			expect.arrayContaining([
				'BU-SH-PAY notified as a critical information infrastructure operator (CIIO)',
				'Flow FLW-PAY-FRAUD volume rose past 1,000,000 individuals (940,000 → 1,080,000)',
			]),
		)
		expect(await texts('2026-Q2')).toEqual(
			expect.arrayContaining([
				'Flow FLW-APP-PROFILES volume rose past 100,000 individuals (45,000 → 160,000)',
				'MLPS assessment of SYS-HQ-HRIS recorded (2026-05-12; previous 2024-11-20)',
			]),
		)
		expect(await texts('2026-Q3')).toContain('MLPS filing for SYS-APP-SUPPORT recorded (filed 2026-07-03)')
		expect((await compareWithPreviousSnapshot(ctx.db, '2024-Q4'))!.attribution).toBeNull()
	})

	test('freezing an ended quarter (the service) chains it to the latest and audits it; freezing it again is refused with a clear message', async () => {
		const head = (await listSnapshots(ctx.db)).at(-1)!
		const admin = { id: adminId, email: 'admin@meridian.example', role: 'admin' as const }
		const context = { requestId: 'req-freeze', now: new Date('2027-01-04T09:00:00Z') }
		const frozen = await freezeQuarter(ctx.db, admin, context, { quarter: '2026-Q4', confirmation: '2026-Q4' })
		if (!frozen.ok) throw new Error(frozen.message)
		expect(frozen.value).toMatchObject({ quarter: '2026-Q4', asOf: '2026-12-31', prevHash: head.contentHash, modelLabel: '2026.1' })
		const again = await freezeQuarter(ctx.db, admin, context, { quarter: '2026-Q4', confirmation: '2026-Q4' })
		expect(again).toMatchObject({
			ok: false,
			code: 'conflict',
			message: `Quarter 2026-Q4 is already frozen (hash ${frozen.value.contentHash.slice(0, 12)}…); snapshots cannot be re-frozen.`,
		})
		const audit = await ctx.db.selectFrom('audit_event').selectAll().where('entity', '=', 'snapshot').execute()
		expect(audit).toEqual([
			expect.objectContaining({ action: 'freeze', entity_id: '2026-Q4', actor_email: 'admin@meridian.example', request_id: 'req-freeze' }),
		])
		const diff = (await compareWithPreviousSnapshot(ctx.db, '2026-Q4'))!
		expect(diff.previous!.quarter).toBe('2026-Q3')
	})

	test('only an ended quarter, typed again, is frozen; quarters are frozen in order', async () => {
		const admin = { id: adminId, email: 'admin@meridian.example', role: 'admin' as const }
		const at = (now: string) => ({ requestId: null, now: new Date(now) })
		const today = await freezeQuarter(ctx.db, admin, at('2027-03-31T22:00:00Z'), { quarter: '2027-Q1', confirmation: '2027-Q1' })
		expect(today).toMatchObject({
			ok: false,
			code: 'invalid',
			message:
				'Quarter 2027-Q1 has not ended (it ends on 2027-03-31); it can be frozen from 2027-04-01. A snapshot is for ever: only an ended quarter is frozen.',
		})
		expect(await freezeQuarter(ctx.db, admin, at('2027-04-02T09:00:00Z'), { quarter: '2027-Q1', confirmation: '2027-q1' })).toMatchObject({
			ok: false,
			code: 'invalid',
			fieldErrors: { confirmation: [expect.stringContaining('Type the quarter, 2027-Q1, to confirm')] },
		})
		expect(await freezeQuarter(ctx.db, admin, at('2027-04-02T09:00:00Z'), { quarter: '2027-Q5', confirmation: '2027-Q5' })).toMatchObject({
			ok: false,
			code: 'invalid',
		})
		const board = { id: adminId, email: 'board@meridian.example', role: 'board' as const }
		expect(await freezeQuarter(ctx.db, board, at('2027-04-02T09:00:00Z'), { quarter: '2027-Q1', confirmation: '2027-Q1' })).toMatchObject({
			ok: false,
			code: 'forbidden',
		})
		expect(await freezeQuarter(ctx.db, admin, at('2027-04-02T09:00:00Z'), { quarter: '2024-Q3', confirmation: '2024-Q3' })).toMatchObject({
			ok: false,
			code: 'invalid',
			message:
				'Quarter 2024-Q3 is earlier than the latest frozen quarter 2026-Q4; quarters are frozen in order and cannot be inserted behind the chain.',
		})
		expect((await listSnapshots(ctx.db)).at(-1)!.quarter).toBe('2026-Q4')
	})

	test('two freezes of one quarter at the same time: one succeeds, the other gets the clear refusal', async () => {
		const now = new Date('2027-04-02T09:00:00Z')
		const results = await Promise.allSettled([
			freezeSnapshot(ctx.db, { quarter: '2027-Q1', frozenBy: adminId, now }),
			freezeSnapshot(ctx.db, { quarter: '2027-Q1', frozenBy: null, now }),
		])
		expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1)
		const refused = results.find(r => r.status === 'rejected') as PromiseRejectedResult
		expect(refused.reason).toBeInstanceOf(SnapshotFreezeError)
		expect((refused.reason as SnapshotFreezeError).message).toMatch(
			/^Quarter 2027-Q1 is already frozen \(hash [0-9a-f]{12}…\); snapshots cannot be re-frozen\.$/,
		)
		const report = await verifyStoredChain(ctx.db)
		expect(report.quarters.map(q => q.quarter)).toEqual([...SEEDED, '2026-Q4', '2027-Q1'])
		expect(report.ok).toBe(true)
	})

	test('freezes of different quarters at the same time never fork the chain', async () => {
		const now = new Date('2027-07-05T09:00:00Z')
		const results = await Promise.allSettled([
			freezeSnapshot(ctx.db, { quarter: '2027-Q3', frozenBy: adminId, now }),
			freezeSnapshot(ctx.db, { quarter: '2027-Q2', frozenBy: adminId, now }),
		])
		for (const r of results) if (r.status === 'rejected') expect((r.reason as SnapshotFreezeError).code).toBe('out_of_order')
		const list = await listSnapshots(ctx.db)
		for (let i = 1; i < list.length; i++) expect(list[i]!.prevHash).toBe(list[i - 1]!.contentHash)
		expect(new Set(list.map(s => s.prevHash)).size).toBe(list.length)
		expect((await verifyStoredChain(ctx.db)).ok).toBe(true)
	})

	test('a snapshot is stored as Brotli bytes that decode to exactly the texts its hash covers', async () => {
		const rows = await ctx.db.selectFrom('snapshot').selectAll().orderBy('quarter').execute()
		for (const row of rows) {
			expect(row.content_encoding).toBe('br')
			const [settingsJson, inputsJson, resultsJson] = [row.model_settings, row.inputs, row.results].map(bytes =>
				brotliDecompressSync(bytes).toString('utf8'),
			)
			expect(
				snapshotHash(
					{
						quarter: row.quarter,
						modelLabel: row.model_label,
						settingsJson: settingsJson!,
						inputsJson: inputsJson!,
						resultsJson: resultsJson!,
						prevHash: row.prev_hash,
					},
					sha256Hex,
				),
			).toBe(row.content_hash)
			expect(row.results.length * 5).toBeLessThan(Buffer.byteLength(resultsJson!)) // compact even for the small demo group
			expect(await frozenFromRow(row)).toMatchObject({ modelSettings: settingsJson, inputs: inputsJson, results: resultsJson })
		}
	})

	test('each snapshot’s trend point is cached when it is frozen, derived again when missing, and checked by verify', async () => {
		const snapshots = await listSnapshots(ctx.db)
		const derived = await Promise.all(
			snapshots.map(async s => {
				const c = (await readSnapshot(ctx.db, s.quarter))!
				return trendPoint(c.quarter, c.model.label, c.inventory, c.results)
			}),
		)
		const cached = await ctx.db.selectFrom('snapshot_trend_point').select('point').execute()
		expect(cached).toHaveLength(snapshots.length)
		expect(await loadTrendPoints(ctx.db)).toEqual(derived)

		await ctx.db.deleteFrom('snapshot_trend_point').execute() // a cache: any row may go
		expect(await loadTrendPoints(ctx.db)).toEqual(derived)
		expect(await ctx.db.selectFrom('snapshot_trend_point').select('point').execute()).toHaveLength(snapshots.length)

		const q1 = snapshots[1]!
		expect(q1.quarter).toBe('2025-Q1')
		expect(derived[1]!.critical).toBeGreaterThan(0)
		await ctx.db
			.updateTable('snapshot_trend_point')
			.set({ point: JSON.stringify({ ...derived[1], critical: 0 }) })
			.where('content_hash', '=', q1.contentHash)
			.execute()
		const report = await verifyStoredChain(ctx.db)
		expect(report.quarters.filter(q => !q.ok).map(q => [q.quarter, q.problems.map(p => p.kind)])).toEqual([
			['2025-Q1', ['derived_mismatch']],
		])
		await ctx.db.deleteFrom('snapshot_trend_point').where('content_hash', '=', q1.contentHash).execute()
		expect((await loadTrendPoints(ctx.db))[1]).toEqual(derived[1])
		expect((await verifyStoredChain(ctx.db)).ok).toBe(true)
	})

	test('the database refuses UPDATE and DELETE on snapshots and on the audit log', async () => {
		await recordAudit(ctx.db, { id: null, email: 'system' }, { action: 'test', entity: 'none' })
		for (const change of [
			{ results: Buffer.from('{}') },
			{ inputs: Buffer.from('{}') },
			{ model_settings: Buffer.from('{}') },
			{ content_encoding: 'identity' },
			{ content_hash: '0'.repeat(64) },
		])
			await expect(
				ctx.db.updateTable('snapshot').set(change).where('quarter', '=', '2025-Q1').execute(),
				Object.keys(change)[0],
			).rejects.toThrow('snapshot is append-only: UPDATE refused')
		await expect(ctx.db.deleteFrom('snapshot').where('quarter', '=', '2027-Q1').execute()).rejects.toThrow(
			'snapshot is append-only: DELETE refused',
		)
		await expect(ctx.db.updateTable('audit_event').set({ action: 'rewritten' }).execute()).rejects.toThrow(
			'audit_event is append-only: UPDATE refused',
		)
		await expect(ctx.db.deleteFrom('audit_event').execute()).rejects.toThrow('audit_event is append-only: DELETE refused')
		expect((await listSnapshots(ctx.db)).length).toBeGreaterThanOrEqual(11)
		expect((await verifyStoredChain(ctx.db)).ok).toBe(true)
	})

	test('a tampered copy of a stored row is caught (the database itself cannot be edited)', async () => {
		const rows = await Promise.all((await ctx.db.selectFrom('snapshot').selectAll().execute()).map(frozenFromRow))
		const i = rows.findIndex(r => r.quarter === '2025-Q3')
		const original = rows[i]!
		// Lower one unit's frozen cross-border score in the results text, as an editor with file access might.
		const tampered = original.results.replace(/"score":25/, '"score":4')
		expect(tampered).not.toBe(original.results)
		rows[i] = { ...original, results: tampered }
		const report = verifyChain(rows, scorePortfolio, sha256Hex)
		const bad = report.quarters.filter(q => !q.ok)
		expect(bad.map(q => q.quarter)).toEqual(['2025-Q3'])
		expect(bad[0]!.problems.map(p => p.kind)).toEqual(['content_hash_mismatch', 'not_reproducible'])
	})

	test('a stored byte changed behind the triggers’ back is caught by verify, and the chain after it still links', async () => {
		// Someone with administrator rights on the database drops the trigger and edits the compressed bytes.
		await sql.raw('DROP TRIGGER snapshot_no_update').execute(ctx.db)
		const row = await ctx.db.selectFrom('snapshot').select(['id', 'results']).where('quarter', '=', '2025-Q3').executeTakeFirstOrThrow()
		const cut = Buffer.from(row.results.subarray(0, row.results.length - 8)) // a damaged, truncated stream
		await ctx.db.updateTable('snapshot').set({ results: cut }).where('id', '=', row.id).execute()
		const flipped = Buffer.from(
			(await ctx.db.selectFrom('snapshot').select('inputs').where('quarter', '=', '2026-Q1').executeTakeFirstOrThrow()).inputs,
		)
		flipped[Math.floor(flipped.length / 2)]! ^= 0x01 // one bit in the middle of a Brotli stream
		await ctx.db.updateTable('snapshot').set({ inputs: flipped }).where('quarter', '=', '2026-Q1').execute()

		const report = await verifyStoredChain(ctx.db)
		const bad = report.quarters.filter(q => !q.ok)
		expect(bad.map(q => q.quarter)).toEqual(['2025-Q3', '2026-Q1'])
		expect(bad[0]!.problems).toEqual([
			{ kind: 'unreadable', message: expect.stringMatching(/^Tampered or damaged: the stored results \(br\) do not decode/) },
		])
		// A changed bit either breaks the stream or decodes to other text, which no longer matches the hash.
		expect(['unreadable', 'content_hash_mismatch']).toContain(bad[1]!.problems[0]!.kind)
		expect(bad.flatMap(q => q.problems.map(p => p.kind))).not.toContain('chain_broken')
		await expect(readSnapshot(ctx.db, '2025-Q3')).rejects.toThrow(/2025-Q3: the stored results \(br\) do not decode/)
	})
})

/** Writes a snapshot the way the code before compression did: the canonical texts in the text columns. */
async function insertTextSnapshot(db: Kysely<Database>, quarter: string, prevHash: string | null, modelId: number) {
	const model = (await findActiveModelVersion(db))!
	const settings = parseModelSettings(model.settings)
	if (!settings.ok) throw new Error(settings.errors.join('; '))
	const inputs = sortInventory(await loadPortfolio(db, { flowMonths: false })) // the old schema has no monthly counts
	const asOf = quarterEndDate(quarter)
	const content = buildSnapshotContent({
		quarter,
		frozenAt: `${asOf}T12:00:00Z`,
		model: { label: model.label, settings: settings.value },
		rulesVersion: RULES_VERSION,
		inputs,
		results: scorePortfolio(inputs, settings.value, asOf),
	})
	const contentHash = snapshotHash({ ...content, prevHash }, sha256Hex)
	await sql`insert into snapshot (quarter, frozen_at, frozen_by, model_version_id, model_label, model_settings, inputs, results, content_hash, prev_hash)
		values (${quarter}, ${`${asOf} 12:00:00`}, ${null}, ${modelId}, ${model.label}, ${content.settingsJson}, ${content.inputsJson}, ${content.resultsJson}, ${contentHash}, ${prevHash})`.execute(
		db,
	)
	return contentHash
}

describe.each(testDialects())('$name: snapshots frozen as text before compression', dialect => {
	let ctx: DbContext
	const texts: Array<{ quarter: string; hash: string }> = []
	beforeAll(async () => {
		ctx = await createTestDb(dialect, '2026_11_23_1200_login_throttle')
		await seed(ctx.db, { demo: true, quiet: true, snapshots: false })
		const modelId = (await findActiveModelVersion(ctx.db))!.id
		// The helper reads the inventory with today's repositories, which leave archived units out (a later migration's
		// column): lend it the column while it reads, and give it back so that migration adds it as it would.
		await ctx.db.schema.alterTable('business_unit').addColumn('archived_at', 'datetime').execute()
		for (const quarter of ['2026-Q1', '2026-Q2'])
			texts.push({ quarter, hash: await insertTextSnapshot(ctx.db, quarter, texts.at(-1)?.hash ?? null, modelId) })
		await ctx.db.schema.alterTable('business_unit').dropColumn('archived_at').execute()
		await migrateToLatest(ctx.db)
	})
	afterAll(async () => ctx.db.destroy())

	test('keep their bytes and their hashes, verify, and read as before', async () => {
		const rows = await ctx.db.selectFrom('snapshot').select(['quarter', 'content_encoding', 'content_hash']).orderBy('quarter').execute()
		expect(rows).toEqual(texts.map(t => ({ quarter: t.quarter, content_encoding: 'identity', content_hash: t.hash })))
		const report = await verifyStoredChain(ctx.db)
		expect(report.quarters.map(q => q.problems)).toEqual([[], []])
		expect((await readSnapshot(ctx.db, '2026-Q2'))!.results.units).toHaveLength(17)
		expect((await loadTrendPoints(ctx.db)).map(p => p.quarter)).toEqual(['2026-Q1', '2026-Q2'])
	})

	test('a new freeze chains onto them, compressed; the triggers still refuse changes', async () => {
		const frozen = await freezeSnapshot(ctx.db, { quarter: '2026-Q3', frozenBy: null, now: SEED_CLOCK })
		expect(frozen.prevHash).toBe(texts[1]!.hash)
		const row = await ctx.db.selectFrom('snapshot').select('content_encoding').where('quarter', '=', '2026-Q3').executeTakeFirstOrThrow()
		expect(row.content_encoding).toBe('br')
		expect((await verifyStoredChain(ctx.db)).ok).toBe(true)
		await expect(ctx.db.updateTable('snapshot').set({ content_encoding: 'br' }).where('quarter', '=', '2026-Q1').execute()).rejects.toThrow(
			'snapshot is append-only: UPDATE refused',
		)
		await expect(ctx.db.deleteFrom('snapshot').where('quarter', '=', '2026-Q1').execute()).rejects.toThrow(
			'snapshot is append-only: DELETE refused',
		)
	})
})
