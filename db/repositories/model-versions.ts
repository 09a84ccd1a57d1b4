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
}

const fromRow = (r: ModelVersionRow): StoredModelVersion => ({
	id: r.id,
	label: r.label,
	settings: JSON.parse(r.settings),
	isActive: r.is_active === 1,
	createdAt: r.created_at,
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
			})
			.executeTakeFirstOrThrow()
		return Number(result.insertId)
	})
}
