import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { countQuery } from './query-count.ts'
import { Kysely, MysqlDialect, SqliteDialect } from 'kysely'
import { createPool } from 'mysql2' // Kysely wants the callback pool, not 'mysql2/promise'
import { type Database } from './schema.ts'

export type DialectName = 'sqlite' | 'mysql'

export interface DbContext {
	dialect: DialectName
	db: Kysely<Database>
	/** Human-readable target without credentials, for logs and the README's start banner. */
	describe: string
}

export const DEFAULT_DATABASE_URL = 'file:./data/app.db'

/**
 * Opens a database from a URL: `mysql://user:pass@host:port/db` or `file:path` (SQLite; `file::memory:`
 * for an in-memory database). The directory of a SQLite file is created when missing.
 */
export function createDb(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DbContext {
	if (url.startsWith('mysql://')) {
		const pool = createPool({
			uri: url,
			connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10),
			// A dead database must give a fast error (and a 503), not a queue that grows forever.
			queueLimit: 200,
			connectTimeout: 5_000,
			dateStrings: true,
			decimalNumbers: true,
			supportBigNumbers: true,
			bigNumberStrings: false,
			timezone: 'Z',
			charset: 'utf8mb4',
		})
		const u = new URL(url)
		return {
			dialect: 'mysql',
			db: new Kysely<Database>({ dialect: new MysqlDialect({ pool }), log: countQuery }),
			describe: `mysql://${u.host}${u.pathname}`,
		}
	}
	const file = url.replace(/^file:/, '')
	// A new file and directory are the owner's only (password and session hashes, the audit log); SQLite gives its
	// -wal and -shm files the database file's mode.
	if (file !== ':memory:') {
		fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 })
		if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600))
	}
	const database = new SQLite(file)
	database.pragma('foreign_keys = ON')
	if (file !== ':memory:') database.pragma('journal_mode = WAL')
	database.pragma('busy_timeout = 5000')
	return {
		dialect: 'sqlite',
		db: new Kysely<Database>({ dialect: new SqliteDialect({ database }), log: countQuery }),
		describe: `sqlite:${file}`,
	}
}

// The dev server re-imports the bundle; keep one pool per process (indie-stack singleton idiom).
const g = globalThis as unknown as { __dbContext?: DbContext }

export function getDbContext(): DbContext {
	g.__dbContext ??= createDb()
	return g.__dbContext
}

export function getDb(): Kysely<Database> {
	return getDbContext().db
}

/** Closes the process-wide pool (graceful shutdown; remix-serve would otherwise hang on mysql2). */
export async function closeDb() {
	const ctx = g.__dbContext
	g.__dbContext = undefined
	await ctx?.db.destroy()
}
