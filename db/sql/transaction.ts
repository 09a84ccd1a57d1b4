import { type Kysely } from 'kysely'
import { type Database } from '../schema.ts'

/** Runs `fn` in a transaction, joining the caller's when `db` already is one (Kysely cannot nest them). */
export function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
	return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}
