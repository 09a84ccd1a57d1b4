// User administration: create a user, change a role, disable or enable an account, reset a password. The rules
// (the group keeps an active administrator; nobody disables themselves) are models/user-admin.ts, checked inside
// the write's transaction against the users as they are then.
import { type Kysely } from 'kysely'
import { clearLoginFailures } from '#db/repositories/login-throttle.ts'
import { deleteSessionsOfUser } from '#db/repositories/sessions.ts'
import { findCredentialsByEmail, insertUser, listUsers, updateUser } from '#db/repositories/users.ts'
import { type Database } from '#db/schema.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { parseFields } from '#models/form-errors.ts'
import { NewUserSchema, passwordSchemaFor, refuseUserChange, RoleSchema, type UserChange } from '#models/user-admin.ts'
import { audit } from './audit.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

/** Creates a user from the form's email, name, role and password. */
export async function createUser(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: { values: Record<string, string> },
): Promise<ServiceResult<{ id: number; email: string }>> {
	const parsed = parseFields(NewUserSchema, input.values)
	if (!parsed.ok) return fail('invalid', 'Nothing was saved: fix the fields marked below.', parsed.fieldErrors)
	const taken = fail('invalid', 'A user with this email already exists.', { email: ['A user with this email already exists.'] })
	if (await findCredentialsByEmail(db, parsed.data.email)) return taken
	try {
		return await writeTransaction(db, async trx => {
			const id = await insertUser(trx, parsed.data)
			const { password: _secret, ...after } = parsed.data
			await audit(trx, actor, ctx, { action: 'create', entity: 'app_user', entityId: id, after })
			return ok({ id, email: parsed.data.email })
		})
	} catch (error) {
		if (isUniqueViolation(error)) return taken
		throw error
	}
}

export type UserChangeIntent = 'role' | 'disable' | 'enable' | 'reset-password'

/**
 * Changes one user. A new role, a disabled account or a new password ends every open session of that user;
 * enabling an account or resetting its password clears its failed sign-ins.
 */
export async function changeUser(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: { id: number; intent: UserChangeIntent; values: Record<string, string> },
): Promise<ServiceResult<{ change: UserChange }>> {
	const { id } = input
	return writeTransaction(db, async trx => {
		const users = await listUsers(trx)
		const target = users.find(u => u.id === id)
		if (!target) return fail('not_found', `No user with id ${id}.`)
		let change: UserChange
		let password: string | undefined
		if (input.intent === 'role') {
			const parsed = parseFields(RoleSchema, input.values)
			if (!parsed.ok) return fail('invalid', parsed.fieldErrors.role?.[0] ?? 'Choose a role.', parsed.fieldErrors)
			change = { kind: 'role', role: parsed.data.role }
		} else if (input.intent === 'reset-password') {
			const parsed = parseFields(passwordSchemaFor(target.email), input.values)
			if (!parsed.ok) return fail('invalid', (parsed.fieldErrors.password ?? []).join(' '), parsed.fieldErrors)
			change = { kind: 'reset-password' }
			password = parsed.data.password
		} else change = { kind: input.intent }
		const refusal = refuseUserChange(users, actor, id, change)
		if (refusal) return fail('invalid', refusal)

		const patch =
			change.kind === 'role'
				? { role: change.role }
				: change.kind === 'reset-password'
					? { password }
					: { disabled: change.kind === 'disable' }
		await updateUser(trx, id, patch, ctx.now)
		if (change.kind !== 'enable') await deleteSessionsOfUser(trx, id)
		if (change.kind === 'reset-password' || change.kind === 'enable') await clearLoginFailures(trx, `account:${target.email}`)
		const { password: _secret, ...after } = patch as { password?: string }
		await audit(trx, actor, ctx, {
			action: change.kind === 'reset-password' ? 'password.reset' : `user.${change.kind}`,
			entity: 'app_user',
			entityId: id,
			before: { role: target.role, disabled: target.disabled },
			after: change.kind === 'reset-password' ? { passwordChanged: true } : after,
		})
		return ok({ change })
	})
}
