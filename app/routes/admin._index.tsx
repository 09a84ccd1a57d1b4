import { writeTransaction } from '#db/sql/transaction.ts'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { audit, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { findCredentialsByEmail, insertUser, listUsers } from '#db/repositories/users.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { ROLES } from '#models/domain.ts'
import { PASSWORD_RULES } from '#models/password-policy.ts'
import { ROLE_LABELS } from '#models/permissions.ts'
import { NewUserSchema } from '#models/user-admin.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'users:manage')
	return json({ users: await listUsers(getDb()) })
}

type Errors = Partial<Record<'email' | 'name' | 'role' | 'password' | 'form', string[]>>

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUser(request, 'users:manage')
	const form = Object.fromEntries(await request.formData())
	if (form.intent !== 'create') return json({ errors: { form: ['Unknown action.'] } as Errors, created: null }, { status: 400 })
	const parsed = NewUserSchema.safeParse(form)
	if (!parsed.success) return json({ errors: z.flattenError(parsed.error).fieldErrors as Errors, created: null }, { status: 400 })
	const db = getDb()
	const taken = { errors: { email: ['A user with this email already exists.'] } as Errors, created: null }
	if (await findCredentialsByEmail(db, parsed.data.email)) return json(taken, { status: 400 })
	try {
		await writeTransaction(db, async trx => {
			const id = await insertUser(trx, parsed.data)
			const { password: _secret, ...after } = parsed.data
			await audit(trx, request, actor, { action: 'create', entity: 'app_user', entityId: id, after })
		})
	} catch (error) {
		if (isUniqueViolation(error)) return json(taken, { status: 400 })
		throw error
	}
	return json({ errors: {} as Errors, created: parsed.data.email })
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
					<Link className="button" to="/admin/locks">
						Sign-in locks
					</Link>
					<Link className="button" to="/admin/audit">
						Audit log
					</Link>
				</div>
			</div>
			<div className="table-wrap">
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
			</div>

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
