// Frozen in time: takes Kysely<any>, imports nothing from the project.
// The board view of a frozen quarter (headline figures, attribution of the changes since the quarter it is compared
// with, every unit's heatmap row, ...), derived from the two snapshots and kept so that the first view of a quarter
// after a restart does not decode, parse and re-score two snapshots (3.5-6 s at 1,000 units). A cache, not a record:
// rows may be deleted at any time and are derived again. Keyed by the two snapshots' content hashes ('' when the
// quarter is compared with nothing) and by the code that derived the view; `value_hash` is the SHA-256 the reader
// checks (see db/repositories/snapshot-views.ts). The value is compressed like the snapshots' content.
import { type Kysely, MysqlAdapter, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	const bytes = db.getExecutor().adapter instanceof MysqlAdapter ? sql`longblob` : sql`blob`
	await db.schema
		.createTable('snapshot_view')
		.addColumn('content_hash', 'varchar(64)', c => c.notNull())
		.addColumn('compared_hash', 'varchar(64)', c => c.notNull())
		.addColumn('derivation', 'varchar(64)', c => c.notNull())
		.addColumn('value_encoding', 'varchar(16)', c => c.notNull())
		.addColumn('value_hash', 'varchar(64)', c => c.notNull())
		.addColumn('value', bytes, c => c.notNull())
		.addPrimaryKeyConstraint('snapshot_view_pk', ['content_hash', 'compared_hash', 'derivation'])
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('snapshot_view').execute()
}
