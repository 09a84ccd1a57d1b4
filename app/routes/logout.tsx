import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { signOut } from '#app/services/sign-in.server.ts'
import { clearedSessionCookieHeader, getUser, tokenOf } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'

// Public: signing out needs no permission. GET does nothing (a link must not end a session).
export async function loader() {
	return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
	const [user, token] = await Promise.all([getUser(request), tokenOf(request)])
	await signOut(getDb(), user ?? null, serviceContext(request), { token })
	return redirect('/login', { headers: { 'Set-Cookie': await clearedSessionCookieHeader() } })
}
