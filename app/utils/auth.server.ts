import { createCookie, json, redirect } from '@remix-run/node'
import { resolveSession, type SessionTimeouts } from '#db/repositories/sessions.ts'
import { findUserById } from '#db/repositories/users.ts'
import { type User } from '#models/domain.ts'
import { can, type Permission } from '#models/permissions.ts'
import { getDb } from './db.server.ts'
import { getSessionSecret, secureCookies } from './env.server.ts'

export const SESSION_TIMEOUTS: SessionTimeouts = {
	idleMinutes: Number(process.env.SESSION_IDLE_MINUTES ?? 30),
	absoluteHours: Number(process.env.SESSION_ABSOLUTE_HOURS ?? 12),
}

let cookie: ReturnType<typeof createCookie> | undefined
function sessionCookie() {
	cookie ??= createCookie('ced_session', {
		httpOnly: true,
		sameSite: 'lax',
		secure: secureCookies(),
		path: '/',
		secrets: [getSessionSecret()],
		maxAge: SESSION_TIMEOUTS.absoluteHours * 3600,
	})
	return cookie
}

export async function tokenOf(request: Request): Promise<string | undefined> {
	const value = await sessionCookie().parse(request.headers.get('Cookie'))
	return typeof value === 'string' ? value : undefined
}

/** The signed-in, enabled user, or undefined. */
export async function getUser(request: Request): Promise<User | undefined> {
	const token = await tokenOf(request)
	if (!token) return undefined
	const db = getDb()
	const session = await resolveSession(db, token, SESSION_TIMEOUTS)
	if (!session) return undefined
	const user = await findUserById(db, session.userId)
	return user && !user.disabled ? user : undefined
}

const isApi = (request: Request) => new URL(request.url).pathname.startsWith('/api/')

/**
 * The one gate every loader and action passes: anonymous requests go to the login page (the API
 * answers 401), signed-in users without the permission get a 403.
 */
export async function requireUser(request: Request, permission: Permission): Promise<User> {
	const user = await getUser(request)
	if (!user) {
		if (isApi(request)) throw json({ error: 'Sign in first: this API needs a session cookie.' }, { status: 401 })
		const url = new URL(request.url)
		const redirectTo = url.pathname + url.search
		throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
	}
	if (!can(user.role, permission)) {
		const message = `Your role (${user.role}) does not allow this (${permission}).`
		if (isApi(request)) throw json({ error: message }, { status: 403 })
		throw json({ message }, { status: 403 })
	}
	return user
}

/** The Set-Cookie header for a session token a service created. */
export const sessionCookieHeader = (token: string) => sessionCookie().serialize(token)

/** The session cookie's name and signed value for a token (the printer sends it with its requests to one origin). */
export async function sessionCookieFor(token: string) {
	const pair = (await sessionCookie().serialize(token)).split(';')[0]!
	const at = pair.indexOf('=')
	return { name: pair.slice(0, at), value: pair.slice(at + 1) }
}

/** The Set-Cookie header that removes the session cookie (the session itself ends in app/services/sign-in.server.ts). */
export const clearedSessionCookieHeader = () => sessionCookie().serialize('', { maxAge: 0 })

/** Only same-site paths: a login link must not send people elsewhere (models/safe-redirect.ts). */
export { safeRedirect } from '#models/safe-redirect.ts'

// Between the password and the second factor: a signed cookie naming the user whose password was right and what
// they must do next ('code' or 'enrol'), for five minutes, sent to /login only.
const PENDING_SECONDS = 300
let pendingCookie: ReturnType<typeof createCookie> | undefined
function pendingSignInCookie() {
	pendingCookie ??= createCookie('ced_pending', {
		httpOnly: true,
		sameSite: 'lax',
		secure: secureCookies(),
		path: '/login',
		secrets: [getSessionSecret()],
		maxAge: PENDING_SECONDS,
	})
	return pendingCookie
}

export type PendingStep = 'code' | 'enrol'

export const pendingSignInHeader = (userId: number, step: PendingStep, now = Date.now()) =>
	pendingSignInCookie().serialize({ userId, step, expires: now + PENDING_SECONDS * 1000 })

export const clearPendingSignInHeader = () => pendingSignInCookie().serialize('', { maxAge: 0 })

export async function readPendingSignIn(request: Request, now = Date.now()): Promise<{ userId: number; step: PendingStep } | undefined> {
	const value = (await pendingSignInCookie().parse(request.headers.get('Cookie'))) as {
		userId?: unknown
		step?: unknown
		expires?: unknown
	} | null
	if (
		!value ||
		typeof value.userId !== 'number' ||
		(value.step !== 'code' && value.step !== 'enrol') ||
		typeof value.expires !== 'number' ||
		value.expires < now
	)
		return undefined
	return { userId: value.userId, step: value.step }
}
