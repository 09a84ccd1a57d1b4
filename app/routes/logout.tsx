import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { audit, endSession, getUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// Public: signing out needs no permission. GET does nothing (a link must not end a session).
export async function loader() {
	return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await getUser(request)
	if (user) await audit(getDb(), request, user, { action: 'logout', entity: 'session' })
	return redirect('/login', { headers: { 'Set-Cookie': await endSession(request) } })
}
