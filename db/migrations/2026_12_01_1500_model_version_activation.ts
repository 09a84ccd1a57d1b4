// Frozen in time: takes Kysely<any>, imports nothing from the project.
// A model version is drafted first and activated later (the scoring model's page). `activated_at` tells a draft
// (never activated: NULL) from a version that was active once and has been replaced. Every version stored before
// this migration was made active when it was inserted, so it takes its creation time.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('model_version').addColumn('activated_at', 'datetime').execute()
	await db.updateTable('model_version').set({ activated_at: sql`created_at` }).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('model_version').dropColumn('activated_at').execute()
}
