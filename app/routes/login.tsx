import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { audit, getUser, safeRedirect, startSession } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { clearLoginFailures, readThrottle, recordLoginFailure } from '#db/repositories/login-throttle.ts'
import { findCredentialsByEmail } from '#db/repositories/users.ts'
import { LOGIN_LIMITS, lockedMinutes } from '#models/login-policy.ts'
import { dummyPasswordHash, verifyPassword } from '#db/password.ts'
import { homeFor } from '#models/permissions.ts'

// Public: the sign-in page. A signed-in user is sent on to their home.
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request)
	if (user) throw redirect(homeFor(user.role))
	return json({})
}

const LoginSchema = z.object({
	email: z.string().trim().min(1, 'Enter your email address').max(191, 'That email address is too long'),
	password: z.string().min(1, 'Enter your password').max(1024, 'That password is too long'),
	redirectTo: z.string().max(2048).optional(),
})

// A lockout's Retry-After reaches the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders }) => {
	const headers = new Headers()
	const retry = actionHeaders.get('Retry-After')
	if (retry) headers.set('Retry-After', retry)
	return headers
}

const GENERIC_FAILURE = 'That email and password do not match an active account.'
const lockedMessage = (minutes: number) =>
	`Too many failed sign-ins. Sign-in is paused for ${minutes === 1 ? 'a minute' : `${minutes} minutes`}; try again then, or ask an administrator to reset your password.`

export async function action({ request }: ActionFunctionArgs) {
	const parsed = LoginSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) {
		const fieldErrors = z.flattenError(parsed.error).fieldErrors
		return json({ formError: null, fieldErrors }, { status: 400 })
	}
	const { email, password, redirectTo } = parsed.data
	const db = getDb()
	const now = new Date()
	// Keys exist whether or not the account does, so a lockout reveals nothing about who has one.
	const accountKey = `account:${email.toLowerCase()}`
	const addressKey = `address:${request.headers.get('x-client-address') ?? 'unknown'}`
	const [accountState, addressState] = await Promise.all([readThrottle(db, accountKey), readThrottle(db, addressKey)])
	const wait = Math.max(lockedMinutes(accountState, now), lockedMinutes(addressState, now))
	if (wait > 0) {
		await audit(db, request, null, { action: 'login.locked', entity: 'session', after: { email: email.toLowerCase() } })
		return json({ formError: lockedMessage(wait), fieldErrors: {} }, { status: 429, headers: { 'Retry-After': String(wait * 60) } })
	}
	const found = await findCredentialsByEmail(db, email)
	// Spend the same time whether or not the account exists, and say the same thing.
	const ok = found ? await verifyPassword(password, found.passwordHash) : await verifyPassword(password, await dummyPasswordHash())
	if (!found || !ok || found.user.disabled) {
		const [account, address] = await Promise.all([
			recordLoginFailure(db, accountKey, LOGIN_LIMITS.account, now),
			recordLoginFailure(db, addressKey, LOGIN_LIMITS.address, now),
		])
		await audit(db, request, null, { action: 'login.failure', entity: 'session', after: { email: email.toLowerCase() } })
		const locked = Math.max(lockedMinutes(account, now), lockedMinutes(address, now))
		if (locked > 0) return json({ formError: lockedMessage(locked), fieldErrors: {} }, { status: 429, headers: { 'Retry-After': String(locked * 60) } })
		return json({ formError: GENERIC_FAILURE, fieldErrors: {} }, { status: 400 })
	}
	await clearLoginFailures(db, accountKey)
	await audit(db, request, found.user, { action: 'login.success', entity: 'session' })
	const cookie = await startSession(found.user.id)
	return redirect(safeRedirect(redirectTo, homeFor(found.user.role)), { headers: { 'Set-Cookie': cookie } })
}

export default function LoginRoute() {
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle'
	const fieldErrors = (actionData?.fieldErrors ?? {}) as Record<string, string[] | undefined>
	return (
		<div className="login card">
			<h1>Sign in</h1>
			<p className="muted">China Exposure Dashboard</p>
			{actionData?.formError ? (
				<div className="notice error" role="alert" id="login-error">
					{actionData.formError}
				</div>
			) : null}
			<Form method="post" noValidate>
				<input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
				<Field name="email" label="Email" type="email" autoComplete="username" errors={fieldErrors.email} />
				<Field name="password" label="Password" type="password" autoComplete="current-password" errors={fieldErrors.password} />
				<button className="primary" type="submit" disabled={busy}>
					{busy ? 'Signing in…' : 'Sign in'}
				</button>
			</Form>
		</div>
	)
}

function Field({ name, label, type, autoComplete, errors }: { name: string; label: string; type: string; autoComplete: string; errors?: string[] }) {
	const errorId = `${name}-error`
	return (
		<div className="field">
			<label htmlFor={name}>{label}</label>
			<input
				id={name}
				name={name}
				type={type}
				autoComplete={autoComplete}
				required
				aria-invalid={errors?.length ? true : undefined}
				aria-errormessage={errors?.length ? errorId : undefined}
			/>
			{errors?.length ? (
				<div className="field-error" id={errorId}>
					{errors.join(' ')}
				</div>
			) : null}
		</div>
	)
}

export const meta: MetaFunction = () => [{ title: 'Sign in · China Exposure' }]
