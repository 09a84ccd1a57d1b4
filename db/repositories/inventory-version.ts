import { type Kysely, sql } from 'kysely'
import { type Database } from '../schema.ts'

/** Every inventory write bumps this counter, so scores cached against an older version are recomputed. */
export async function bumpInventoryVersion(db: Kysely<Database>) {
	await db
		.updateTable('inventory_version')
		.set({ version: sql`version + 1` })
		.where('id', '=', 1)
		.execute()
}

export async function getInventoryVersion(db: Kysely<Database>): Promise<number> {
	const row = await db.selectFrom('inventory_version').select('version').where('id', '=', 1).executeTakeFirst()
	return Number(row?.version ?? 0)
}
