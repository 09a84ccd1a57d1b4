import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InventoryForm } from '#app/components/inventory-form.tsx'
import { saveInventoryRecord } from '#app/services/inventory.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requireInventoryTable, unitOptions } from '#app/utils/inventory.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { answerFailure } from '#app/utils/service-response.server.ts'
import { formValues } from '#models/form-errors.ts'
import { INVENTORY_META } from '#models/inventory-forms.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	return json({ table, units: table === 'units' ? [] : await unitOptions(getDb()) })
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	const values = formValues(await request.formData())
	const saved = await saveInventoryRecord(getDb(), user, serviceContext(request), { table, values })
	if (!saved.ok) return answerFailure(saved, { values })
	const { id, record } = saved.value
	return redirect(table === 'units' ? `/units/${id}` : `${INVENTORY_META[table].listPath}?q=${encodeURIComponent(record.code)}`)
}

export default function NewInventoryRoute() {
	const { table, units } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const meta = INVENTORY_META[table]
	return (
		<>
			<p className="no-print small">
				<Link to={meta.listPath}>← {meta.title}</Link>
			</p>
			<div className="page-head">
				<h1>New {meta.singular}</h1>
			</div>
			<InventoryForm
				fields={meta.fields}
				values={actionData?.values ?? {}}
				errors={actionData?.errors ?? {}}
				units={units}
				submitLabel={`Create ${meta.singular}`}
			/>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `New ${data ? INVENTORY_META[data.table].singular : 'record'} · China Exposure` },
]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
