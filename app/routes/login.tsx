import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, type ShouldRevalidateFunction, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { EnrolmentPanel, RecoveryCodes } from '#app/components/mfa.tsx'
import { confirmEnrolment, offerEnrolment } from '#app/services/mfa.server.ts'
import { statusOf, type Failure } from '#app/services/service.ts'
import { completeEnrolledSignIn, type SignInStep, signInWithCode, signInWithPassword } from '#app/services/sign-in.server.ts'
import {
	clearPendingSignInHeader,
	getUser,
	pendingSignInHeader,
	readPendingSignIn,
	safeRedirect,
	sessionCookieHeader,
} from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requestIdOf } from '#app/utils/request.server.ts'
import { findUserById } from '#db/repositories/users.ts'
import { homeFor } from '#models/permissions.ts'

// Public: the sign-in page. Password first; then the authenticator code (or a recovery code) when the account has
// a second factor, or its set-up when the role requires one. A client may send email, password and code at once.
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request)
	if (user) throw redirect(homeFor(user.role))
	return json({})
}

const PasswordSchema = z.object({
	email: z.string().trim().min(1, 'Enter your email address').max(191, 'That email address is too long'),
	password: z.string().min(1, 'Enter your password').max(1024, 'That password is too long'),
	code: z.string().trim().max(64, 'That code is too long').optional(),
	redirectTo: z.string().max(2048).optional(),
})
const CodeSchema = z.object({
	code: z.string().trim().min(1, 'Enter the code').max(64, 'That code is too long'),
	redirectTo: z.string().max(2048).optional(),
})

// After a set-up during sign-in the session cookie is new: the page keeps showing the recovery codes instead of
// revalidating into the signed-in redirect.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
	formData?.get('intent') === 'enrol' ? false : defaultShouldRevalidate

// A lockout's Retry-After reaches the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders }) => {
	const headers = new Headers()
	const retry = actionHeaders.get('Retry-After')
	if (retry) headers.set('Retry-After', retry)
	return headers
}

type Step = 'password' | 'code' | 'enrol' | 'recovery'
interface ActionData {
	step: Step
	formError: string | null
	fieldErrors: Record<string, string[] | undefined>
	enrol?: { secret: string; qr: string }
	recoveryCodes?: string[]
	next?: string
}

const answer = (data: ActionData, init: { status?: number; headers?: HeadersInit } = {}) => json<ActionData>(data, init)

function refused(step: Step, failure: Failure, extra: Partial<ActionData> = {}) {
	const headers = new Headers()
	if (failure.retryAfterSeconds) headers.set('Retry-After', String(failure.retryAfterSeconds))
	return answer(
		{ step, formError: failure.message, fieldErrors: failure.fieldErrors ?? {}, ...extra },
		{ status: statusOf(failure.code), headers },
	)
}

export async function action({ request }: ActionFunctionArgs) {
	const form = Object.fromEntries(await request.formData())
	const db = getDb()
	const context = { requestId: requestIdOf(request) }
	const address = request.headers.get('x-client-address') ?? 'unknown'
	const redirectTo = typeof form.redirectTo === 'string' ? form.redirectTo : undefined

	const signedIn = async (step: SignInStep & { kind: 'signed-in' }, extraCookies: string[] = []) => {
		const headers = new Headers()
		headers.append('Set-Cookie', await sessionCookieHeader(step.token))
		headers.append('Set-Cookie', await clearPendingSignInHeader())
		for (const c of extraCookies) headers.append('Set-Cookie', c)
		return redirect(safeRedirect(redirectTo, homeFor(step.user.role)), { headers })
	}
	const nextStep = async (step: SignInStep) => {
		if (step.kind === 'signed-in') return signedIn(step)
		const headers = { 'Set-Cookie': await pendingSignInHeader(step.user.id, step.kind) }
		if (step.kind === 'code') return answer({ step: 'code', formError: null, fieldErrors: {} }, { headers })
		const offer = await offerEnrolment(db, step.user, context, { secret: step.secret })
		if (!offer.ok) return refused('password', offer)
		return answer(
			{ step: 'enrol', formError: null, fieldErrors: {}, enrol: { secret: offer.value.secret, qr: offer.value.qr } },
			{ headers },
		)
	}

	if (form.intent === 'code' || form.intent === 'enrol') {
		const pending = await readPendingSignIn(request)
		if (!pending || pending.step !== form.intent)
			return answer({ step: 'password', formError: 'That sign-in has expired: sign in again.', fieldErrors: {} }, { status: 400 })
		const parsed = CodeSchema.safeParse(form)
		if (!parsed.success)
			return answer({ step: pending.step, formError: null, fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 })
		if (pending.step === 'code') {
			const result = await signInWithCode(db, null, context, { userId: pending.userId, address, code: parsed.data.code })
			return result.ok ? nextStep(result.value) : refused('code', result)
		}
		const user = await findUserById(db, pending.userId)
		if (!user || user.disabled) return answer({ step: 'password', formError: 'Sign in again.', fieldErrors: {} }, { status: 400 })
		const confirmed = await confirmEnrolment(db, user, context, { code: parsed.data.code })
		if (!confirmed.ok) {
			const offer = await offerEnrolment(db, user, context, { keepPending: true })
			return refused('enrol', confirmed, offer.ok ? { enrol: { secret: offer.value.secret, qr: offer.value.qr } } : {})
		}
		const token = await completeEnrolledSignIn(db, user, context, address)
		const headers = new Headers()
		headers.append('Set-Cookie', await sessionCookieHeader(token))
		headers.append('Set-Cookie', await clearPendingSignInHeader())
		return answer(
			{
				step: 'recovery',
				formError: null,
				fieldErrors: {},
				recoveryCodes: confirmed.value.recoveryCodes,
				next: safeRedirect(redirectTo, homeFor(user.role)),
			},
			{ headers },
		)
	}

	const parsed = PasswordSchema.safeParse(form)
	if (!parsed.success)
		return answer({ step: 'password', formError: null, fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 })
	const { email, password, code } = parsed.data
	const result = await signInWithPassword(db, null, context, { email, password, code: code || undefined, address })
	return result.ok ? nextStep(result.value) : refused('password', result)
}

