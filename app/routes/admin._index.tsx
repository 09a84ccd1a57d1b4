import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { statusOf } from '#app/services/service.ts'
import { createUser } from '#app/services/users.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { listUsers } from '#db/repositories/users.ts'
import { formValues } from '#models/form-errors.ts'
import { ROLES } from '#models/domain.ts'
import { PASSWORD_RULES } from '#models/password-policy.ts'
import { ROLE_LABELS } from '#models/permissions.ts'
import { TableScroll } from '#app/components/table-scroll.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'users:manage')
	return json({ users: await listUsers(getDb()) })
}

type Errors = Partial<Record<'email' | 'name' | 'role' | 'password' | 'form', string[]>>

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUser(request, 'users:manage')
	const form = await request.formData()
	if (form.get('intent') !== 'create') return json({ errors: { form: ['Unknown action.'] } as Errors, created: null }, { status: 400 })
	const result = await createUser(getDb(), actor, serviceContext(request), { values: formValues(form) })
	if (!result.ok)
		return json({ errors: (result.fieldErrors ?? { form: [result.message] }) as Errors, created: null }, { status: statusOf(result.code) })
	return json({ errors: {} as Errors, created: result.value.email })
}

export default function AdminRoute() {
	const { users } = useLoaderData<typeof loader>()
	const data = useActionData<typeof action>()
	const busy = useNavigation().state === 'submitting'
	const errors: Errors = data?.errors ?? {}
	const field = (name: keyof Errors) => ({
		id: `new-${name}`,
		name,
		'aria-invalid': errors[name] ? true : undefined,
		'aria-errormessage': errors[name] ? `new-${name}-error` : undefined,
	})
	const message = (name: keyof Errors) =>
		errors[name] ? (
			<p className="field-error" id={`new-${name}-error`}>
				{errors[name]!.join(' ')}
			</p>
		) : null
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Administration</h1>
					<p>Users and their roles. Every change here is in the audit log.</p>
				</div>
				<div className="page-actions">
					<Link className="button" to="/admin/model">
						Scoring model
					</Link>
					<Link className="button" to="/admin/locks">
						Sign-in locks
					</Link>
					<Link className="button" to="/admin/audit">
						Audit log
					</Link>
					<Link className="button" to="/admin/jobs">
						Background jobs
					</Link>
				</div>
			</div>
			<TableScroll label="Users">
				<table>
					<caption className="sr-only">Users</caption>
					<thead>
						<tr>
							<th scope="col">Name</th>
							<th scope="col">Email</th>
							<th scope="col">Role</th>
							<th scope="col">Status</th>
							<th scope="col">
								<span className="sr-only">Actions</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{users.map(u => (
							<tr key={u.id}>
								<td>{u.name}</td>
								<td>{u.email}</td>
								<td>{ROLE_LABELS[u.role]}</td>
								<td>{u.disabled ? 'Disabled' : 'Active'}</td>
								<td>
									<Link to={`/admin/users/${u.id}`} aria-label={`Manage ${u.email}`}>
										Manage
									</Link>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</TableScroll>

			<Form method="post" className="card" noValidate aria-labelledby="new-user-h">
				<h2 id="new-user-h">Add a user</h2>
				{data?.created ? (
					<p className="notice ok" role="status">
						{data.created} can now sign in with the password you set; ask them to keep it private.
					</p>
				) : null}
				{errors.form ? (
					<p className="notice error" role="alert">
						{errors.form.join(' ')}
					</p>
				) : null}
				<div className="form-grid">
					<div className="field">
						<label htmlFor="new-email">Email</label>
						<input {...field('email')} type="email" autoComplete="off" />
						{message('email')}
					</div>
					<div className="field">
						<label htmlFor="new-name">Name</label>
						<input {...field('name')} autoComplete="off" />
						{message('name')}
					</div>
					<div className="field">
						<label htmlFor="new-role">Role</label>
						<select {...field('role')} defaultValue="analyst">
							{ROLES.map(r => (
								<option key={r} value={r}>
									{ROLE_LABELS[r]}
								</option>
							))}
						</select>
						{message('role')}
					</div>
					<div className="field">
						<label htmlFor="new-password">Initial password</label>
						<input {...field('password')} type="password" autoComplete="new-password" aria-describedby="new-password-help" />
						<p className="help" id="new-password-help">
							At least {PASSWORD_RULES.minLength} characters; common passwords are refused.
						</p>
						{message('password')}
					</div>
				</div>
				<button className="primary" type="submit" name="intent" value="create" disabled={busy}>
					{busy ? 'Adding…' : 'Add user'}
				</button>
			</Form>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Admin · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
