// What administrators see of sign-in throttling (locked pairs and addresses, slowed accounts), and lifting a lock.
import { type Kysely } from 'kysely'
import { recordAudit } from '#db/repositories/audit.ts'
import { clearLoginFailures, listThrottles, purgeThrottles } from '#db/repositories/login-throttle.ts'
import { type Database } from '#db/schema.ts'
import { accountDelaySeconds, lockedMinutes, throttlePurgeBefore } from '#models/login-policy.ts'
import { can } from '#models/permissions.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

export interface SignInLock {
	key: string
	kind: 'pair' | 'address' | 'account'
	who: string
	failures: number
	lockedMinutes: number
	delaySeconds: number
}

export async function listSignInLocks(db: Kysely<Database>, actor: Actor, context: ServiceContext): Promise<ServiceResult<SignInLock[]>> {
	if (!can(actor.role, 'users:manage')) return fail('forbidden', `Your role (${actor.role}) does not allow this (users:manage).`)
	const now = context.now ?? new Date()
	await purgeThrottles(db, throttlePurgeBefore(now))
	const locks = (await listThrottles(db))
		.map(({ key, state }) => {
			const [kind, ...rest] = key.split(':')
			return {
				key,
				kind: kind as SignInLock['kind'],
				who: rest.join(':'),
				failures: state.failures,
				lockedMinutes: lockedMinutes(state, now),
				delaySeconds: kind === 'account' ? accountDelaySeconds(state, now) : 0,
			}
		})
		.filter(l => l.lockedMinutes > 0 || l.delaySeconds > 0)
	return ok(locks)
}

export async function liftSignInLock(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { key: string },
): Promise<ServiceResult<{ key: string }>> {
	if (!can(actor.role, 'users:manage')) return fail('forbidden', `Your role (${actor.role}) does not allow this (users:manage).`)
	if (!/^(pair|address|account):/.test(input.key)) return fail('invalid', 'That is not a sign-in lock.', { key: ['Unknown lock'] })
	await clearLoginFailures(db, input.key)
	await recordAudit(db, actor, { action: 'login.unlock', entity: 'session', after: { key: input.key }, requestId: context.requestId })
	return ok({ key: input.key })
}
