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

/** Every duty status change bumps this counter, so the register cached against an older one is read again. */
export async function bumpObligationsVersion(db: Kysely<Database>) {
	await db
		.updateTable('inventory_version')
		.set({ obligations_version: sql`obligations_version + 1` })
		.where('id', '=', 1)
		.execute()
}

/**
 * What cached scores depend on, in one round trip: the inventory version, the active model version's id (null when
 * none is active; model versions are never edited, so the id stands for its settings) and the obligations version
 * (what the register's statuses depend on).
 */
export async function getScoreInputsVersion(
	db: Kysely<Database>,
): Promise<{ inventoryVersion: number; modelId: number | null; obligationsVersion: number }> {
	const row = await db
		.selectFrom('inventory_version')
		.select(eb => [
			'version',
			'obligations_version',
			eb
				.selectFrom('model_version')
				.select(m => m.fn.max('id').as('id'))
				.where('is_active', '=', 1)
				.as('model_id'),
		])
		.where('id', '=', 1)
		.executeTakeFirst()
	return {
		inventoryVersion: Number(row?.version ?? 0),
		modelId: row?.model_id == null ? null : Number(row.model_id),
		obligationsVersion: Number(row?.obligations_version ?? 0),
	}
}