export default function LoginRoute() {
	const data = useActionData<typeof action>() as ActionData | undefined
	const [params] = useSearchParams()
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle'
	const step = data?.step ?? 'password'
	const fieldErrors = data?.fieldErrors ?? {}
	const redirectTo = <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
	return (
		<div className="login card">
			<h1>{step === 'password' ? 'Sign in' : step === 'recovery' ? 'You are signed in' : 'Second step'}</h1>
			<p className="muted">China Exposure Dashboard</p>
			{data?.formError ? (
				<div className="notice error" role="alert" id="login-error">
					{data.formError}
				</div>
			) : null}
			{step === 'password' ? (
				<Form method="post" noValidate>
					{redirectTo}
					<Field name="email" label="Email" type="email" autoComplete="username" errors={fieldErrors.email} />
					<Field name="password" label="Password" type="password" autoComplete="current-password" errors={fieldErrors.password} />
					<button className="primary" type="submit" disabled={busy}>
						{busy ? 'Signing in…' : 'Sign in'}
					</button>
				</Form>
			) : step === 'code' ? (
				<Form method="post" noValidate>
					{redirectTo}
					<input type="hidden" name="intent" value="code" />
					<p>Enter the six-digit code from your authenticator app, or one of your recovery codes.</p>
					<Field
						name="code"
						label="Authentication code"
						type="text"
						autoComplete="one-time-code"
						inputMode="numeric"
						errors={fieldErrors.code}
					/>
					<button className="primary" type="submit" disabled={busy}>
						{busy ? 'Checking…' : 'Verify'}
					</button>
				</Form>
			) : step === 'enrol' && data?.enrol ? (
				<Form method="post" noValidate>
					{redirectTo}
					<input type="hidden" name="intent" value="enrol" />
					<p>Your role needs a second factor to sign in.</p>
					<EnrolmentPanel secret={data.enrol.secret} qr={data.enrol.qr} />
					<Field
						name="code"
						label="Authentication code"
						type="text"
						autoComplete="one-time-code"
						inputMode="numeric"
						errors={fieldErrors.code}
					/>
					<button className="primary" type="submit" disabled={busy}>
						{busy ? 'Checking…' : 'Set up and sign in'}
					</button>
				</Form>
			) : step === 'recovery' && data?.recoveryCodes ? (
				<>
					<RecoveryCodes codes={data.recoveryCodes} />
					<Link className="button primary" to={data.next ?? '/'}>
						Continue
					</Link>
				</>
			) : null}
		</div>
	)
}

function Field({
	name,
	label,
	type,
	autoComplete,
	errors,
	inputMode,
}: {
	name: string
	label: string
	type: string
	autoComplete: string
	errors?: string[]
	inputMode?: 'numeric'
}) {
	const errorId = `${name}-error`
	return (
		<div className="field">
			<label htmlFor={name}>{label}</label>
			<input
				id={name}
				name={name}
				type={type}
				autoComplete={autoComplete}
				inputMode={inputMode}
				required
				autoFocus={name === 'code'}
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
