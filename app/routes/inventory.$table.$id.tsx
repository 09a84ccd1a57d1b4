import { writeTransaction } from '#db/sql/transaction.ts'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InventoryForm } from '#app/components/inventory-form.tsx'
import { audit, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseInventoryForm, recordToFields, requireInventoryTable, unitOptions } from '#app/utils/inventory.server.ts'
import {
	deleteInventoryRecord,
	findInventoryRecord,
	inventoryEntity,
	isCodeTaken,
	listInventoryWithUnitCodes,
	updateInventoryRecord,
} from '#db/repositories/inventory.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { INVENTORY_META } from '#models/inventory-forms.ts'

function requireId(raw: string | undefined) {
	const id = Number(raw)
	if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: `"${raw}" is not a record id.` }, { status: 400 })
	return id
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	const id = requireId(params.id)
	const db = getDb()
	const [found] = await listInventoryWithUnitCodes(db, table, [id])
	if (!found) throw json({ message: `No ${INVENTORY_META[table].singular} with id ${id}.` }, { status: 404 })
	const { id: _id, ...record } = found.record
	return json({ table, id, values: recordToFields(table, record, found.unitCode), units: table === 'units' ? [] : await unitOptions(db) })
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	const id = requireId(params.id)
	const db = getDb()
	const form = await request.formData()
	const intent = form.get('intent')
	const meta = INVENTORY_META[table]
	const before = await findInventoryRecord(db, table, id)
	if (!before) throw json({ message: `No ${meta.singular} with id ${id}.` }, { status: 404 })

	if (intent === 'delete') {
		await writeTransaction(db, async trx => {
			await deleteInventoryRecord(trx, table, id)
			await audit(trx, request, user, { action: 'delete', entity: inventoryEntity(table), entityId: id, before })
		})
		return redirect(meta.listPath)
	}
	if (intent !== 'save') return json({ errors: { form: [`Unknown action "${String(intent)}".`] }, values: {} }, { status: 400 })

	const parsed = await parseInventoryForm(db, table, form)
	if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const taken = { errors: { code: [`Code "${parsed.record.code}" is already used by another ${meta.singular}.`] }, values: parsed.values }
	if (await isCodeTaken(db, table, parsed.record.code, id)) return json(taken, { status: 400 })
	try {
		await writeTransaction(db, async trx => {
			await updateInventoryRecord(trx, table, id, parsed.record)
			await audit(trx, request, user, { action: 'update', entity: inventoryEntity(table), entityId: id, before, after: parsed.record })
		})
	} catch (error) {
		if (isUniqueViolation(error)) return json(taken, { status: 400 })
		throw error
	}
	return redirect(table === 'units' ? `/units/${id}` : `${meta.listPath}?q=${encodeURIComponent(parsed.record.code)}`)
}

export default function EditInventoryRoute() {
	const { table, values, units } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const meta = INVENTORY_META[table]
	return (
		<>
			<p className="no-print small">
				<Link to={meta.listPath}>← {meta.title}</Link>
			</p>
			<div className="page-head">
				<h1>
					Edit {meta.singular} {values.code}
				</h1>
			</div>
			<InventoryForm
				fields={meta.fields}
				values={actionData?.values && Object.keys(actionData.values).length ? actionData.values : values}
				errors={actionData?.errors ?? {}}
				units={units}
				submitLabel="Save changes"
			/>
			<Form method="post" className="card danger-zone">
				<h2>Delete</h2>
				<p>
					Deleting {values.code} removes it from the inventory{table === 'units' ? ', with its systems, flows and staffing lines' : ''}. Frozen
					snapshots keep their copy.
				</p>
				<button type="submit" name="intent" value="delete" className="danger">
					Delete {meta.singular}
				</button>
			</Form>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `Edit ${data ? `${INVENTORY_META[data.table].singular} ${data.values.code}` : 'record'} · China Exposure` },
]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
