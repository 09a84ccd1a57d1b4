// `npm run snapshots:verify` on a real SQLite file: the demo's quarters and their stored board views verify (exit 0);
// a stored view altered in the database is named and fails the run (exit 1), while the records themselves still verify.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { warmFrozenViews } from '#app/utils/snapshot.server.ts'
import { createDb, type DbContext } from '#db/client.server.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { encodeSnapshotText } from '#db/snapshot-encoding.ts'
import { seed } from '#seed/index.ts'

let ctx: DbContext
const url = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ced-verify-')), 'app.db')}`
const verify = () => {
	const run = spawnSync(process.execPath, ['--import', 'tsx', 'db/snapshots-verify-cli.ts'], {
		env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
		encoding: 'utf8',
		timeout: 120_000,
	})
	return { status: run.status, out: run.stdout + run.stderr }
}

beforeAll(async () => {
	ctx = createDb(url)
	await migrateToLatest(ctx.db)
	await seed(ctx.db, { demo: true, quiet: true })
	await warmFrozenViews(ctx.db)
}, 120_000)
afterAll(async () => ctx?.db.destroy())

test('the quarters and their stored views verify; an altered view is named and fails the run', async () => {
	const clean = verify()
	expect(clean.out).toMatch(/Summary: 8 quarter\(s\), 8 OK, 0 with problems/)
	expect(clean.out).toContain('Stored board views: 8 checked, 0 damaged.')
	expect(clean.status).toBe(0)

	const row = (await ctx.db.selectFrom('snapshot_view').select(['content_hash', 'compared_hash']).limit(1).executeTakeFirst())!
	await ctx.db
		.updateTable('snapshot_view')
		.set({ value: await encodeSnapshotText('{"kpis":{"units":999}}') })
		.where('content_hash', '=', row.content_hash)
		.where('compared_hash', '=', row.compared_hash)
		.execute()
	const damaged = verify()
	expect(damaged.out).toMatch(/Summary: 8 quarter\(s\), 8 OK, 0 with problems/)
	expect(damaged.out).toContain(`VIEW     ${row.content_hash.slice(0, 16)}`)
	expect(damaged.out).toContain('the stored value does not match its SHA-256')
	expect(damaged.out).toContain('Stored board views: 8 checked, 1 damaged (each is derived again when next read).')
	expect(damaged.status).toBe(1)
}, 240_000)
