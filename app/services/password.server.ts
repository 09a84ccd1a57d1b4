// A user changes their own password: the current one first, the policy for the new one; every other session of theirs
// ends (a fresh session replaces the one in use). Audited without either password.
import { type Kysely } from 'kysely'
import { recordAudit } from '#db/repositories/audit.ts'
import { createSession, deleteSessionsOfUser } from '#db/repositories/sessions.ts'
import { findCredentialsByEmail, updateUser } from '#db/repositories/users.ts'
import { verifyPassword } from '#db/password.ts'
import { type Database } from '#db/schema.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { passwordProblems } from '#models/password-policy.ts'
import { SESSION_TIMEOUTS } from '#app/utils/auth.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

export async function changeOwnPassword(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { current: string; next: string; confirm: string },
): Promise<ServiceResult<{ token: string }>> {
	const found = await findCredentialsByEmail(db, actor.email)
	if (!found || !(await verifyPassword(input.current, found.passwordHash)))
		return fail('invalid', 'Check the fields below.', { current: ['That is not your current password'] })
	const problems = passwordProblems(input.next, actor.email)
	if (problems.length) return fail('invalid', 'Check the fields below.', { next: problems })
	if (input.next !== input.confirm) return fail('invalid', 'Check the fields below.', { confirm: ['The two new passwords differ'] })
	if (input.next === input.current)
		return fail('invalid', 'Check the fields below.', { next: ['Choose a password other than the current one'] })
	const token = await writeTransaction(db, async trx => {
		await updateUser(trx, actor.id, { password: input.next }, context.now)
		await deleteSessionsOfUser(trx, actor.id)
		await recordAudit(trx, actor, {
			action: 'password.change',
			entity: 'app_user',
			entityId: actor.id,
			after: { passwordChanged: true, otherSessionsEnded: true },
			requestId: context.requestId,
		})
		return createSession(trx, actor.id, SESSION_TIMEOUTS, context.now)
	})
	return ok({ token })
}
