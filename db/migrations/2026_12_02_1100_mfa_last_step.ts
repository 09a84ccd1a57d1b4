import { type Kysely } from 'kysely'

// TOTP codes are accepted once (ASVS V2.8.4, RFC 6238 §5.2): the time step of the last code accepted for each user.
// A code of that step or an earlier one is refused; the write that accepts a code is conditional on it. Null: none yet.
export async function up(db: Kysely<any>) {
	await db.schema.alterTable('app_user').addColumn('mfa_last_step', 'bigint').execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.alterTable('app_user').dropColumn('mfa_last_step').execute()
}
