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
import { listFlowsWithStatus } from '#app/utils/inventory.server.ts'
import { MECHANISM_LABELS } from '#app/utils/labels.ts'
import { type FlowWithUnit } from '#db/repositories/flows.ts'
import { FLOW_LIST_SPEC } from '#models/inventory-specs.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'inventory:read')
	const query = requireListQuery(request, FLOW_LIST_SPEC)
	const { rows, total } = await listFlowsWithStatus(getDb(), query)
	return json({ rows, total, query, canWrite: can(user.role, 'inventory:write') })
}

type FlowRow = FlowWithUnit & { requiredMechanism: string | null; mechanismSatisfied: boolean | null }
const col = createColumnHelper<FlowRow>()
const columns = [
	col.accessor('code', { id: 'code', header: 'Code', enableHiding: false }),
	col.accessor('name', { id: 'name', header: 'Flow', enableHiding: false }),
	col.accessor('unitName', { id: 'unit', header: 'Unit', cell: i => <Link to={`/units/${i.row.original.unitId}`}>{i.getValue()}</Link> }),
	col.accessor('destinationCountry', {
		id: 'destinationCountry',
		header: 'To',
		cell: i => `${i.getValue()} · ${i.row.original.destinationEntity}`,
	}),
	col.accessor('personalInfoIndividuals', {
		id: 'personalInfoIndividuals',
		header: 'Individuals (PI)',
		meta: { numeric: true },
		cell: i => (i.getValue() == null ? 'Unknown' : formatInt(i.getValue())),
	}),
	col.accessor('sensitivePersonalInfoIndividuals', {
		id: 'sensitivePersonalInfoIndividuals',
		header: 'Individuals (sensitive)',
		meta: { numeric: true },
		cell: i => (i.getValue() == null ? 'Unknown' : formatInt(i.getValue())),
	}),
	col.accessor('purpose', { header: 'Purpose', enableSorting: false, cell: i => humanize(i.getValue()) }),
	col.accessor('isRemoteAccess', { header: 'Remote access', enableSorting: false, cell: i => (i.getValue() ? 'Yes' : 'No') }),
	col.accessor('requiredMechanism', {
		id: 'requiredMechanism',
		header: 'Required mechanism',
		enableSorting: false,
		cell: i => (i.getValue() === null ? 'Not a transfer' : MECHANISM_LABELS[i.getValue()!]),
	}),
	col.accessor('mechanismInPlace', { id: 'mechanismInPlace', header: 'Mechanism in place', cell: i => humanize(i.getValue()) }),
	col.accessor('mechanismSatisfied', {
		id: 'status',
		header: 'Status',
		enableSorting: false,
		cell: i =>
			i.row.original.requiredMechanism === null ? (
				'–'
			) : i.getValue() ? (
				<span className="status-ok">✓ Met</span>
			) : (
				<span className="status-gap">✗ Lacking</span>
			),
	}),
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
					<p>
						Data leaving mainland China, including remote access from abroad: the mechanism each flow requires, counted per exporter (the
						unit's totals since 1 January over all its transfers that are not exempt), and the one in place.{' '}
						<Link to="/flows/months">Monthly counts per flow</Link> refine the threshold forecast.
					</p>
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
					{
						name: 'required',
						label: 'Required mechanism',
						options: FLOW_LIST_SPEC.filters.required,
						optionLabel: v => MECHANISM_LABELS[v] ?? v,
					},
					{
						name: 'status',
						label: 'Status',
						options: FLOW_LIST_SPEC.filters.status,
						optionLabel: v => (v === 'lacking' ? 'Lacking its required mechanism' : 'Mechanism met or not a transfer'),
					},
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
