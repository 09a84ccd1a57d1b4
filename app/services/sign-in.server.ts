// Signing in and out: the password step, the second factor (authenticator code or a recovery code), enrolment when the
// role requires a factor the user has not set up, and the throttles (models/login-policy.ts). The actor is
// anonymous (null) until the sign-in completes; every outcome is audited with the request id.
import { type Kysely } from 'kysely'
import { recordAudit } from '#db/repositories/audit.ts'
import { clearLoginFailures, countFailure, purgeThrottles, readThrottle } from '#db/repositories/login-throttle.ts'
import { acceptTotpStep, readMfa, setPendingSecret, spendRecoveryCode, unusedRecoveryCodes } from '#db/repositories/mfa.ts'
import { createSession, deleteSession } from '#db/repositories/sessions.ts'
import { findCredentialsByEmail, findUserById } from '#db/repositories/users.ts'
import { dummyPasswordHash, verifyPassword } from '#db/password.ts'
import { type Database } from '#db/schema.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { type User } from '#models/domain.ts'
import { accountDelaySeconds, LOGIN_LIMITS, lockedMinutes, lockStarted, throttleKeys, throttlePurgeBefore } from '#models/login-policy.ts'
import { isTotpCode } from '#models/mfa.ts'
import { mfaRequiredFor } from '#app/utils/env.server.ts'
import { SESSION_TIMEOUTS } from '#app/utils/auth.server.ts'
import { matchTotp, newTotpSecret, recoveryCodeMatches } from '#app/utils/totp.server.ts'
import { audit } from './audit.server.ts'
import { type Actor, fail, type Failure, ok, type ServiceContext, type ServiceResult } from './service.ts'

export const GENERIC_FAILURE = 'That email and password do not match an active account.'
export const WRONG_CODE = 'That code is not right. Enter the six digits your authenticator app shows now, or one of your recovery codes.'
const lockedMessage = (minutes: number) =>
	`Too many failed sign-ins. Sign-in is paused for ${minutes === 1 ? 'a minute' : `${minutes} minutes`}; try again then, or ask an administrator to lift the lock.`

export type SignInStep =
	{ kind: 'signed-in'; user: User; token: string } | { kind: 'code'; user: User } | { kind: 'enrol'; user: User; secret: string }

