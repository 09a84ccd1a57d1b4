// The second factor's life: enrolment (a pending secret, confirmed by a code from it, then recovery codes shown
// once), new recovery codes, and an administrator's reset (which ends the user's sessions). Each audited.
import { type Kysely } from 'kysely'
import { recordAudit } from '#db/repositories/audit.ts'
import { acceptTotpStep, clearMfa, enrolSecret, readMfa, replaceRecoveryCodes, setPendingSecret } from '#db/repositories/mfa.ts'
import { deleteSessionsOfUser } from '#db/repositories/sessions.ts'
import { findUserById } from '#db/repositories/users.ts'
import { type Database } from '#db/schema.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { can } from '#models/permissions.ts'
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri, qrDataUrl, matchTotp } from '#app/utils/totp.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

export interface EnrolmentOffer {
	secret: string
	uri: string
	qr: string
}

/**
 * The secret to add to an authenticator app (kept pending until confirmed), with its QR code: a new one, the one
 * sign-in just made pending (`secret`), or the pending one again after a wrong code (`keepPending`).
 */
export async function offerEnrolment(
	db: Kysely<Database>,
	actor: Actor,
	_context: ServiceContext,
	input: { secret?: string; keepPending?: boolean } = {},
): Promise<ServiceResult<EnrolmentOffer>> {
	const pending = input.keepPending ? (await readMfa(db, actor.id))?.pendingSecret : undefined
	const secret = input.secret ?? pending ?? newTotpSecret()
	if (!input.secret && !pending) await setPendingSecret(db, actor.id, secret)
	const uri = otpauthUri(secret, actor.email)
	return ok({ secret, uri, qr: await qrDataUrl(uri) })
}

/** Confirms the pending secret with a code from it; the factor is then the user's, with fresh recovery codes. */
export async function confirmEnrolment(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { code: string },
): Promise<ServiceResult<{ recoveryCodes: string[] }>> {
	const now = context.now ?? new Date()
	const mfa = await readMfa(db, actor.id)
	if (!mfa?.pendingSecret) return fail('conflict', 'There is no authenticator set-up under way: start again.')
	const step = matchTotp(mfa.pendingSecret, input.code, now)
	if (step === null)
		return fail('invalid', 'That code is not right: enter the six digits the app shows for this account now.', {
			code: ['Enter the current six-digit code'],
		})
	const recoveryCodes = newRecoveryCodes()
	await writeTransaction(db, async trx => {
		await enrolSecret(trx, actor.id, mfa.pendingSecret!, recoveryCodes.map(hashRecoveryCode), now)
		await acceptTotpStep(trx, actor.id, step) // the code that confirmed the set-up does not also sign in later
		await recordAudit(trx, actor, {
			action: mfa.secret ? 'mfa.replace' : 'mfa.enrol',
			entity: 'app_user',
			entityId: actor.id,
			after: { recoveryCodes: recoveryCodes.length },
			requestId: context.requestId,
		})
	})
	return ok({ recoveryCodes })
}

/** New recovery codes (the old ones stop working), shown once. */
export async function renewRecoveryCodes(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
): Promise<ServiceResult<{ recoveryCodes: string[] }>> {
	const mfa = await readMfa(db, actor.id)
	if (!mfa?.secret) return fail('conflict', 'Set up an authenticator app first.')
	const recoveryCodes = newRecoveryCodes()
	await writeTransaction(db, async trx => {
		await replaceRecoveryCodes(trx, actor.id, recoveryCodes.map(hashRecoveryCode), context.now)
		await recordAudit(trx, actor, {
			action: 'mfa.recovery_codes',
			entity: 'app_user',
			entityId: actor.id,
			after: { recoveryCodes: recoveryCodes.length },
			requestId: context.requestId,
		})
	})
	return ok({ recoveryCodes })
}

/** An administrator removes a user's second factor (a lost phone): their sessions end; they enrol again at next sign-in. */
export async function resetSecondFactor(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { userId: number },
): Promise<ServiceResult<{ email: string }>> {
	if (!can(actor.role, 'users:manage')) return fail('forbidden', `Your role (${actor.role}) does not allow this (users:manage).`)
	const target = await findUserById(db, input.userId)
	if (!target) return fail('not_found', `No user with id ${input.userId}.`)
	const before = await readMfa(db, target.id)
	await writeTransaction(db, async trx => {
		await clearMfa(trx, target.id, context.now)
		await deleteSessionsOfUser(trx, target.id)
		await recordAudit(trx, actor, {
			action: 'mfa.reset',
			entity: 'app_user',
			entityId: target.id,
			before: { enrolled: !!before?.secret, recoveryCodesLeft: before?.recoveryCodesLeft ?? 0 },
			after: { enrolled: false, email: target.email },
			requestId: context.requestId,
		})
	})
	return ok({ email: target.email })
}
