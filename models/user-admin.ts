// Rules for changing users, pure so they are tested without a database: the group must always keep
// at least one active administrator, and an administrator cannot lock themselves out by accident.
import { z } from 'zod'
import { ROLES, type Role, type User } from './domain.ts'
import { passwordProblems } from './password-policy.ts'

export type UserChange = { kind: 'role'; role: Role } | { kind: 'disable' } | { kind: 'enable' } | { kind: 'reset-password' }

/** Why a change is refused, or null when it may go ahead. */
export function refuseUserChange(users: readonly User[], actor: Pick<User, 'id'>, targetId: number, change: UserChange): string | null {
	const target = users.find(u => u.id === targetId)
	if (!target) return `No user with id ${targetId}.`
	const activeAdmins = users.filter(u => u.role === 'admin' && !u.disabled)
	const removesAnAdmin =
		target.role === 'admin' && !target.disabled && ((change.kind === 'role' && change.role !== 'admin') || change.kind === 'disable')
	if (removesAnAdmin && activeAdmins.length <= 1)
		return `${target.email} is the last active administrator; make another user an administrator first.`
	if (target.id === actor.id && change.kind === 'disable') return 'You cannot disable your own account; ask another administrator.'
	return null
}

const email = z
	.string({ error: 'Email is required' })
	.trim()
	.toLowerCase()
	.min(3, 'Email is required')
	.max(191, 'Email must be at most 191 characters')
	.pipe(z.email({ error: 'Enter an email address like name@example.com' }))

export const NewUserSchema = z
	.object({
		email,
		name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(200, 'Name must be at most 200 characters'),
		role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}` }),
		password: z.string({ error: 'Password is required' }),
	})
	.superRefine((v, ctx) => {
		for (const message of passwordProblems(v.password, v.email)) ctx.addIssue({ code: 'custom', path: ['password'], message })
	})

export const RoleSchema = z.object({ role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}` }) })

export const passwordSchemaFor = (userEmail: string) =>
	z.object({ password: z.string({ error: 'Password is required' }) }).superRefine((v, ctx) => {
		for (const message of passwordProblems(v.password, userEmail)) ctx.addIssue({ code: 'custom', path: ['password'], message })
	})
