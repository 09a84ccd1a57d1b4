import { writeTransaction } from '#db/sql/transaction.ts'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { audit, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { countDestinationUses, deleteDestination, findDestinationByCity, findDestinationById, insertDestination, replaceDestinationCosts, updateDestination } from '#db/repositories/destinations.ts'
import { COST_EVIDENCE, type Destination, STAFF_FUNCTIONS } from '#models/domain.ts'

const FUNCTION_LABELS = { back_office: 'Back office', rnd: 'R&D', sales: 'Sales', operations: 'Operations', it: 'IT', management: 'Management' } as const

/** A destination id, or 'new' for the create form. */
function requireDestinationId(raw: string | undefined): number | 'new' {
	if (raw === 'new') return 'new'
	if (!/^\d{1,9}$/.test(raw ?? '')) throw json({ message: `"${String(raw).slice(0, 40)}" is not a destination id.` }, { status: 400 })
	return Number(raw)
}

const EMPTY = { id: 0, city: '', country: '', isMainlandChina: false, privacyLaw: '', privacyCrossBorder: '', hiringLeadTimeMonths: 3, costs: [], source: '', asOf: '' }

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	const id = requireDestinationId(params.id)
	if (id === 'new') return json({ destination: EMPTY as Destination, isNew: true })
	const destination = await findDestinationById(getDb(), id)
	if (!destination) throw json({ message: `No destination with id ${id}.` }, { status: 404 })
	return json({ destination, isNew: false })
}

const cost = z.union([z.literal(''), z.coerce.number({ error: 'must be a number' }).int('must be whole US dollars').min(1_000, 'must be at least USD 1,000').max(2_000_000, 'must be at most USD 2,000,000')])
const Identity = z.object({
	city: z.string().trim().min(1, 'City is required').max(64, 'City must be at most 64 characters'),
	country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Country must be a two-letter ISO code, e.g. MY'),
	isMainlandChina: z.enum(['yes', 'no'], { error: 'Say whether the city is in mainland China' }),
})

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
	const before = id === 'new' ? null : await findDestinationById(db, id)
	if (id !== 'new' && !before) throw json({ message: `No destination with id ${id}.` }, { status: 404 })
	const form = Object.fromEntries(await request.formData())
	if (form.intent === 'delete' && before) {
		const uses = await countDestinationUses(db, before.id)
		if (uses) return json({ errors: { form: [`${before.city} is the destination of ${uses} scenario move${uses === 1 ? '' : 's'}; change those moves first.`] } }, { status: 400 })
		await writeTransaction(db, async trx => {
			await deleteDestination(trx, before.id)
			await audit(trx, request, user, { action: 'delete', entity: 'destination', entityId: before.id, before })
		})
		return redirect('/destinations')
	}
	const parsed = (id === 'new' ? DestinationForm.and(Identity) : DestinationForm).safeParse(form)
	if (!parsed.success) {
		const errors: Record<string, string[]> = {}
		for (const i of parsed.error.issues) (errors[String(i.path[0])] ??= []).push(i.message)
		return json({ errors }, { status: 400 })
	}
	const v = parsed.data as Record<string, unknown> & { hiringLeadTimeMonths: number; privacyLaw: string; privacyCrossBorder: string; source: string; asOf: string }
	const costs = STAFF_FUNCTIONS.filter(f => v[`cost_${f}`] !== '').map(f => ({ function: f, annualCostUsd: v[`cost_${f}`] as number, evidence: v[`evidence_${f}`] as 'sourced' | 'estimate' }))
	const after = { hiringLeadTimeMonths: v.hiringLeadTimeMonths, privacyLaw: v.privacyLaw, privacyCrossBorder: v.privacyCrossBorder, source: v.source, asOf: v.asOf, costs }
	if (id === 'new') {
		const identity = parsed.data as unknown as z.output<typeof Identity>
		if (await findDestinationByCity(db, identity.city)) return json({ errors: { city: [`${identity.city} is already a destination.`] } }, { status: 400 })
		const created = { ...after, city: identity.city, country: identity.country, isMainlandChina: identity.isMainlandChina === 'yes' }
		await writeTransaction(db, async trx => {
			const newId = await insertDestination(trx, created)
			await audit(trx, request, user, { action: 'create', entity: 'destination', entityId: newId, after: created })
		})
		return redirect('/destinations')
	}
	await writeTransaction(db, async trx => {
		await updateDestination(trx, id, after)
		await replaceDestinationCosts(trx, id, costs)
		await audit(trx, request, user, { action: 'update', entity: 'destination', entityId: id, before, after })
	})
	return redirect('/destinations')
}

export default function EditDestinationRoute() {
	const { destination: d, isNew } = useLoaderData<typeof loader>()
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
				<button className="primary" type="submit" name="intent" value="save">
					{isNew ? 'Create destination' : 'Save destination'}
				</button>
			</Form>
			{isNew ? null : (
				<Form method="post" className="card danger-zone">
					<h2>Delete</h2>
					<p>Removes {d.city} and its costs. Refused while a scenario moves people there.</p>
					<button type="submit" name="intent" value="delete" className="danger">
						Delete {d.city}
					</button>
				</Form>
			)}
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.isNew ? 'New destination' : (data?.destination.city ?? 'Destination')} · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
