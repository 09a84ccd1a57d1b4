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
import { formatRmb, humanize } from '#app/utils/format.ts'
import { requireListQuery } from '#app/utils/list-query.server.ts'
import { listUnits } from '#db/repositories/units.ts'
import { type BusinessUnit } from '#models/domain.ts'
import { UNIT_LIST_SPEC } from '#models/inventory-specs.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'inventory:read')
	const query = requireListQuery(request, UNIT_LIST_SPEC)
	const { rows, total } = await listUnits(getDb(), query)
	return json({ rows, total, query, canWrite: can(user.role, 'inventory:write') })
}

const col = createColumnHelper<BusinessUnit>()
const columns = [
	col.accessor('code', { id: 'code', header: 'Code', enableHiding: false }),
	col.accessor('name', {
		id: 'name',
		header: 'Name',
		cell: info => <Link to={`/units/${info.row.original.id}`}>{info.getValue()}</Link>,
		enableHiding: false,
	}),
	col.accessor('segment', { id: 'segment', header: 'Segment', cell: i => humanize(i.getValue()) }),
	col.accessor('legalEntityType', { id: 'legalEntityType', header: 'Entity', cell: i => ENTITY_LABELS[i.getValue()] }),
	col.accessor('city', { id: 'city', header: 'City' }),
	col.accessor('sector', { id: 'sector', header: 'Sector', cell: i => humanize(i.getValue()) }),
	col.accessor('isCiio', { header: 'CIIO', enableSorting: false, cell: i => (i.getValue() ? 'Yes' : 'No') }),
	col.accessor('handlesConsumerData', { header: 'Consumer data', enableSorting: false, cell: i => (i.getValue() ? 'Yes' : 'No') }),
	col.accessor('chinaRevenueRmb', {
		id: 'chinaRevenueRmb',
		header: 'China revenue',
		meta: { numeric: true },
		cell: i => formatRmb(i.getValue()),
	}),
]
const WRITER_COLUMNS = [...columns, editColumn('units')]

const ENTITY_LABELS = { wfoe: 'WFOE', jv: 'Joint venture', rep_office: 'Rep office' } as const

export default function UnitsRoute() {
	const { rows, total, query, canWrite } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Business units</h1>
					<p>
						Every part of the group with a footprint in mainland China. <Link to="/units/archived">Archived units</Link> are listed apart.
					</p>
				</div>
				<InventoryActions table="units" canWrite={canWrite} />
			</div>
			<FilterBar
				filters={[
					{ name: 'segment', label: 'Segment', options: UNIT_LIST_SPEC.filters.segment },
					{ name: 'city', label: 'City', options: UNIT_LIST_SPEC.filters.city, optionLabel: v => v },
					{ name: 'sector', label: 'Sector', options: UNIT_LIST_SPEC.filters.sector },
					{ name: 'ciio', label: 'CIIO', options: UNIT_LIST_SPEC.filters.ciio },
				]}
			/>
			<DataTable
				caption="Business units"
				columns={canWrite ? WRITER_COLUMNS : columns}
				data={rows}
				total={total}
				query={query}
				getRowId={r => String(r.id)}
				emptyMessage="No business units match these filters."
			/>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Business units · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
