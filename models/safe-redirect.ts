// Where to send someone after sign-in: only a path on this origin. Anything a browser could read as another host
// (two slashes, a backslash, a scheme, control characters it strips, such as a tab between two slashes) or that
// would break a header (CR, LF, NUL) falls back to home, in its raw and its decoded form alike.
const UNSAFE = /[\u0000-\u001f\u007f\\]/
const BASE = 'http://this-origin.invalid'

export function safeRedirect(to: unknown, fallback = '/'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2048) return fallback
	let decoded: string
	try {
		decoded = decodeURIComponent(to)
	} catch {
		return fallback
	}
	for (const form of [to, decoded]) if (UNSAFE.test(form) || form.startsWith('//')) return fallback
	try {
		return new URL(to, BASE).origin === BASE ? to : fallback
	} catch {
		return fallback
	}
}
