import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'varchar(191)', c => c.primaryKey())
		.addColumn('failures', 'integer', c => c.notNull())
		.addColumn('window_started_at', 'datetime', c => c.notNull())
		.addColumn('locked_until', 'datetime')
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.dropTable('login_throttle').execute()
}
