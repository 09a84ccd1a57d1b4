import { type Kysely } from 'kysely'
import { afterFailure, type ThrottleRule, type ThrottleState } from '#models/login-policy.ts'
import { sqlNow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { isUniqueViolation } from '../sql/errors.ts'
import { inTransaction } from '../sql/transaction.ts'

const fromSql = (s: string) => new Date(`${s.replace(' ', 'T')}Z`)

export async function readThrottle(db: Kysely<Database>, key: string): Promise<ThrottleState | undefined> {
	const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst()
	return (
		row && {
			failures: row.failures,
			windowStartedAt: fromSql(row.window_started_at),
			lockedUntil: row.locked_until ? fromSql(row.locked_until) : null,
		}
	)
}

/** Counts one failed sign-in against a key and returns its new state. */
export async function recordLoginFailure(db: Kysely<Database>, key: string, rule: ThrottleRule, now = new Date()): Promise<ThrottleState> {
	return (await countFailure(db, key, rule, now)).after
}

/** Counts one failed sign-in against a key: its state before and after (a lock that starts is audited once). */
export async function countFailure(db: Kysely<Database>, key: string, rule: ThrottleRule, now = new Date()) {
	try {
		return await recordOnce(db, key, rule, now)
	} catch (error) {
		if (!isUniqueViolation(error)) throw error
		return recordOnce(db, key, rule, now) // a concurrent first failure inserted the row; count on top of it
	}
}

function recordOnce(db: Kysely<Database>, key: string, rule: ThrottleRule, now: Date) {
	return inTransaction(db, async trx => {
		const before = await readThrottle(trx, key)
		const next = afterFailure(before, rule, now)
		const row = {
			failures: next.failures,
			window_started_at: sqlNow(next.windowStartedAt),
			locked_until: next.lockedUntil ? sqlNow(next.lockedUntil) : null,
		}
		if (before) await trx.updateTable('login_throttle').set(row).where('key', '=', key).execute()
		else
			await trx
				.insertInto('login_throttle')
				.values({ key, ...row })
				.execute()
		return { before, after: next }
	})
}

/** A successful sign-in clears the account's count (not the address's: one good password must not reset a spray). */
export async function clearLoginFailures(db: Kysely<Database>, key: string) {
	await db.deleteFrom('login_throttle').where('key', '=', key).execute()
}

/** Deletes rows whose window and lock have both passed (`before`: models/login-policy.ts throttlePurgeBefore). */
export async function purgeThrottles(db: Kysely<Database>, before: Date) {
	const cutoff = sqlNow(before)
	const result = await db
		.deleteFrom('login_throttle')
		.where('window_started_at', '<', cutoff)
		.where(eb => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', cutoff)]))
		.executeTakeFirst()
	return Number(result.numDeletedRows ?? 0)
}

/** Every throttle row: key and state (the administrators' view of locks and slowed accounts). */
export async function listThrottles(db: Kysely<Database>) {
	const rows = await db.selectFrom('login_throttle').selectAll().orderBy('key').execute()
	return rows.map(row => ({
		key: row.key,
		state: {
			failures: row.failures,
			windowStartedAt: fromSql(row.window_started_at),
			lockedUntil: row.locked_until ? fromSql(row.locked_until) : null,
		} as ThrottleState,
	}))
}
