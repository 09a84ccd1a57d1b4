import { type Kysely } from 'kysely'
import { sqlNow } from '../mappers.ts'
import { inTransaction } from '../sql/transaction.ts'
import { type Database, type ModelVersionRow } from '../schema.ts'

/** A stored model version. `settings` is the raw JSON value: validate it with the models/ schema before use. */
export interface StoredModelVersion {
	id: number
	label: string
	settings: unknown
	isActive: boolean
	createdAt: string
	/** Null for a draft (never active). */
	activatedAt: string | null
	createdBy: number | null
}

const fromRow = (r: ModelVersionRow): StoredModelVersion => ({
	id: r.id,
	label: r.label,
	settings: JSON.parse(r.settings),
	isActive: r.is_active === 1,
	createdAt: r.created_at,
	activatedAt: r.activated_at,
	createdBy: r.created_by,
})

export async function findActiveModelVersion(db: Kysely<Database>) {
	const row = await db.selectFrom('model_version').selectAll().where('is_active', '=', 1).orderBy('id', 'desc').executeTakeFirst()
	return row && fromRow(row)
}

export async function findModelVersionById(db: Kysely<Database>, id: number) {
	const row = await db.selectFrom('model_version').selectAll().where('id', '=', id).executeTakeFirst()
	return row && fromRow(row)
}

export async function listModelVersions(db: Kysely<Database>) {
	const rows = await db.selectFrom('model_version').selectAll().orderBy('id', 'desc').execute()
	return rows.map(fromRow)
}

/** Versions are never edited: a change of settings is a new version, made active in the same transaction. */
export async function insertActiveModelVersion(
	db: Kysely<Database>,
	input: { label: string; settings: unknown; createdBy: number | null },
	now = new Date(),
) {
	return inTransaction(db, async trx => {
		await trx.updateTable('model_version').set({ is_active: 0 }).where('is_active', '=', 1).execute()
		const result = await trx
			.insertInto('model_version')
			.values({
				label: input.label,
				settings: JSON.stringify(input.settings),
				is_active: 1,
				created_by: input.createdBy,
				created_at: sqlNow(now),
				activated_at: sqlNow(now),
			})
			.executeTakeFirstOrThrow()
		return Number(result.insertId)
	})
}

export async function findModelVersionByLabel(db: Kysely<Database>, label: string) {
	const row = await db.selectFrom('model_version').selectAll().where('label', '=', label).executeTakeFirst()
	return row && fromRow(row)
}

/** A draft: stored, not active, never activated. Its settings are fixed once stored (another change is another draft). */
export async function insertModelDraft(
	db: Kysely<Database>,
	input: { label: string; settings: unknown; createdBy: number | null },
	now = new Date(),
) {
	const result = await db
		.insertInto('model_version')
		.values({
			label: input.label,
			settings: JSON.stringify(input.settings),
			is_active: 0,
			created_by: input.createdBy,
			created_at: sqlNow(now),
			activated_at: null,
		})
		.executeTakeFirstOrThrow()
	return Number(result.insertId)
}

/**
 * Makes draft `id` the active version in place of `expectedActiveId`: both writes are conditional, so an
 * activation on a page that was read before someone else activated another version (or this one) changes
 * nothing and returns false. Call inside a transaction.
 */
export async function switchActiveModelVersion(db: Kysely<Database>, input: { id: number; expectedActiveId: number }, now = new Date()) {
	const retired = await db
		.updateTable('model_version')
		.set({ is_active: 0 })
		.where('id', '=', input.expectedActiveId)
		.where('is_active', '=', 1)
		.executeTakeFirst()
	if (Number(retired.numUpdatedRows) !== 1) return false
	const activated = await db
		.updateTable('model_version')
		.set({ is_active: 1, activated_at: sqlNow(now) })
		.where('id', '=', input.id)
		.where('activated_at', 'is', null)
		.executeTakeFirst()
	return Number(activated.numUpdatedRows) === 1
}
