// The stored board view of a frozen quarter (snapshot_view): read back equal to the view derived fresh, verified on
// every read (a tampered row is ignored, logged, derived again and rewritten), keyed by the code that derived it, and
// filled for every quarter by warmFrozenViews.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type DbContext } from '#db/client.server.ts'
import { encodeSnapshotText } from '#db/snapshot-encoding.ts'
import { readSnapshotView, saveSnapshotView, snapshotViewHash, type SnapshotViewKey } from '#db/repositories/snapshot-views.ts'
import { listSnapshots, type SnapshotSummary } from '#db/repositories/snapshots.ts'
import { seed } from '#seed/index.ts'
import {
	boardView,
	buildFrozenView,
	countMissingFrozenViews,
	forgetFrozenViews,
	FROZEN_VIEW_DERIVATION,
	frozenView,
	PACK_HEATMAP,
	warmFrozenViews,
} from '#app/utils/snapshot.server.ts'
import { createTestDb, testDialects } from './setup.ts'

describe.each(testDialects())('$name: stored board views of frozen quarters', dialect => {
	let ctx: DbContext
	let quarters: SnapshotSummary[]
	const keyOf = (i: number, derivation = FROZEN_VIEW_DERIVATION): SnapshotViewKey => ({
		contentHash: quarters[i]!.contentHash,
		comparedHash: quarters[i - 1]?.contentHash ?? null,
		derivation,
	})
	const fresh = (i: number) => buildFrozenView(ctx.db, quarters[i]!.quarter, quarters[i - 1]?.quarter ?? null)
	const rowOf = (key: SnapshotViewKey) =>
		ctx.db
			.selectFrom('snapshot_view')
			.selectAll()
			.where('content_hash', '=', key.contentHash)
			.where('compared_hash', '=', key.comparedHash ?? '')
			.where('derivation', '=', key.derivation)
			.executeTakeFirst()
	/** The view as the first request after a restart gets it: this process's LRU emptied, the table kept. */
	const afterRestart = (i: number) => {
		forgetFrozenViews()
		return frozenView(ctx.db, quarters[i]!, quarters[i - 1] ?? null)
	}

	beforeAll(async () => {
		ctx = await createTestDb(dialect)
		await seed(ctx.db, { demo: true, quiet: true })
		quarters = await listSnapshots(ctx.db)
	})
	afterAll(async () => ctx.db.destroy())

	test('warmFrozenViews stores the default view of every quarter missing one, reporting progress', async () => {
		expect(quarters.length).toBe(8)
		await ctx.db.deleteFrom('snapshot_view').execute() // a cache: any row may go
		expect(await countMissingFrozenViews(ctx.db)).toBe(8)
		const progress: Array<[number, number]> = []
		expect(
			await warmFrozenViews(ctx.db, (done, total) => {
				progress.push([done, total])
			}),
		).toEqual({ quarters: 8, derived: 8, pruned: 0 })
		expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map(n => [n, 8]))
		const rows = await ctx.db.selectFrom('snapshot_view').select(['content_hash', 'compared_hash', 'derivation']).execute()
		expect(rows.map(r => `${r.content_hash}|${r.compared_hash}|${r.derivation}`).sort()).toEqual(
			quarters.map((_, i) => `${keyOf(i).contentHash}|${keyOf(i).comparedHash ?? ''}|${FROZEN_VIEW_DERIVATION}`).sort(),
		)
		expect(rows.find(r => r.content_hash === quarters[0]!.contentHash)!.compared_hash).toBe('') // the first: compared with none

		expect(await countMissingFrozenViews(ctx.db)).toBe(0)
		await ctx.db.deleteFrom('snapshot_view').where('content_hash', 'in', [quarters[2]!.contentHash, quarters[6]!.contentHash]).execute()
		expect(await countMissingFrozenViews(ctx.db)).toBe(2)
		progress.length = 0
		expect(
			await warmFrozenViews(ctx.db, (done, total) => {
				progress.push([done, total])
			}),
		).toEqual({ quarters: 8, derived: 2, pruned: 0 })
		expect(progress).toEqual([
			[0, 2],
			[1, 2],
			[2, 2],
		])
		expect(await warmFrozenViews(ctx.db)).toEqual({ quarters: 8, derived: 0, pruned: 0 })
	})

	test('the view read from the table equals the view derived fresh, for every quarter', async () => {
		for (let i = 0; i < quarters.length; i++) {
			const derived = await fresh(i)
			const stored = await readSnapshotView(ctx.db, keyOf(i))
			expect(stored).toEqual({ kind: 'hit', value: derived })
			expect(await afterRestart(i)).toEqual(derived)
		}
		// The page's and the pack's loader: the same from the table (after a restart) as from this process.
		const latest = quarters.at(-1)!.quarter
		const inProcess = await boardView(ctx.db, latest, undefined, PACK_HEATMAP)
		forgetFrozenViews()
		const fromTable = await boardView(ctx.db, latest, undefined, PACK_HEATMAP)
		expect(fromTable).toEqual(inProcess)
		expect(fromTable.attribution?.from.quarter).toBe(quarters.at(-2)!.quarter)
		expect(fromTable.heatmap.rows.length).toBeGreaterThan(0)
	})

	test('a tampered row (value changed, hash kept) is rejected, logged, derived again and rewritten', async () => {
		const i = 5
		const key = keyOf(i)
		const derived = await fresh(i)
		const before = (await rowOf(key))!
		const forged = { ...derived, kpis: { ...derived.kpis, units: derived.kpis.units + 1 } }
		await ctx.db
			.updateTable('snapshot_view')
			.set({ value: await encodeSnapshotText(JSON.stringify(forged)) })
			.where('content_hash', '=', key.contentHash)
			.where('derivation', '=', key.derivation)
			.execute()
		expect(await readSnapshotView(ctx.db, key)).toEqual({ kind: 'rejected', reason: 'the stored value does not match its SHA-256' })

		const warnings = captureWarnings()
		try {
			expect(await afterRestart(i)).toEqual(derived)
		} finally {
			warnings.restore()
		}
		expect(warnings.lines.join('')).toContain('stored snapshot view rejected')
		const after = (await rowOf(key))!
		expect(after.value_hash).toBe(before.value_hash)
		expect(await readSnapshotView(ctx.db, key)).toEqual({ kind: 'hit', value: derived })

		// Bytes that do not decode, and a valid row moved under another quarter's key, are rejected too.
		await ctx.db
			.updateTable('snapshot_view')
			.set({ value: Buffer.from('not brotli') })
			.where('content_hash', '=', key.contentHash)
			.execute()
		expect((await readSnapshotView(ctx.db, key)).kind).toBe('rejected')
		expect(await afterRestart(i)).toEqual(derived)
		const other = keyOf(i + 1)
		await ctx.db
			.updateTable('snapshot_view')
			.set({ value: after.value, value_hash: after.value_hash })
			.where('content_hash', '=', other.contentHash)
			.execute()
		expect((await readSnapshotView(ctx.db, other)).kind).toBe('rejected')
		expect(await afterRestart(i + 1)).toEqual(await fresh(i + 1))
		expect(await readSnapshotView(ctx.db, other)).toEqual({ kind: 'hit', value: await fresh(i + 1) })
	})

	test('a view stored under another derivation (older code) is not read: it is derived again under the current one', async () => {
		const i = 3
		const key = keyOf(i)
		const derived = await fresh(i)
		await ctx.db
			.updateTable('snapshot_view')
			.set({ derivation: 'view/0 rules 2000.1.1' })
			.where('content_hash', '=', key.contentHash)
			.execute()
		expect(await readSnapshotView(ctx.db, key)).toEqual({ kind: 'miss' })
		expect((await readSnapshotView(ctx.db, keyOf(i, 'view/0 rules 2000.1.1'))).kind).toBe('rejected') // its hash names the current code
		expect(await afterRestart(i)).toEqual(derived)
		expect(await readSnapshotView(ctx.db, key)).toEqual({ kind: 'hit', value: derived })
		// The row of the earlier code is never read again: the next warm-up deletes it, and only it.
		const count = async () => (await ctx.db.selectFrom('snapshot_view').select('derivation').execute()).map(r => r.derivation)
		expect((await count()).filter(d => d !== FROZEN_VIEW_DERIVATION)).toEqual(['view/0 rules 2000.1.1'])
		const kept = (await count()).length - 1
		expect(await warmFrozenViews(ctx.db)).toEqual({ quarters: 8, derived: 0, pruned: 1 })
		expect(await count()).toEqual(Array.from({ length: kept }, () => FROZEN_VIEW_DERIVATION))
	})

	test('storing is idempotent: concurrent writers of one view leave one row', async () => {
		const i = 7
		const key = keyOf(i)
		const derived = await fresh(i)
		await ctx.db.deleteFrom('snapshot_view').where('content_hash', '=', key.contentHash).execute()
		await Promise.all(Array.from({ length: 4 }, () => saveSnapshotView(ctx.db, key, derived)))
		const rows = await ctx.db.selectFrom('snapshot_view').select('value_hash').where('content_hash', '=', key.contentHash).execute()
		expect(rows).toEqual([{ value_hash: snapshotViewHash(key, JSON.stringify(derived)) }])
		expect(await readSnapshotView(ctx.db, key)).toEqual({ kind: 'hit', value: derived })
	})
})

/** Collects what the structured log writes to stderr (warnings and errors), even where LOG_LEVEL silences it. */
function captureWarnings() {
	const level = process.env.LOG_LEVEL
	delete process.env.LOG_LEVEL
	const lines: string[] = []
	const spy = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => (lines.push(String(chunk)), true))
	return {
		lines,
		restore: () => {
			spy.mockRestore()
			if (level !== undefined) process.env.LOG_LEVEL = level
		},
	}
}
