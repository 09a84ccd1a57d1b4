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
import { formatInt, formatRmb, humanize } from '#app/utils/format.ts'
import { requireListQuery } from '#app/utils/list-query.server.ts'
import { listStaffing, type StaffingWithUnit } from '#db/repositories/staffing.ts'
import { STAFFING_LIST_SPEC } from '#models/inventory-specs.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'inventory:read')
	const query = requireListQuery(request, STAFFING_LIST_SPEC)
	const { rows, total } = await listStaffing(getDb(), query)
	return json({ rows, total, query, canWrite: can(user.role, 'inventory:write') })
}

const col = createColumnHelper<StaffingWithUnit>()
const columns = [
	col.accessor('code', { id: 'code', header: 'Code', enableHiding: false }),
	col.accessor('unitName', { id: 'unit', header: 'Unit', cell: i => <Link to={`/units/${i.row.original.unitId}`}>{i.getValue()}</Link> }),
	col.accessor('function', { id: 'function', header: 'Function', cell: i => humanize(i.getValue()) }),
	col.accessor('city', { id: 'city', header: 'City' }),
	col.accessor('headcount', { id: 'headcount', header: 'Headcount', meta: { numeric: true }, cell: i => formatInt(i.getValue()) }),
	col.accessor('avgMonthlyWageRmb', {
		id: 'avgMonthlyWageRmb',
		header: 'Avg monthly wage',
		meta: { numeric: true },
		cell: i => formatRmb(i.getValue()),
	}),
	col.accessor('avgTenureMonths', {
		id: 'avgTenureMonths',
		header: 'Avg tenure',
		meta: { numeric: true },
		cell: i => `${(i.getValue() / 12).toFixed(1)} yrs`,
	}),
	col.accessor('accessToPersonalData', { header: 'PI access', enableSorting: false, cell: i => (i.getValue() ? 'Yes' : 'No') }),
]
const WRITER_COLUMNS = [...columns, editColumn('staffing')]

export default function StaffingRoute() {
	const { rows, total, query, canWrite } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Staffing</h1>
					<p>People by function, unit and city, with wages and tenure (the inputs to severance).</p>
				</div>
				<InventoryActions table="staffing" canWrite={canWrite} />
			</div>
			<FilterBar
				filters={[
					{ name: 'unit', label: 'Unit code' },
					{ name: 'function', label: 'Function', options: STAFFING_LIST_SPEC.filters.function },
					{ name: 'city', label: 'City', options: STAFFING_LIST_SPEC.filters.city, optionLabel: v => v },
				]}
			/>
			<DataTable
				caption="Staffing lines"
				columns={canWrite ? WRITER_COLUMNS : columns}
				data={rows}
				total={total}
				query={query}
				getRowId={r => String(r.id)}
				emptyMessage="No staffing lines match these filters."
			/>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Staffing · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
