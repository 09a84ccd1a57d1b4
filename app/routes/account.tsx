import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { EnrolmentPanel, RecoveryCodes } from '#app/components/mfa.tsx'
import { confirmEnrolment, offerEnrolment, renewRecoveryCodes } from '#app/services/mfa.server.ts'
import { changeOwnPassword } from '#app/services/password.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser, sessionCookieHeader } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { mfaRequiredFor } from '#app/utils/env.server.ts'
import { requestIdOf } from '#app/utils/request.server.ts'
import { readMfa } from '#db/repositories/mfa.ts'
import { PASSWORD_RULES } from '#models/password-policy.ts'

// One's own account: change the password (other sessions end), set up an authenticator app, new recovery codes.
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'account:own')
	const mfa = await readMfa(getDb(), user.id)
	const passwordChanged = new URL(request.url).searchParams.get('password') === 'changed'
	return json({
		email: user.email,
		enrolled: !!mfa?.secret,
		recoveryCodesLeft: mfa?.recoveryCodesLeft ?? 0,
		required: mfaRequiredFor(user.role),
		passwordChanged,
	})
}

interface ActionData {
	ok: string | null
	error: string | null
	fieldErrors?: Record<string, string[]>
	enrol?: { secret: string; qr: string }
	recoveryCodes?: string[]
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'account:own')
	const form = await request.formData()
	const text = (name: string) => String(form.get(name) ?? '').slice(0, 1024)
	const db = getDb()
	const context = { requestId: requestIdOf(request) }
	switch (form.get('intent')) {
		case 'password': {
			const result = await changeOwnPassword(db, user, context, { current: text('current'), next: text('next'), confirm: text('confirm') })
			if (!result.ok)
				return json<ActionData>({ ok: null, error: result.message, fieldErrors: result.fieldErrors }, { status: statusOf(result.code) })
			// A redirect, not data: the session in this request's cookie has just been replaced, and the page's
			// loader must run with the new one.
			return redirect('/account?password=changed', { headers: { 'Set-Cookie': await sessionCookieHeader(result.value.token) } })
		}
		case 'mfa-start': {
			const result = await offerEnrolment(db, user, context)
			if (!result.ok) return json<ActionData>({ ok: null, error: result.message }, { status: statusOf(result.code) })
			return json<ActionData>({ ok: null, error: null, enrol: { secret: result.value.secret, qr: result.value.qr } })
		}
		case 'mfa-confirm': {
			const result = await confirmEnrolment(db, user, context, { code: text('code') })
			if (!result.ok) {
				const offer = await offerEnrolment(db, user, context, { keepPending: true })
				return json<ActionData>(
					{
						ok: null,
						error: result.message,
						fieldErrors: result.fieldErrors,
						enrol: offer.ok ? { secret: offer.value.secret, qr: offer.value.qr } : undefined,
					},
					{ status: statusOf(result.code) },
				)
			}
			return json<ActionData>({
				ok: 'Authenticator app set up: sign-in now asks for its code.',
				error: null,
				recoveryCodes: result.value.recoveryCodes,
			})
		}
		case 'recovery-codes': {
			const result = await renewRecoveryCodes(db, user, context)
			if (!result.ok) return json<ActionData>({ ok: null, error: result.message }, { status: statusOf(result.code) })
			return json<ActionData>({
				ok: 'New recovery codes: the old ones no longer work.',
				error: null,
				recoveryCodes: result.value.recoveryCodes,
			})
		}
		default:
			return json<ActionData>({ ok: null, error: 'Unknown action.' }, { status: 400 })
	}
}

export default function AccountRoute() {
	const { email, enrolled, recoveryCodesLeft, required, passwordChanged } = useLoaderData<typeof loader>()
	const data = useActionData<typeof action>() as ActionData | undefined
	const busy = useNavigation().state === 'submitting'
	const errors = data?.fieldErrors ?? {}
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Your account</h1>
					<p>{email}</p>
				</div>
			</div>
			{data?.ok || (passwordChanged && !data) ? (
				<p className="notice ok" role="status">
					{data?.ok ?? 'Password changed. Your other sessions were ended; this one continues.'}
				</p>
			) : null}
			{data?.error ? (
				<p className="notice error" role="alert">
					{data.error}
				</p>
			) : null}
			<div className="card-grid">
				<Form method="post" className="card" noValidate>
					<h2>Change password</h2>
					<PasswordField name="current" label="Current password" autoComplete="current-password" errors={errors.current} />
					<PasswordField
						name="next"
						label="New password"
						autoComplete="new-password"
						errors={errors.next}
						help={`At least ${PASSWORD_RULES.minLength} characters; common passwords are refused.`}
					/>
					<PasswordField name="confirm" label="New password again" autoComplete="new-password" errors={errors.confirm} />
					<button type="submit" name="intent" value="password" disabled={busy}>
						Change password
					</button>
				</Form>
				<div className="card">
					<h2>Second factor</h2>
					{data?.recoveryCodes ? <RecoveryCodes codes={data.recoveryCodes} /> : null}
					{data?.enrol ? (
						<Form method="post" noValidate>
							<EnrolmentPanel secret={data.enrol.secret} qr={data.enrol.qr} />
							<div className="field">
								<label htmlFor="code">Authentication code</label>
								<input
									id="code"
									name="code"
									type="text"
									inputMode="numeric"
									autoComplete="one-time-code"
									aria-invalid={errors.code ? true : undefined}
								/>
							</div>
							<button type="submit" name="intent" value="mfa-confirm" className="primary" disabled={busy}>
								Confirm
							</button>
						</Form>
					) : enrolled ? (
						<Form method="post">
							<p>An authenticator app is set up; {recoveryCodesLeft} recovery codes left.</p>
							<button type="submit" name="intent" value="recovery-codes" disabled={busy}>
								New recovery codes
							</button>{' '}
							<button type="submit" name="intent" value="mfa-start" disabled={busy}>
								Move to another app
							</button>
						</Form>
					) : (
						<Form method="post">
							<p>
								{required
									? 'Your role needs an authenticator app.'
									: 'Add an authenticator app, so a password alone cannot sign in as you.'}
							</p>
							<button type="submit" name="intent" value="mfa-start" className="primary" disabled={busy}>
								Set up an authenticator app
							</button>
						</Form>
					)}
				</div>
			</div>
		</>
	)
}

function PasswordField({
	name,
	label,
	autoComplete,
	errors,
	help,
}: {
	name: string
	label: string
	autoComplete: string
	errors?: string[]
	help?: string
}) {
	return (
		<div className="field">
			<label htmlFor={name}>{label}</label>
			<input
				id={name}
				name={name}
				type="password"
				autoComplete={autoComplete}
				aria-invalid={errors?.length ? true : undefined}
				aria-describedby={[help ? `${name}-help` : '', errors?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}
			/>
			{help ? (
				<p className="help" id={`${name}-help`}>
					{help}
				</p>
			) : null}
			{errors?.length ? (
				<div className="field-error" id={`${name}-error`}>
					{errors.join(' ')}
				</div>
			) : null}
		</div>
	)
}

export const meta: MetaFunction = () => [{ title: 'Your account · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
