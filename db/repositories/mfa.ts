import { type Kysely } from 'kysely'
import { sqlNow } from '../mappers.ts'
import { isSealed, openNullable, sealSecret } from '../sealed-secret.ts'
import { type Database } from '../schema.ts'

// A user's second factor: the TOTP secret, the one offered during enrolment (both sealed at rest: sealed-secret.ts),
// and hashed one-time recovery codes.

export async function readMfa(db: Kysely<Database>, userId: number) {
	const row = await db
		.selectFrom('app_user')
		.select(['mfa_secret', 'mfa_enrolled_at', 'mfa_pending_secret'])
		.where('id', '=', userId)
		.executeTakeFirst()
	if (!row) return undefined
	const unused = await db
		.selectFrom('mfa_recovery_code')
		.select(eb => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirst()
	return {
		secret: openNullable(row.mfa_secret, 'mfa_secret'),
		enrolledAt: row.mfa_enrolled_at,
		pendingSecret: openNullable(row.mfa_pending_secret, 'mfa_pending_secret'),
		recoveryCodesLeft: Number(unused?.n ?? 0),
	}
}

export async function setPendingSecret(db: Kysely<Database>, userId: number, secret: string | null) {
	await db
		.updateTable('app_user')
		.set({ mfa_pending_secret: secret === null ? null : sealSecret(secret, 'mfa_pending_secret') })
		.where('id', '=', userId)
		.execute()
}

/** Makes `secret` the user's factor and replaces their recovery codes (hashes). */
export async function enrolSecret(db: Kysely<Database>, userId: number, secret: string, codeHashes: string[], now = new Date()) {
	await db
		.updateTable('app_user')
		.set({
			mfa_secret: sealSecret(secret, 'mfa_secret'),
			mfa_enrolled_at: sqlNow(now),
			mfa_pending_secret: null,
			mfa_last_step: null,
			updated_at: sqlNow(now),
		})
		.where('id', '=', userId)
		.execute()
	await replaceRecoveryCodes(db, userId, codeHashes, now)
}

export async function replaceRecoveryCodes(db: Kysely<Database>, userId: number, codeHashes: string[], now = new Date()) {
	await db.deleteFrom('mfa_recovery_code').where('user_id', '=', userId).execute()
	if (codeHashes.length)
		await db
			.insertInto('mfa_recovery_code')
			.values(codeHashes.map(code_hash => ({ user_id: userId, code_hash, used_at: null, created_at: sqlNow(now) })))
			.execute()
}

export function unusedRecoveryCodes(db: Kysely<Database>, userId: number) {
	return db.selectFrom('mfa_recovery_code').select(['id', 'code_hash']).where('user_id', '=', userId).where('used_at', 'is', null).execute()
}

/** Spends a code once: false when another request spent it first. */
export async function spendRecoveryCode(db: Kysely<Database>, id: number, now = new Date()) {
	const result = await db
		.updateTable('mfa_recovery_code')
		.set({ used_at: sqlNow(now) })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1
}

/**
 * Accepts a TOTP code of time step `step` once: a conditional write that succeeds only when no code of this step or a
 * later one was accepted for the user before (two requests with the same code: one wins). False: a replay.
 */
export async function acceptTotpStep(db: Kysely<Database>, userId: number, step: number) {
	const result = await db
		.updateTable('app_user')
		.set({ mfa_last_step: step })
		.where('id', '=', userId)
		.where(eb => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1
}

/** Removes the user's second factor and recovery codes (an administrator's reset). */
export async function clearMfa(db: Kysely<Database>, userId: number, now = new Date()) {
	await db
		.updateTable('app_user')
		.set({ mfa_secret: null, mfa_enrolled_at: null, mfa_pending_secret: null, mfa_last_step: null, updated_at: sqlNow(now) })
		.where('id', '=', userId)
		.execute()
	await db.deleteFrom('mfa_recovery_code').where('user_id', '=', userId).execute()
}

/**
 * Seals the secrets stored in plain text before they were sealed at rest (run at start-up, after the migrations, which
 * cannot hold the key). Each write is conditional on the value read, so two instances starting together cannot
 * overwrite a secret changed meanwhile. Returns how many values it sealed.
 */
export async function sealPlainSecrets(db: Kysely<Database>) {
	const rows = await db
		.selectFrom('app_user')
		.select(['id', 'mfa_secret', 'mfa_pending_secret'])
		.where(eb => eb.or([eb('mfa_secret', 'is not', null), eb('mfa_pending_secret', 'is not', null)]))
		.execute()
	let sealed = 0
	for (const row of rows)
		for (const column of ['mfa_secret', 'mfa_pending_secret'] as const) {
			const value = row[column]
			if (value === null || isSealed(value)) continue
			const result = await db
				.updateTable('app_user')
				.set({ [column]: sealSecret(value, column) })
				.where('id', '=', row.id)
				.where(column, '=', value)
				.executeTakeFirst()
			sealed += Number(result.numUpdatedRows)
		}
	return sealed
}
