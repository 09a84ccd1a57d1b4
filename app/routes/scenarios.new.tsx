import { writeTransaction } from '#db/sql/transaction.ts'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { audit, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { insertScenario, listScenarios } from '#db/repositories/scenarios.ts'
import { DEFAULT_SCENARIO_ASSUMPTIONS } from '#models/scenario-form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'scenarios:write')
	return json({})
}

const NewScenario = z.object({
	name: z.string().trim().min(1, 'Give the scenario a name').max(200, 'At most 200 characters'),
	description: z.string().trim().max(4000, 'At most 4,000 characters').default(''),
})

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'scenarios:write')
	const parsed = NewScenario.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return json({ errors: z.flattenError(parsed.error).fieldErrors }, { status: 400 })
	const db = getDb()
	// Start from the house assumptions of the latest scenario, so FX and rates stay consistent across drafts.
	const latest = (await listScenarios(db))[0]
	const assumptions = latest?.assumptions ?? DEFAULT_SCENARIO_ASSUMPTIONS
	const id = await writeTransaction(db, async trx => {
		const id = await insertScenario(trx, { ...parsed.data, status: 'draft', assumptions, moves: [], createdBy: user.id })
		await audit(trx, request, user, { action: 'create', entity: 'scenario', entityId: id, after: { ...parsed.data, assumptions } })
		return id
	})
	return redirect(`/scenarios/${id}`)
}

export default function NewScenarioRoute() {
	const data = useActionData<typeof action>()
	const errors = (data?.errors ?? {}) as Record<string, string[] | undefined>
	return (
		<>
			<p className="no-print small">
				<Link to="/scenarios">← Scenarios</Link>
			</p>
			<h1>New scenario</h1>
			<Form method="post" className="card" noValidate>
				<div className="field">
					<label htmlFor="n-name">Name</label>
					<input
						id="n-name"
						name="name"
						aria-invalid={errors.name ? true : undefined}
						aria-errormessage={errors.name ? 'n-name-error' : undefined}
					/>
					{errors.name ? (
						<p className="field-error" id="n-name-error">
							{errors.name.join(' ')}
						</p>
					) : null}
				</div>
				<div className="field">
					<label htmlFor="n-description">What it is for</label>
					<textarea id="n-description" name="description" rows={3} />
				</div>
				<button className="primary" type="submit">
					Create and add moves
				</button>
			</Form>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'New scenario · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
