import { type Kysely } from 'kysely'
import { type Database } from '../schema.ts'

/** Runs `fn` in a transaction, joining the caller's when `db` already is one (Kysely cannot nest them). */
export function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
	return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}

// InnoDB may pick a transaction as a deadlock victim (two saves touching neighbouring index ranges), and a
// lock wait can time out; SQLite may be busy past its timeout. Each rolls the whole transaction back, so it
// is safe to run it again from the start.
// (SQLite's extended codes, e.g. SQLITE_BUSY_SNAPSHOT, are busy too.)
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY'])
export const isRetryable = (error: unknown) => {
	const code = (error as { code?: string } | null)?.code ?? ''
	return RETRYABLE.has(code) || code.startsWith('SQLITE_BUSY_')
}

/** A write transaction, run again (up to `attempts` times, with a short random pause) when the database chose it as a deadlock victim. */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>, attempts = 4): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction().execute(fn)
		} catch (error) {
			if (!isRetryable(error) || attempt >= attempts) throw error
			await new Promise(r => setTimeout(r, 10 + Math.random() * 40 * attempt))
		}
	}
}
