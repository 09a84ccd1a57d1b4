import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { type DbContext } from './client.server.ts'
import { isUniqueViolation } from './sql/errors.ts'
import { isRetryable } from './sql/transaction.ts'

const STALE_AFTER_MINUTES = 10
const WAIT_MS = 500

/**
 * Runs `fn` (migrations, first seed) in one instance at a time, across every instance of a cluster. On MySQL the lock
 * is a row in a table of its own: the migrator's GET_LOCK is held by one server only, and on a Galera cluster three
 * instances on three nodes would each get it. A row insert is certified across the cluster, so exactly one instance
 * takes it (the others see a duplicate key or a certification conflict, and wait). A holder that died leaves a row
 * that is taken over after ten minutes. SQLite is one file in one process: `fn` runs as is.
 */
export async function withStartupLock<T>(ctx: DbContext, fn: () => Promise<T>, timeoutMs = 15 * 60_000): Promise<T> {
	if (ctx.dialect !== 'mysql') return fn()
	const { db } = ctx
	await sql`create table if not exists app_startup_lock (id int not null primary key, holder varchar(64) not null, taken_at datetime not null)`.execute(
		db,
	)
	const holder = randomUUID()
	const deadline = Date.now() + timeoutMs
	for (;;) {
		try {
			await sql`insert into app_startup_lock (id, holder, taken_at) values (1, ${holder}, utc_timestamp())`.execute(db)
			break
		} catch (error) {
			if (!isUniqueViolation(error) && !isRetryable(error)) throw error
			if (Date.now() > deadline)
				throw new Error(`another instance held the start-up lock (table app_startup_lock) for more than ${timeoutMs / 60_000} minutes`)
			await sql`delete from app_startup_lock where id = 1 and taken_at < utc_timestamp() - interval ${sql.lit(STALE_AFTER_MINUTES)} minute`.execute(
				db,
			)
			await new Promise(r => setTimeout(r, WAIT_MS + Math.random() * WAIT_MS))
		}
	}
	try {
		return await fn()
	} finally {
		await sql`delete from app_startup_lock where id = 1 and holder = ${holder}`.execute(db)
	}
}
