import { type LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#app/utils/db.server.ts'
import { loadRegister, registerCalendar } from '#app/utils/obligations.server.ts'
import { findCalendarTokenUser } from '#db/repositories/obligations.ts'
import { findUserById } from '#db/repositories/users.ts'
import { can } from '#models/permissions.ts'

// GET /obligations.ics?token=…: the open duties with a due date as an iCalendar feed, for Outlook or Google
// Calendar. Calendar clients send no cookie, so the personal token (issued and revoked at /obligations/calendar)
// is the credential: only its hash is stored, a revoked or unknown token gets a 404, and the token's user must
// still be enabled and allowed to read the register.
export async function loader({ request }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const token = url.searchParams.get('token') ?? ''
	const notFound = () =>
		new Response('No calendar feed at this address (the link may have been revoked).', {
			status: 404,
			headers: { 'Cache-Control': 'no-store' },
		})
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return notFound()
	const db = getDb()
	const userId = await findCalendarTokenUser(db, token)
	const user = userId === undefined ? undefined : await findUserById(db, userId)
	if (!user || user.disabled || !can(user.role, 'overview:read')) return notFound()
	const { rows } = await loadRegister(db)
	return new Response(registerCalendar(rows, url.origin, new Date()), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="obligations.ics"',
			'Cache-Control': 'private, no-store',
			'Referrer-Policy': 'no-referrer',
		},
	})
}
