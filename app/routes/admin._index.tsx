import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { listUsers } from '#db/repositories/users.ts'
import { ROLE_LABELS } from '#models/permissions.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'users:manage')
	return json({ users: await listUsers(getDb()) })
}

export default function AdminRoute() {
	const { users } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Administration</h1>
					<p>Users and their roles.</p>
				</div>
			</div>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th>Name</th>
							<th>Email</th>
							<th>Role</th>
							<th>Status</th>
						</tr>
					</thead>
					<tbody>
						{users.map(u => (
							<tr key={u.id}>
								<td>{u.name}</td>
								<td>{u.email}</td>
								<td>{ROLE_LABELS[u.role]}</td>
								<td>{u.disabled ? 'Disabled' : 'Active'}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Admin · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
