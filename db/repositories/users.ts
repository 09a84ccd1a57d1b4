import { type Kysely } from 'kysely'
import { type Role, type User } from '#models/domain.ts'
import { bit, bool, sqlNow } from '../mappers.ts'
import { hashPassword } from '../password.ts'
import { openNullable, sealSecret } from '../sealed-secret.ts'
import { type AppUserRow, type Database } from '../schema.ts'

function userFromRow(r: AppUserRow): User {
	return { id: r.id, email: r.email, name: r.name, role: r.role as Role, disabled: bool(r.disabled) }
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
	const rows = await db.selectFrom('app_user').selectAll().orderBy('email').execute()
	return rows.map(userFromRow)
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
	const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst()
	return row && userFromRow(row)
}

/** The user and their password hash, for sign-in only. Emails are compared lower-cased. */
export async function findCredentialsByEmail(db: Kysely<Database>, email: string) {
	const row = await db.selectFrom('app_user').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst()
	return row && { user: userFromRow(row), passwordHash: row.password_hash, mfaSecret: openNullable(row.mfa_secret, 'mfa_secret') }
}

export async function insertUser(
	db: Kysely<Database>,
	input: { email: string; name: string; role: Role; password: string; totpSecret?: string },
	now = new Date(),
): Promise<number> {
	const result = await db
		.insertInto('app_user')
		.values({
			email: input.email.trim().toLowerCase(),
			name: input.name,
			role: input.role,
			password_hash: await hashPassword(input.password),
			disabled: 0,
			...(input.totpSecret ? { mfa_secret: sealSecret(input.totpSecret, 'mfa_secret'), mfa_enrolled_at: sqlNow(now) } : {}),
			created_at: sqlNow(now),
			updated_at: sqlNow(now),
		})
		.executeTakeFirstOrThrow()
	return Number(result.insertId)
}

export async function updateUser(
	db: Kysely<Database>,
	id: number,
	changes: { role?: Role; disabled?: boolean; name?: string; password?: string },
	now = new Date(),
) {
	await db
		.updateTable('app_user')
		.set({
			...(changes.role ? { role: changes.role } : {}),
			...(changes.name ? { name: changes.name } : {}),
			...(changes.disabled === undefined ? {} : { disabled: bit(changes.disabled) }),
			...(changes.password ? { password_hash: await hashPassword(changes.password) } : {}),
			updated_at: sqlNow(now),
		})
		.where('id', '=', id)
		.execute()
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
	const row = await db
		.selectFrom('app_user')
		.select(eb => eb.fn.countAll<number>().as('n'))
		.where('role', '=', 'admin')
		.where('disabled', '=', 0)
		.executeTakeFirst()
	return Number(row?.n ?? 0)
}
