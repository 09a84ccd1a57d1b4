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

/**
 * What cached scores depend on, in one round trip: the inventory version and the active model version's id
 * (null when none is active). Model versions are never edited, so the id stands for its settings.
 */
export async function getScoreInputsVersion(db: Kysely<Database>): Promise<{ inventoryVersion: number; modelId: number | null }> {
	const row = await db
		.selectFrom('inventory_version')
		.select(eb => [
			'version',
			eb
				.selectFrom('model_version')
				.select(m => m.fn.max('id').as('id'))
				.where('is_active', '=', 1)
				.as('model_id'),
		])
		.where('id', '=', 1)
		.executeTakeFirst()
	return { inventoryVersion: Number(row?.version ?? 0), modelId: row?.model_id == null ? null : Number(row.model_id) }
}
