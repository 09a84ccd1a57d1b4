import { writeTransaction } from '#db/sql/transaction.ts'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InventoryForm } from '#app/components/inventory-form.tsx'
import { audit, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseInventoryForm, requireInventoryTable, unitOptions } from '#app/utils/inventory.server.ts'
import { insertInventoryRecord, inventoryEntity, isCodeTaken } from '#db/repositories/inventory.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { INVENTORY_META } from '#models/inventory-forms.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	return json({ table, units: table === 'units' ? [] : await unitOptions(getDb()) })
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	const db = getDb()
	const parsed = await parseInventoryForm(db, table, await request.formData())
	if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const { record, values } = parsed
	const taken = { errors: { code: [`Code "${record.code}" is already used by another ${INVENTORY_META[table].singular}.`] }, values }
	if (await isCodeTaken(db, table, record.code)) return json(taken, { status: 400 })
	let id: number
	try {
		id = await writeTransaction(db, async trx => {
			const id = await insertInventoryRecord(trx, table, record)
			await audit(trx, request, user, { action: 'create', entity: inventoryEntity(table), entityId: id, after: record })
			return id
		})
	} catch (error) {
		if (isUniqueViolation(error)) return json(taken, { status: 400 }) // a concurrent create took the code
		throw error
	}
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
			<InventoryForm fields={meta.fields} values={actionData?.values ?? {}} errors={actionData?.errors ?? {}} units={units} submitLabel={`Create ${meta.singular}`} />
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `New ${data ? INVENTORY_META[data.table].singular : 'record'} · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
