// Frozen in time: takes Kysely<any>, imports nothing from the project.
// Second-factor secrets are stored sealed (AES-256-GCM, docs/decisions/043): `v1.` and 80 base64url characters for a
// 160-bit secret, more than the 64 the columns held. SQLite does not enforce a varchar's length; MariaDB does. The
// sealing of values stored in plain text happens at start-up, since a migration does not hold the key.
import { type Kysely, MysqlAdapter } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	if (!(db.getExecutor().adapter instanceof MysqlAdapter)) return
	await db.schema.alterTable('app_user').modifyColumn('mfa_secret', 'varchar(255)').execute()
	await db.schema.alterTable('app_user').modifyColumn('mfa_pending_secret', 'varchar(255)').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	if (!(db.getExecutor().adapter instanceof MysqlAdapter)) return
	await db.schema.alterTable('app_user').modifyColumn('mfa_secret', 'varchar(64)').execute()
	await db.schema.alterTable('app_user').modifyColumn('mfa_pending_secret', 'varchar(64)').execute()
}
