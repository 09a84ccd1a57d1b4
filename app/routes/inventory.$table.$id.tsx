import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmDelete } from '#app/components/confirm-delete.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InventoryForm } from '#app/components/inventory-form.tsx'
import { deleteInventoryRow, saveInventoryRecord } from '#app/services/inventory.server.ts'
import { setBusinessUnitArchived, unitHistory } from '#app/services/unit-archive.server.ts'
import { findUnitArchiveState } from '#db/repositories/unit-archive.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatInt } from '#app/utils/format.ts'
import { requireInventoryTable, unitOptions } from '#app/utils/inventory.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { answerFailure } from '#app/utils/service-response.server.ts'
import { type DeletionImpact, inventoryDeletionImpact } from '#db/repositories/deletion-impact.ts'
import { listInventoryWithUnitCodes } from '#db/repositories/inventory.ts'
import { formValues } from '#models/form-errors.ts'
import { inventoryFields } from '#models/inventory-schemas.ts'
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
	return json({
		table,
		id,
		values: inventoryFields(table, record, found.unitCode),
		units: table === 'units' ? [] : await unitOptions(db),
		impact: await inventoryDeletionImpact(db, table, id),
		archive: table === 'units' ? await unitArchive(db, id) : null,
	})
}

/** A unit's archive state and the history that makes it archived rather than deleted (decision 032). */
async function unitArchive(db: ReturnType<typeof getDb>, id: number) {
	const [state, { archiveOnly, words }] = await Promise.all([findUnitArchiveState(db, id), unitHistory(db, id)])
	return { archivedAt: state?.archivedAt ?? null, archiveOnly, history: words }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	const id = requireId(params.id)
	const form = await request.formData()
	const intent = form.get('intent')
	const ctx = serviceContext(request)
	if (intent === 'delete') {
		const deleted = await deleteInventoryRow(getDb(), user, ctx, { table, id })
		return deleted.ok ? redirect(INVENTORY_META[table].listPath) : answerFailure(deleted, { values: {} })
	}
	if (table === 'units' && (intent === 'archive' || intent === 'restore')) {
		const done = await setBusinessUnitArchived(getDb(), user, ctx, { id, archived: intent === 'archive' })
		return done.ok ? redirect(intent === 'archive' ? '/units/archived' : `/units/${id}`) : answerFailure(done, { values: {} })
	}
	if (intent !== 'save')
		return json({ errors: { form: [`Unknown action "${String(intent).slice(0, 40)}".`] }, values: {} }, { status: 400 })
	const values = formValues(form)
	const saved = await saveInventoryRecord(getDb(), user, ctx, { table, id, values })
	if (!saved.ok) return answerFailure(saved, { values })
	return redirect(table === 'units' ? `/units/${id}` : `${INVENTORY_META[table].listPath}?q=${encodeURIComponent(saved.value.record.code)}`)
}

export default function EditInventoryRoute() {
	const { table, id, values, units, impact, archive } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const meta = INVENTORY_META[table]
	const goesWith = describeImpact(impact)
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
			{archive?.archivedAt ? (
				<section className="card danger-zone" aria-labelledby="delete-h">
					<h2 id="delete-h">Archived</h2>
					<p>
						{values.code} was archived on {archive.archivedAt} UTC: it is hidden from the lists, the scoring and the overview, and kept for
						the record. Restoring it brings it back{goesWith ? `, with ${goesWith}` : ''}.
					</p>
					<Form method="post" action={`/inventory/units/${id}`}>
						<button type="submit" name="intent" value="restore">
							Restore business unit
						</button>
					</Form>
				</section>
			) : archive?.archiveOnly ? (
				<section className="card danger-zone" aria-labelledby="delete-h">
					<h2 id="delete-h">Archive</h2>
					<p>
						{values.code} has history ({archive.history}), so it is archived, not deleted: it leaves the lists, the scoring and the overview
						{goesWith ? `, with ${goesWith}` : ''}, and is kept for the record. Archived units are listed under{' '}
						<Link to="/units/archived">Archived units</Link>, where they can be restored.
					</p>
					<ConfirmDelete
						label="Archive business unit"
						intent="archive"
						confirmLabel="Yes, archive"
						question={
							<>
								Archive business unit {values.code}
								{goesWith ? ` and ${goesWith}` : ''}? It can be restored.
							</>
						}
					/>
				</section>
			) : (
				<section className="card danger-zone" aria-labelledby="delete-h">
					<h2 id="delete-h">Delete</h2>
					<p>
						Deleting {values.code} removes it from the inventory{goesWith ? `, with ${goesWith}` : ''}. Frozen snapshots and frozen scenario
						decisions keep their copy.
					</p>
					<ConfirmDelete
						label={`Delete ${meta.singular}`}
						question={
							<>
								Delete {meta.singular} {values.code}
								{goesWith ? ` and ${goesWith}` : ''}? This cannot be undone.
							</>
						}
					/>
				</section>
			)}
		</>
	)
}

const count = (n: number, one: string, many = `${one}s`) => `${formatInt(n)} ${n === 1 ? one : many}`

/** What goes with a deletion, in words: "its 2 systems, 3 flows and 4 staffing lines (150 people); 2 moves of the scenarios …". */
function describeImpact(i: DeletionImpact) {
	const parts: string[] = []
	if (i.systems || i.flows || i.staffingLines)
		parts.push(
			`its ${[count(i.systems, 'system'), count(i.flows, 'flow'), count(i.staffingLines, 'staffing line')].join(', ')} (${count(i.people, 'person', 'people')})`,
		)
	if (i.scenarioMoves) parts.push(`${count(i.scenarioMoves, 'move')} of the scenarios ${i.scenarios.map(n => `“${n}”`).join(', ')}`)
	return parts.join('; and ')
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `Edit ${data ? `${INVENTORY_META[data.table].singular} ${data.values.code}` : 'record'} · China Exposure` },
]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
