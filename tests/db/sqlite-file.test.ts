// The SQLite file holds password hashes, session hashes and the audit log: it is created readable by its owner only,
// and so are SQLite's write-ahead log and shared-memory files beside it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'

test('a new SQLite database, its directory and its WAL files are the owner’s only', async () => {
	const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ced-mode-')), 'data')
	const file = path.join(dir, 'app.db')
	const previous = process.umask(0o022) // the usual umask, under which files come out world-readable
	try {
		const ctx = createDb(`file:${file}`)
		await sql`CREATE TABLE t (x INTEGER)`.execute(ctx.db)
		await sql`INSERT INTO t VALUES (1)`.execute(ctx.db)
		for (const f of [file, `${file}-wal`, `${file}-shm`]) expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe('600')
		expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe('700')
		await ctx.db.destroy()
	} finally {
		process.umask(previous)
		fs.rmSync(path.dirname(dir), { recursive: true, force: true })
	}
})
