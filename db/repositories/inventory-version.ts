import { type Kysely, sql } from 'kysely'
import { type Database } from '../schema.ts'
import { inTransaction } from '../sql/transaction.ts'

/** The `unit_id` of a change that concerns every unit (the group's headcount, a bulk import of units). */
export const EVERY_UNIT = 0
/** The `unit_id` of a version that changed no unit (a delete of a row already gone): logged so there is no gap. */
const NO_UNIT = -1
/** Past this many units in one write, the change is logged as concerning every unit: a full re-score is cheaper. */
const MAX_LOGGED_UNITS = 100
/** Changes older than this many versions are pruned (every hundredth version); a cache that far behind re-scores all. */
const KEEP_VERSIONS = 1000

/**
 * Every inventory write bumps this counter, so scores cached against an older version are recomputed, and logs which
 * business units the new version changed (`'all'`: every unit), in the caller's transaction (or one of its own), so a
 * cache a few versions old re-scores only those units (decision 025).
 */
export async function bumpInventoryVersion(db: Kysely<Database>, units: Iterable<number> | 'all') {
	const ids = units === 'all' ? [EVERY_UNIT] : [...new Set(units)]
	const logged = ids.length === 0 ? [NO_UNIT] : ids.length > MAX_LOGGED_UNITS ? [EVERY_UNIT] : ids
	await inTransaction(db, async trx => {
		await trx
			.updateTable('inventory_version')
			.set({ version: sql`version + 1` })
			.where('id', '=', 1)
			.execute()
		const { version } = await trx.selectFrom('inventory_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow()
		await trx
			.insertInto('inventory_change')
			.values(logged.map(unit_id => ({ version: Number(version), unit_id })))
			.execute()
		if (Number(version) % 100 === 0)
			await trx
				.deleteFrom('inventory_change')
				.where('version', '<=', Number(version) - KEEP_VERSIONS)
				.execute()
	})
}

/**
 * The units changed by every version after `afterVersion`: `null` when that cannot be told (a version in
 * (afterVersion, upToVersion] logged nothing, or was pruned, or one concerned every unit), else their ids. Versions
 * past `upToVersion` (written since it was read) are included: re-scoring a unit once more is harmless.
 */
export async function listChangedUnits(db: Kysely<Database>, afterVersion: number, upToVersion: number): Promise<Set<number> | null> {
	if (upToVersion - afterVersion > KEEP_VERSIONS) return null
	const rows = await db.selectFrom('inventory_change').select(['version', 'unit_id']).where('version', '>', afterVersion).execute()
	const versions = new Set<number>()
	const units = new Set<number>()
	for (const r of rows) {
		if (Number(r.unit_id) === EVERY_UNIT) return null
		versions.add(Number(r.version))
		if (Number(r.unit_id) !== NO_UNIT) units.add(Number(r.unit_id))
	}
	for (let v = afterVersion + 1; v <= upToVersion; v++) if (!versions.has(v)) return null
	return units
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
