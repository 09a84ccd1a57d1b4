import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmDelete } from '#app/components/confirm-delete.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { deleteDestination, saveDestination } from '#app/services/destinations.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { answerFailure } from '#app/utils/service-response.server.ts'
import { findDestinationById } from '#db/repositories/destinations.ts'
import { COST_EVIDENCE, type Destination, STAFF_FUNCTIONS } from '#models/domain.ts'
import { formValues } from '#models/form-errors.ts'

const FUNCTION_LABELS = {
	back_office: 'Back office',
	rnd: 'R&D',
	sales: 'Sales',
	operations: 'Operations',
	it: 'IT',
	management: 'Management',
} as const

/** A destination id, or 'new' for the create form. */
function requireDestinationId(raw: string | undefined): number | 'new' {
	if (raw === 'new') return 'new'
	if (!/^\d{1,9}$/.test(raw ?? '')) throw json({ message: `"${String(raw).slice(0, 40)}" is not a destination id.` }, { status: 400 })
	return Number(raw)
}

const EMPTY = {
	id: 0,
	city: '',
	country: '',
	isMainlandChina: false,
	privacyLaw: '',
	privacyCrossBorder: '',
	hiringLeadTimeMonths: 3,
	costs: [],
	source: '',
	asOf: '',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	const id = requireDestinationId(params.id)
	if (id === 'new') return json({ destination: EMPTY as Destination, isNew: true })
	const destination = await findDestinationById(getDb(), id)
	if (!destination) throw json({ message: `No destination with id ${id}.` }, { status: 404 })
	return json({ destination, isNew: false })
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const id = requireDestinationId(params.id)
	const form = await request.formData()
	const ctx = serviceContext(request)
	const result =
		form.get('intent') === 'delete' && id !== 'new'
			? await deleteDestination(getDb(), user, ctx, { id })
			: await saveDestination(getDb(), user, ctx, { id, values: formValues(form) })
	return result.ok ? redirect('/destinations') : answerFailure(result)
}

export default function EditDestinationRoute() {
	const { destination: d, isNew } = useLoaderData<typeof loader>()
	const errors = ((useActionData<typeof action>() as { errors?: Record<string, string[]> } | undefined)?.errors ?? {}) as Record<
		string,
		string[]
	>
	const field = (name: string) => ({
		id: `d-${name}`,
		name,
		'aria-invalid': errors[name] ? true : undefined,
		'aria-errormessage': errors[name] ? `d-${name}-error` : undefined,
	})
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
			<h1>{isNew ? 'New destination' : `${d.city} (${d.country})`}</h1>
			<Form method="post" className="card" noValidate>
				{Object.keys(errors).length ? (
					<p className="notice error" role="alert">
						{errors.form ? errors.form.join(' ') : 'Nothing was saved: fix the fields marked below.'}
					</p>
				) : null}
				{isNew ? (
					<div className="form-grid">
						<div className="field">
							<label htmlFor="d-city">City</label>
							<input {...field('city')} />
							{message('city')}
						</div>
						<div className="field">
							<label htmlFor="d-country">Country (two-letter ISO code)</label>
							<input {...field('country')} maxLength={2} />
							{message('country')}
						</div>
						<div className="field">
							<label htmlFor="d-isMainlandChina">In mainland China</label>
							<select {...field('isMainlandChina')} defaultValue="no">
								<option value="no">No: a move there is a cross-border transfer</option>
								<option value="yes">Yes</option>
							</select>
							{message('isMainlandChina')}
						</div>
					</div>
				) : null}
				<h2>Fully loaded cost per head, USD a year</h2>
				<p className="small muted">
					Leave a cost empty when it is not known. Mark each figure as sourced only when the source below supports it.
				</p>
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
						<label htmlFor={`d-${name}`}>
							{{ privacyLaw: 'Privacy law', privacyCrossBorder: 'Its cross-border rules', source: 'Source of these figures' }[name]}
						</label>
						<textarea {...field(name)} rows={3} defaultValue={d[name]} />
						{message(name)}
					</div>
				))}
				<button className="primary" type="submit" name="intent" value="save">
					{isNew ? 'Create destination' : 'Save destination'}
				</button>
			</Form>
			{isNew ? null : (
				<section className="card danger-zone" aria-labelledby="delete-h">
					<h2 id="delete-h">Delete</h2>
					<p>Removes {d.city} and its costs. Refused while a scenario moves people there.</p>
					<ConfirmDelete
						label={`Delete ${d.city}`}
						question={
							<>
								Delete {d.city} and its {d.costs.length} {d.costs.length === 1 ? 'cost' : 'costs'} by function? This cannot be undone.
							</>
						}
					/>
				</section>
			)}
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.isNew ? 'New destination' : (data?.destination.city ?? 'Destination')} · China Exposure` },
]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
