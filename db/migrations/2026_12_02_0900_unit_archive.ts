// Frozen in time: takes Kysely<any>, imports nothing from the project.
// A business unit with history is archived rather than deleted (decision 032): archived_at set = hidden from the
// lists, the scoring and the overview, kept for the record; archived_by names who did it. Both null = in use.
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('business_unit').addColumn('archived_at', 'datetime').execute()
	await db.schema.alterTable('business_unit').addColumn('archived_by', 'integer').execute()
	await db.schema.createIndex('business_unit_archived_at').on('business_unit').column('archived_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('business_unit_archived_at').on('business_unit').execute()
	await db.schema.alterTable('business_unit').dropColumn('archived_by').execute()
	await db.schema.alterTable('business_unit').dropColumn('archived_at').execute()
}
