import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { countQuery } from './query-count.ts'
import { CompiledQuery, type DatabaseConnection, Kysely, MysqlDialect, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely'
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
		// On a Galera cluster a read first waits until this node has applied every write the cluster had certified
		// when the read began (causal reads, wsrep_sync_wait=1): an instance never answers with data older than a
		// write another instance already acknowledged, and the caches keyed on the inventory version stay honest.
		// Elsewhere the setting has no effect (MariaDB without a cluster) or is unknown (MySQL): the error is ignored.
		const syncWait = Number.parseInt(process.env.DB_WSREP_SYNC_WAIT ?? '1', 10) || 0
		pool.on('connection', connection => connection.query(`SET SESSION wsrep_sync_wait = ${syncWait}`, () => {}))
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
		db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }), log: countQuery }),
		describe: `sqlite:${file}`,
	}
}

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE) instead of at their first write. The
 * server and its job worker threads hold a connection each: a deferred transaction that has read and then writes after
 * another connection committed fails at once with SQLITE_BUSY_SNAPSHOT (no busy wait applies to it). Taken up front, a
 * busy lock is waited for (busy_timeout) like any other.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'))
	}
}

class ImmediateSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig
	constructor(config: SqliteDialectConfig) {
		super(config)
		this.#config = config
	}
	override createDriver() {
		return new ImmediateSqliteDriver(this.#config)
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
