import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { createColumnHelper } from '@tanstack/react-table'
import { DataTable } from '#app/components/data-table.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar } from '#app/components/filter-bar.tsx'
import { InventoryActions, editColumn } from '#app/components/inventory-actions.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { can } from '#models/permissions.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatInt, humanize } from '#app/utils/format.ts'
import { requireListQuery } from '#app/utils/list-query.server.ts'
import { type FlowWithUnit, listFlows } from '#db/repositories/flows.ts'
import { FLOW_LIST_SPEC } from '#models/inventory-specs.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'inventory:read')
	const query = requireListQuery(request, FLOW_LIST_SPEC)
	const { rows, total } = await listFlows(getDb(), query)
	return json({ rows, total, query, canWrite: can(user.role, 'inventory:write') })
}

const col = createColumnHelper<FlowWithUnit>()
const columns = [
	col.accessor('code', { id: 'code', header: 'Code', enableHiding: false }),
	col.accessor('name', { id: 'name', header: 'Flow', enableHiding: false }),
	col.accessor('unitName', { id: 'unit', header: 'Unit', cell: i => <Link to={`/units/${i.row.original.unitId}`}>{i.getValue()}</Link> }),
	col.accessor('destinationCountry', { id: 'destinationCountry', header: 'To', cell: i => `${i.getValue()} · ${i.row.original.destinationEntity}` }),
	col.accessor('personalInfoIndividuals', { id: 'personalInfoIndividuals', header: 'Individuals (PI)', meta: { numeric: true }, cell: i => (i.getValue() == null ? 'Unknown' : formatInt(i.getValue())) }),
	col.accessor('sensitivePersonalInfoIndividuals', { id: 'sensitivePersonalInfoIndividuals', header: 'Individuals (sensitive)', meta: { numeric: true }, cell: i => (i.getValue() == null ? 'Unknown' : formatInt(i.getValue())) }),
	col.accessor('purpose', { header: 'Purpose', enableSorting: false, cell: i => humanize(i.getValue()) }),
	col.accessor('isRemoteAccess', { header: 'Remote access', enableSorting: false, cell: i => (i.getValue() ? 'Yes' : 'No') }),
	col.accessor('mechanismInPlace', { id: 'mechanismInPlace', header: 'Mechanism in place', cell: i => humanize(i.getValue()) }),
	col.accessor('mechanismExpiresOn', { id: 'mechanismExpiresOn', header: 'Expires', cell: i => formatDate(i.getValue()) }),
]
const WRITER_COLUMNS = [...columns, editColumn('flows')]

export default function FlowsRoute() {
	const { rows, total, query, canWrite } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Cross-border data flows</h1>
					<p>Data leaving mainland China, including remote access from abroad, with the mechanism in place.</p>
				</div>
				<InventoryActions table="flows" canWrite={canWrite} />
			</div>
			<FilterBar
				filters={[
					{ name: 'unit', label: 'Unit code' },
					{ name: 'country', label: 'Destination country' },
					{ name: 'mechanism', label: 'Mechanism in place', options: FLOW_LIST_SPEC.filters.mechanism },
					{ name: 'purpose', label: 'Purpose', options: FLOW_LIST_SPEC.filters.purpose },
					{ name: 'remote', label: 'Remote access', options: FLOW_LIST_SPEC.filters.remote },
				]}
			/>
			<DataTable
				caption="Cross-border data flows"
				columns={canWrite ? WRITER_COLUMNS : columns}
				data={rows}
				total={total}
				query={query}
				getRowId={r => String(r.id)}
				emptyMessage="No data flows match these filters."
			/>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Data flows · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
