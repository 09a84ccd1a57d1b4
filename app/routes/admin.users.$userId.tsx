import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AdminPageHead } from '#app/components/admin-page-head.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { resetSecondFactor } from '#app/services/mfa.server.ts'
import { statusOf } from '#app/services/service.ts'
import { changeUser } from '#app/services/users.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { readMfa } from '#db/repositories/mfa.ts'
import { listUsers } from '#db/repositories/users.ts'
import { formValues } from '#models/form-errors.ts'
import { ROLES } from '#models/domain.ts'
import { PASSWORD_RULES } from '#models/password-policy.ts'
import { ROLE_LABELS } from '#models/permissions.ts'

function requireUserId(raw: string | undefined) {
	if (!/^\d{1,12}$/.test(raw ?? '')) throw json({ message: `"${String(raw).slice(0, 40)}" is not a user id.` }, { status: 400 })
	return Number(raw)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const actor = await requireUser(request, 'users:manage')
	const id = requireUserId(params.userId)
	const target = (await listUsers(getDb())).find(u => u.id === id)
	if (!target) throw json({ message: `No user with id ${id}.` }, { status: 404 })
	const mfa = await readMfa(getDb(), id)
	return json({ target, isSelf: target.id === actor.id, mfa: { enrolled: !!mfa?.secret, recoveryCodesLeft: mfa?.recoveryCodesLeft ?? 0 } })
}

type Result = { ok: string | null; error: string | null; field?: 'role' | 'password' }

const INTENTS = ['role', 'disable', 'enable', 'reset-password'] as const

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireUser(request, 'users:manage')
	const id = requireUserId(params.userId)
	const form = await request.formData()
	if (form.get('intent') === 'reset-mfa') {
		const reset = await resetSecondFactor(getDb(), actor, serviceContext(request), { userId: id })
		if (!reset.ok) return json<Result>({ ok: null, error: reset.message }, { status: statusOf(reset.code) })
		return json<Result>({
			ok: 'Second factor removed; their open sessions were ended. They set up a new one at their next sign-in.',
			error: null,
		})
	}
	const intent = INTENTS.find(i => i === form.get('intent'))
	if (!intent) return json<Result>({ ok: null, error: `Unknown action "${String(form.get('intent')).slice(0, 40)}".` }, { status: 400 })
	const result = await changeUser(getDb(), actor, serviceContext(request), { id, intent, values: formValues(form) })
	if (!result.ok) {
		if (result.code === 'not_found') throw json({ message: result.message }, { status: 404 })
		const field = result.fieldErrors?.role ? 'role' : result.fieldErrors?.password ? 'password' : undefined
		return json<Result>({ ok: null, error: result.message, field }, { status: statusOf(result.code) })
	}
	const { change } = result.value
	const done = {
		role: `Role changed to ${change.kind === 'role' ? ROLE_LABELS[change.role] : ''}; their open sessions were ended.`,
		disable: 'Account disabled; their open sessions were ended.',
		enable: 'Account enabled.',
		'reset-password': 'Password reset; their open sessions were ended. Give them the new password privately.',
	}[change.kind]
	return json<Result>({ ok: done, error: null })
}

export default function ManageUserRoute() {
	const { target, isSelf, mfa } = useLoaderData<typeof loader>()
	const data = useActionData<typeof action>()
	const busy = useNavigation().state === 'submitting'
	return (
		<>
			<AdminPageHead
				title={target.name}
				actions={
					<div className="page-actions">
						<Link className="button" to={`/admin/audit?entity=app_user&actor=${encodeURIComponent(target.email)}`}>
							Their activity
						</Link>
					</div>
				}
			>
				<p>
					{target.email} · {ROLE_LABELS[target.role]} · {target.disabled ? 'Disabled' : 'Active'}
					{isSelf ? ' · this is you' : ''}
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
			<div className="card-grid">
				<Form method="post" className="card">
					<h2>Role</h2>
					<div className="field">
						<label htmlFor="role">Role</label>
						<select id="role" name="role" defaultValue={target.role} aria-invalid={data?.field === 'role' ? true : undefined}>
							{ROLES.map(r => (
								<option key={r} value={r}>
									{ROLE_LABELS[r]}
								</option>
							))}
						</select>
					</div>
					<button type="submit" name="intent" value="role" disabled={busy}>
						Change role
					</button>
				</Form>
				<Form method="post" className="card">
					<h2>Reset password</h2>
					<div className="field">
						<label htmlFor="password">New password</label>
						<input
							id="password"
							name="password"
							type="password"
							autoComplete="new-password"
							aria-describedby="password-help"
							aria-invalid={data?.field === 'password' ? true : undefined}
						/>
						<p className="help" id="password-help">
							At least {PASSWORD_RULES.minLength} characters; common passwords are refused.
						</p>
					</div>
					<button type="submit" name="intent" value="reset-password" disabled={busy}>
						Reset password
					</button>
				</Form>
				<Form method="post" className="card">
					<h2>Second factor</h2>
					<p>
						{mfa.enrolled ? `Authenticator app set up; ${mfa.recoveryCodesLeft} recovery codes left.` : 'No authenticator app set up yet.'}{' '}
						Resetting removes it (a lost phone) and ends their sessions; they set up a new one at their next sign-in.
					</p>
					<button type="submit" name="intent" value="reset-mfa" disabled={busy || !mfa.enrolled}>
						Reset second factor
					</button>
				</Form>
				<Form method="post" className="card">
					<h2>Access</h2>
					<p>
						{target.disabled
							? 'This account cannot sign in.'
							: 'Disabling ends their sessions and stops them signing in; their history stays.'}
					</p>
					{target.disabled ? (
						<button type="submit" name="intent" value="enable" disabled={busy}>
							Enable account
						</button>
					) : (
						<button type="submit" name="intent" value="disable" className="danger" disabled={busy}>
							Disable account
						</button>
					)}
				</Form>
			</div>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.target.name ?? 'User'} · Admin · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
