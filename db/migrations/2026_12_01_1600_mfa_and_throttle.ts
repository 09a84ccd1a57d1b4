import { type Kysely } from 'kysely'

// Second factor (issue 19): each user's TOTP secret once enrolled, the secret offered during enrolment, and
// recovery codes (salted hashes, each used once). Throttle rows are purged by age: an index on their window.
export async function up(db: Kysely<any>) {
	await db.schema.alterTable('app_user').addColumn('mfa_secret', 'varchar(64)').execute()
	await db.schema.alterTable('app_user').addColumn('mfa_enrolled_at', 'datetime').execute()
	await db.schema.alterTable('app_user').addColumn('mfa_pending_secret', 'varchar(64)').execute()
	await db.schema
		.createTable('mfa_recovery_code')
		.addColumn('id', 'integer', c => c.primaryKey().autoIncrement())
		.addColumn('user_id', 'integer', c => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('code_hash', 'varchar(128)', c => c.notNull())
		.addColumn('used_at', 'datetime')
		.addColumn('created_at', 'datetime', c => c.notNull())
		.execute()
	await db.schema.createIndex('mfa_recovery_code_user').on('mfa_recovery_code').column('user_id').execute()
	await db.schema.createIndex('login_throttle_window').on('login_throttle').column('window_started_at').execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.dropIndex('login_throttle_window').on('login_throttle').execute()
	await db.schema.dropTable('mfa_recovery_code').execute()
	await db.schema.alterTable('app_user').dropColumn('mfa_pending_secret').execute()
	await db.schema.alterTable('app_user').dropColumn('mfa_enrolled_at').execute()
	await db.schema.alterTable('app_user').dropColumn('mfa_secret').execute()
}