interface Attempt {
	email: string
	address: string
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/** 429 when this (account, address) pair or this address is locked; otherwise waits the account's delay, if any. */
async function throttle(db: Kysely<Database>, attempt: Attempt, now: Date): Promise<Failure | null> {
	const keys = throttleKeys(attempt.email, attempt.address)
	const [pair, address, account] = await Promise.all([
		readThrottle(db, keys.pair),
		readThrottle(db, keys.address),
		readThrottle(db, keys.account),
	])
	const wait = Math.max(lockedMinutes(pair, now), lockedMinutes(address, now))
	if (wait > 0) return { ...fail('too_many', lockedMessage(wait)), retryAfterSeconds: wait * 60 }
	const delay = accountDelaySeconds(account, now)
	if (delay > 0) await sleep(delay * 1000)
	return null
}

/** Counts a failure on the pair, the address and the account; audits it, and a lock once when one starts. One transaction. */
async function failed(
	db: Kysely<Database>,
	context: ServiceContext,
	attempt: Attempt,
	action: string,
	message: string,
	now: Date,
): Promise<Failure> {
	const keys = throttleKeys(attempt.email, attempt.address)
	const email = attempt.email.trim().toLowerCase()
	const anonymous = { id: null, email: 'anonymous' }
	const locked = await writeTransaction(db, async trx => {
		const pair = await countFailure(trx, keys.pair, LOGIN_LIMITS.pair, now)
		const address = await countFailure(trx, keys.address, LOGIN_LIMITS.address, now)
		await countFailure(trx, keys.account, LOGIN_LIMITS.account, now)
		await recordAudit(trx, anonymous, {
			action,
			entity: 'session',
			after: { email, address: attempt.address },
			requestId: context.requestId,
		})
		for (const [scope, c] of [
			['account and address', pair],
			['address', address],
		] as const)
			if (lockStarted(c.before, c.after, now))
				await recordAudit(trx, anonymous, {
					action: 'login.locked',
					entity: 'session',
					after: {
						email: scope === 'address' ? undefined : email,
						address: attempt.address,
						scope,
						until: c.after.lockedUntil?.toISOString(),
					},
					requestId: context.requestId,
				})
		await purgeThrottles(trx, throttlePurgeBefore(now))
		return Math.max(lockedMinutes(pair.after, now), lockedMinutes(address.after, now))
	})
	if (locked > 0) return { ...fail('too_many', lockedMessage(locked)), retryAfterSeconds: locked * 60 }
	return fail('invalid', message)
}

/** The password step; with `code` given too, the whole sign-in in one request. */
export async function signInWithPassword(
	db: Kysely<Database>,
	_actor: null,
	context: ServiceContext,
	input: Attempt & { password: string; code?: string },
): Promise<ServiceResult<SignInStep>> {
	const now = context.now ?? new Date()
	const refused = await throttle(db, input, now)
	if (refused) return refused
	const found = await findCredentialsByEmail(db, input.email)
	// Spend the same time whether or not the account exists, and say the same thing.
	const passwordOk = found
		? await verifyPassword(input.password, found.passwordHash)
		: await verifyPassword(input.password, await dummyPasswordHash())
	if (!found || !passwordOk || found.user.disabled) return failed(db, context, input, 'login.failure', GENERIC_FAILURE, now)
	const user = found.user
	if (found.mfaSecret) {
		if (!input.code) return ok({ kind: 'code', user })
		return secondFactor(db, context, input, user, found.mfaSecret, input.code, now)
	}
	if (mfaRequiredFor(user.role)) {
		const secret = newTotpSecret()
		await setPendingSecret(db, user.id, secret)
		return ok({ kind: 'enrol', user, secret })
	}
	return ok({ kind: 'signed-in', user, token: await complete(db, context, input, user, now) })
}

/** The second step: the user whose password was right (from the signed pending cookie) gives a code. */
export async function signInWithCode(
	db: Kysely<Database>,
	_actor: null,
	context: ServiceContext,
	input: { userId: number; address: string; code: string },
): Promise<ServiceResult<SignInStep>> {
	const now = context.now ?? new Date()
	const user = await findUserById(db, input.userId)
	const mfa = user && !user.disabled ? await readMfa(db, user.id) : undefined
	if (!user || !mfa?.secret) return fail('invalid', 'Sign in again: that sign-in is no longer open.')
	const attempt = { email: user.email, address: input.address }
	const refused = await throttle(db, attempt, now)
	if (refused) return refused
	return secondFactor(db, context, attempt, user, mfa.secret, input.code, now)
}

async function secondFactor(
	db: Kysely<Database>,
	context: ServiceContext,
	attempt: Attempt,
	user: User,
	secret: string,
	code: string,
	now: Date,
): Promise<ServiceResult<SignInStep>> {
	if (isTotpCode(code)) {
		// A code is accepted once (ASVS V2.8.4): a replay within its window gets the same answer as a wrong code.
		const step = matchTotp(secret, code, now)
		if (step === null || !(await acceptTotpStep(db, user.id, step)))
			return failed(db, context, attempt, 'login.mfa_failure', WRONG_CODE, now)
	} else {
		const spent = await spendMatchingRecoveryCode(db, user.id, code, now)
		if (!spent) return failed(db, context, attempt, 'login.mfa_failure', WRONG_CODE, now)
		await recordAudit(db, user, {
			action: 'mfa.recovery_code_used',
			entity: 'app_user',
			entityId: user.id,
			after: { left: (await readMfa(db, user.id))?.recoveryCodesLeft },
			requestId: context.requestId,
		})
	}
	return ok({ kind: 'signed-in', user, token: await complete(db, context, attempt, user, now) })
}

async function spendMatchingRecoveryCode(db: Kysely<Database>, userId: number, code: string, now: Date) {
	for (const row of await unusedRecoveryCodes(db, userId))
		if (recoveryCodeMatches(code, row.code_hash)) return spendRecoveryCode(db, row.id, now)
	return false
}

/** Clears this pair's and the account's counts (not the address's: one good password must not reset a spray). */
async function complete(db: Kysely<Database>, context: ServiceContext, attempt: Attempt, user: User, now: Date) {
	const keys = throttleKeys(attempt.email, attempt.address)
	await clearLoginFailures(db, keys.pair)
	await clearLoginFailures(db, keys.account)
	await recordAudit(db, user, { action: 'login.success', entity: 'session', requestId: context.requestId })
	return createSession(db, user.id, SESSION_TIMEOUTS, now)
}

/** A session for a user who has just enrolled their factor during sign-in (app/services/mfa.server.ts confirmed it). */
export async function completeEnrolledSignIn(db: Kysely<Database>, user: User, context: ServiceContext, address: string) {
	return complete(db, context, { email: user.email, address }, user, context.now ?? new Date())
}

/**
 * Signing out: the session ends on the server (a copied cookie stops working too) and, when it belonged to a signed-in
 * user, the sign-out is audited, in one transaction. Without a session there is nothing to end or record.
 */
export async function signOut(
	db: Kysely<Database>,
	actor: Actor | null,
	context: ServiceContext,
	input: { token: string | undefined },
): Promise<ServiceResult<null>> {
	const { token } = input
	if (!token) return ok(null)
	await writeTransaction(db, async trx => {
		await deleteSession(trx, token)
		if (actor) await audit(trx, actor, context, { action: 'logout', entity: 'session' })
	})
	return ok(null)
}
