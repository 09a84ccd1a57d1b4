// Which roles must have a second factor (ASVS 2.7/2.8): every role that can change or approve anything, by default.
// The list is a setting (MFA_REQUIRED_ROLES, comma-separated); board members are offered it either way.
import { ROLES, type Role } from './domain.ts'

export const DEFAULT_MFA_ROLES: readonly Role[] = ['admin', 'executive', 'analyst']

export function mfaRequiredRoles(setting: string | undefined): Role[] {
	if (setting === undefined) return [...DEFAULT_MFA_ROLES]
	const names = setting
		.split(',')
		.map(s => s.trim())
		.filter(Boolean)
	const unknown = names.filter(n => !(ROLES as readonly string[]).includes(n))
	if (unknown.length) throw new Error(`MFA_REQUIRED_ROLES names unknown roles: ${unknown.join(', ')} (roles: ${ROLES.join(', ')})`)
	return names as Role[]
}

/** A six-digit authenticator code, or else (letters) a recovery code. */
export const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''))
