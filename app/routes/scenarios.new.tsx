import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { createScenario } from '#app/services/scenarios.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'

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
	const created = await createScenario(getDb(), user, serviceContext(request), parsed.data)
	if (!created.ok) return json({ errors: { name: [created.message] } }, { status: statusOf(created.code) })
	return redirect(`/scenarios/${created.value.id}`)
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
