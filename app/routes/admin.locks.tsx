import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AdminPageHead } from '#app/components/admin-page-head.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { liftSignInLock, listSignInLocks } from '#app/services/login-locks.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requestIdOf } from '#app/utils/request.server.ts'

// Administrators see who is paused or slowed at sign-in, and lift a lock (audited).
export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireUser(request, 'users:manage')
	const result = await listSignInLocks(getDb(), actor, { requestId: requestIdOf(request) })
	if (!result.ok) throw json({ message: result.message }, { status: statusOf(result.code) })
	return json({ locks: result.value })
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUser(request, 'users:manage')
	const key = String((await request.formData()).get('key') ?? '')
	const result = await liftSignInLock(getDb(), actor, { requestId: requestIdOf(request) }, { key })
	if (!result.ok) return json({ ok: null, error: result.message }, { status: statusOf(result.code) })
	return json({ ok: `Lifted: ${result.value.key}`, error: null })
}

const KIND = {
	pair: 'An account from one address',
	address: 'One address, every account',
	account: 'An account from anywhere (slowed, not locked)',
}

export default function SignInLocksRoute() {
	const { locks } = useLoaderData<typeof loader>()
	const data = useActionData<typeof action>()
	const busy = useNavigation().state === 'submitting'
	return (
		<>
			<AdminPageHead title="Sign-in locks">
				<p>
					Five failed sign-ins from one address pause that account from that address for 15 minutes; 30 from one address pause the address.
					An account failing from anywhere is slowed (up to 8 seconds an attempt), never locked. Locks lift by themselves.
				</p>
			</AdminPageHead>
			{data?.ok ? (
				<p className="notice ok" role="status">
					{data.ok}
				</p>
			) : null}
			{data?.error ? (
				<p className="notice error" role="alert">
					{data.error}
				</p>
			) : null}
			{locks.length === 0 ? (
				<p className="card">No account or address is locked or slowed now.</p>
			) : (
				<div className="table-wrap">
					<table>
						<caption className="sr-only">Sign-in locks</caption>
						<thead>
							<tr>
								<th scope="col">What</th>
								<th scope="col">Who</th>
								<th scope="col">State</th>
								<th scope="col">
									<span className="sr-only">Action</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{locks.map(l => (
								<tr key={l.key}>
									<td>{KIND[l.kind]}</td>
									<td>{l.who}</td>
									<td>
										{l.lockedMinutes > 0
											? `Locked for ${l.lockedMinutes} more min`
											: `${l.failures} failures: ${l.delaySeconds} s a sign-in`}
									</td>
									<td>
										<Form method="post">
											<input type="hidden" name="key" value={l.key} />
											<button type="submit" disabled={busy} aria-label={`Lift: ${l.who}`}>
												Lift
											</button>
										</Form>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Sign-in locks · Admin · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
