// Frozen in time: takes Kysely<any>, imports nothing from the project.
// The obligations register stores only what people decide about a derived duty (status, owner, evidence), keyed by
// the duty's stable key; the duties themselves are derived from the inventory on every read. `version` makes each
// change a conditional write. Calendar feed tokens: only the SHA-256 of the token is kept; revoking stamps the row.
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('obligation_status')
		.addColumn('duty_key', 'varchar(191)', c => c.primaryKey())
		.addColumn('unit_id', 'integer', c => c.notNull().references('business_unit.id').onDelete('cascade'))
		.addColumn('status', 'varchar(16)', c => c.notNull())
		.addColumn('owner', 'varchar(200)')
		.addColumn('evidence_ref', 'varchar(500)')
		.addColumn('evidence_on', 'varchar(10)')
		.addColumn('reason', 'text')
		.addColumn('version', 'integer', c => c.notNull())
		.addColumn('updated_at', 'datetime', c => c.notNull())
		.addColumn('updated_by', 'integer', c => c.references('app_user.id').onDelete('set null'))
		.execute()
	await db.schema.createIndex('obligation_status_unit_idx').on('obligation_status').column('unit_id').execute()
	await db.schema
		.createTable('calendar_token')
		.addColumn('id', 'integer', c => c.primaryKey().autoIncrement())
		.addColumn('user_id', 'integer', c => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('token_hash', 'varchar(64)', c => c.notNull().unique())
		.addColumn('created_at', 'datetime', c => c.notNull())
		.addColumn('revoked_at', 'datetime')
		.execute()
	await db.schema.createIndex('calendar_token_user_idx').on('calendar_token').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calendar_token').execute()
	await db.schema.dropTable('obligation_status').execute()
}
