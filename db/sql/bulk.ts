import { type Insertable, type Kysely } from 'kysely'
import { type Database } from '../schema.ts'

// MySQL allows 65,535 placeholders per statement and SQLite 32,766; 500 rows of ~16 columns stays far below both.
const CHUNK = 500

/** Inserts many rows in chunks. Run it inside a transaction when the rows must land together. */
export async function insertChunked<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]) {
	for (let i = 0; i < rows.length; i += CHUNK) {
		await db
			.insertInto(table)
			.values(rows.slice(i, i + CHUNK) as any)
			.execute()
	}
}
