// Frozen in time: takes Kysely<any>, imports nothing from the project.
// One trend point per snapshot (units by band, mean score, flows lacking their mechanism, ...), derived from its
// frozen content and kept so that the quarters page does not decode and parse every snapshot after each restart.
// A cache, not a record: rows may be deleted at any time and are derived again; `npm run snapshots:verify` checks
// them against the snapshots. Keyed by the snapshot's hash and by the code that derived the point.
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('snapshot_trend_point')
		.addColumn('content_hash', 'varchar(64)', c => c.notNull())
		.addColumn('derivation', 'varchar(64)', c => c.notNull())
		.addColumn('point', 'text', c => c.notNull())
		.addPrimaryKeyConstraint('snapshot_trend_point_pk', ['content_hash', 'derivation'])
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('snapshot_trend_point').execute()
}
