import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { audit, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { findDestinationById, replaceDestinationCosts, updateDestination } from '#db/repositories/destinations.ts'
import { COST_EVIDENCE, STAFF_FUNCTIONS } from '#models/domain.ts'

const FUNCTION_LABELS = { back_office: 'Back office', rnd: 'R&D', sales: 'Sales', operations: 'Operations', it: 'IT', management: 'Management' } as const

function requireDestinationId(raw: string | undefined) {
	if (!/^\d{1,9}$/.test(raw ?? '')) throw json({ message: `"${String(raw).slice(0, 40)}" is not a destination id.` }, { status: 400 })
	return Number(raw)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	const id = requireDestinationId(params.id)
	const destination = await findDestinationById(getDb(), id)
	if (!destination) throw json({ message: `No destination with id ${id}.` }, { status: 404 })
	return json({ destination })
}

const cost = z.union([z.literal(''), z.coerce.number({ error: 'must be a number' }).int('must be whole US dollars').min(1_000, 'must be at least USD 1,000').max(2_000_000, 'must be at most USD 2,000,000')])
const DestinationForm = z.object({
	hiringLeadTimeMonths: z.coerce.number({ error: 'Hiring lead time must be a number' }).int('Hiring lead time must be whole months').min(0, 'Hiring lead time cannot be negative').max(36, 'Hiring lead time must be at most 36 months'),
	privacyLaw: z.string().trim().min(1, 'Privacy law is required').max(2000),
	privacyCrossBorder: z.string().trim().min(1, 'Describe its cross-border rules').max(4000),
	source: z.string().trim().min(1, 'Name the source of these figures').max(2000),
	asOf: z.string().trim().min(1, 'Say when these figures were true (e.g. 2026-01)').max(100, 'At most 100 characters'),
	...Object.fromEntries(STAFF_FUNCTIONS.flatMap(f => [[`cost_${f}`, cost], [`evidence_${f}`, z.enum(COST_EVIDENCE)]])),
})

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const id = requireDestinationId(params.id)
	const db = getDb()
	const before = await findDestinationById(db, id)
	if (!before) throw json({ message: `No destination with id ${id}.` }, { status: 404 })
	const parsed = DestinationForm.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) {
		const errors: Record<string, string[]> = {}
		for (const i of parsed.error.issues) (errors[String(i.path[0])] ??= []).push(i.message)
		return json({ errors }, { status: 400 })
	}
	const v = parsed.data as Record<string, unknown> & { hiringLeadTimeMonths: number; privacyLaw: string; privacyCrossBorder: string; source: string; asOf: string }
	const costs = STAFF_FUNCTIONS.filter(f => v[`cost_${f}`] !== '').map(f => ({ function: f, annualCostUsd: v[`cost_${f}`] as number, evidence: v[`evidence_${f}`] as 'sourced' | 'estimate' }))
	const after = { hiringLeadTimeMonths: v.hiringLeadTimeMonths, privacyLaw: v.privacyLaw, privacyCrossBorder: v.privacyCrossBorder, source: v.source, asOf: v.asOf, costs }
	await db.transaction().execute(async trx => {
		await updateDestination(trx, id, after)
		await replaceDestinationCosts(trx, id, costs)
		await audit(trx, request, user, { action: 'update', entity: 'destination', entityId: id, before, after })
	})
	return redirect('/destinations')
}

export default function EditDestinationRoute() {
	const { destination: d } = useLoaderData<typeof loader>()
	const errors = ((useActionData<typeof action>() as { errors?: Record<string, string[]> } | undefined)?.errors ?? {}) as Record<string, string[]>
	const field = (name: string) => ({ id: `d-${name}`, name, 'aria-invalid': errors[name] ? true : undefined, 'aria-errormessage': errors[name] ? `d-${name}-error` : undefined })
	const message = (name: string) =>
		errors[name] ? (
			<p className="field-error" id={`d-${name}-error`}>
				{errors[name].join(' ')}
			</p>
		) : null
	return (
		<>
			<p className="no-print small">
				<Link to="/destinations">← Destinations</Link>
			</p>
			<h1>
				{d.city} ({d.country})
			</h1>
			<Form method="post" className="card" noValidate>
				{Object.keys(errors).length ? (
					<p className="notice error" role="alert">
						Nothing was saved: fix the fields marked below.
					</p>
				) : null}
				<h2>Fully loaded cost per head, USD a year</h2>
				<p className="small muted">Leave a cost empty when it is not known. Mark each figure as sourced only when the source below supports it.</p>
				<div className="form-grid">
					{STAFF_FUNCTIONS.map(f => {
						const c = d.costs.find(x => x.function === f)
						return (
							<div className="field" key={f}>
								<label htmlFor={`d-cost_${f}`}>{FUNCTION_LABELS[f]}</label>
								<div className="range-inputs">
									<input {...field(`cost_${f}`)} inputMode="numeric" defaultValue={c?.annualCostUsd ?? ''} style={{ width: '8rem' }} />
									<select name={`evidence_${f}`} aria-label={`${FUNCTION_LABELS[f]}: evidence`} defaultValue={c?.evidence ?? 'estimate'}>
										<option value="estimate">estimate</option>
										<option value="sourced">sourced</option>
									</select>
								</div>
								{message(`cost_${f}`)}
							</div>
						)
					})}
				</div>
				<h2>Hiring and privacy</h2>
				<div className="form-grid">
					<div className="field">
						<label htmlFor="d-hiringLeadTimeMonths">Hiring lead time (months)</label>
						<input {...field('hiringLeadTimeMonths')} inputMode="numeric" defaultValue={d.hiringLeadTimeMonths} />
						{message('hiringLeadTimeMonths')}
					</div>
					<div className="field">
						<label htmlFor="d-asOf">Figures as of</label>
						<input {...field('asOf')} defaultValue={d.asOf} />
						{message('asOf')}
					</div>
				</div>
				{(['privacyLaw', 'privacyCrossBorder', 'source'] as const).map(name => (
					<div className="field" key={name}>
						<label htmlFor={`d-${name}`}>{{ privacyLaw: 'Privacy law', privacyCrossBorder: 'Its cross-border rules', source: 'Source of these figures' }[name]}</label>
						<textarea {...field(name)} rows={3} defaultValue={d[name]} />
						{message(name)}
					</div>
				))}
				<button className="primary" type="submit">
					Save destination
				</button>
			</Form>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.destination.city ?? 'Destination'} · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
