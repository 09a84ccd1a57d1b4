import { type Role } from '#models/domain.ts'
import { mfaRequiredRoles } from '#models/mfa.ts'
import { localSecretFile } from '#db/local-secret.ts'

/**
 * Secure by default, whatever NODE_ENV says: the session cookie is Secure and HSTS is sent. INSECURE_COOKIES=1 is the
 * explicit switch for plain HTTP on another host than localhost (browsers accept Secure cookies on http://localhost).
 */
export const secureCookies = () => process.env.INSECURE_COOKIES !== '1'

let secret: string | undefined

/**
 * SESSION_SECRET from the environment. On the embedded default without one, a random secret is
 * generated once into data/session-secret (git-ignored) and the server says so at start-up.
 */
export function getSessionSecret(): string {
	if (secret) return secret
	const fromEnv = process.env.SESSION_SECRET
	if (fromEnv) {
		if (fromEnv.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters')
		return (secret = fromEnv)
	}
	return (secret = localSecretFile('session-secret', 48, 'SESSION_SECRET'))
}

/** Whether a role must have a second factor: MFA_REQUIRED_ROLES (comma-separated), by default admin, executive, analyst. */
export const mfaRequiredFor = (role: Role) => mfaRequiredRoles(process.env.MFA_REQUIRED_ROLES).includes(role)
