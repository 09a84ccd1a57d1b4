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
import { formatDate, humanize } from '#app/utils/format.ts'
import { requireListQuery } from '#app/utils/list-query.server.ts'
import { listSystemsWithStatus } from '#app/utils/inventory.server.ts'
import { type SystemWithUnit } from '#db/repositories/systems.ts'
import { SYSTEM_LIST_SPEC } from '#models/inventory-specs.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'inventory:read')
	const query = requireListQuery(request, SYSTEM_LIST_SPEC)
	const { rows, total } = await listSystemsWithStatus(getDb(), query)
	return json({ rows, total, query, canWrite: can(user.role, 'inventory:write') })
}

type SystemRow = SystemWithUnit & { mlpsOverdue: boolean }
const col = createColumnHelper<SystemRow>()
const columns = [
	col.accessor('code', { id: 'code', header: 'Code', enableHiding: false }),
	col.accessor('name', { id: 'name', header: 'System', enableHiding: false }),
	col.accessor('unitName', { id: 'unit', header: 'Unit', cell: i => <Link to={`/units/${i.row.original.unitId}`}>{i.getValue()}</Link> }),
	col.accessor('mlpsLevel', { id: 'mlpsLevel', header: 'MLPS level', meta: { numeric: true }, cell: i => i.getValue() ?? 'Ungraded' }),
	col.accessor('filedOn', { id: 'filedOn', header: 'Filed with PSB', cell: i => (i.getValue() ? formatDate(i.getValue()) : 'Not filed') }),
	col.accessor('lastAssessedOn', { id: 'lastAssessedOn', header: 'Last assessed', cell: i => formatDate(i.getValue()) }),
	col.accessor('mlpsOverdue', {
		id: 'overdue',
		header: 'MLPS status',
		enableSorting: false,
		cell: i => (i.getValue() ? <span className="status-gap">✗ Overdue</span> : <span className="status-ok">✓ Not overdue</span>),
	}),
	col.accessor('technologies', { header: 'Technologies', enableSorting: false, cell: i => i.getValue().map(humanize).join(', ') || '—' }),
	col.accessor('holdsPersonalData', { header: 'Personal data', enableSorting: false, cell: i => (i.getValue() ? 'Yes' : 'No') }),
	col.accessor('holdsImportantData', { header: 'Important data', enableSorting: false, cell: i => (i.getValue() ? 'Yes' : 'No') }),
	col.accessor('holdsSourceCode', { header: 'Source code', enableSorting: false, cell: i => (i.getValue() ? 'Yes' : 'No') }),
]
const WRITER_COLUMNS = [...columns, editColumn('systems')]

export default function SystemsRoute() {
	const { rows, total, query, canWrite } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Information systems</h1>
					<p>
						Systems run in China, their MLPS grading, PSB filing and assessment state, and whether a filing or assessment is overdue today.
					</p>
				</div>
				<InventoryActions table="systems" canWrite={canWrite} />
			</div>
			<FilterBar
				filters={[
					{ name: 'unit', label: 'Unit code' },
					{ name: 'level', label: 'MLPS level', options: SYSTEM_LIST_SPEC.filters.level },
					{ name: 'filed', label: 'Filed', options: SYSTEM_LIST_SPEC.filters.filed },
					{
						name: 'overdue',
						label: 'MLPS filing or assessment',
						options: SYSTEM_LIST_SPEC.filters.overdue,
						optionLabel: v => (v === 'yes' ? 'Overdue' : 'Not overdue'),
					},
				]}
			/>
			<DataTable
				caption="Information systems"
				columns={canWrite ? WRITER_COLUMNS : columns}
				data={rows}
				total={total}
				query={query}
				getRowId={r => String(r.id)}
				emptyMessage="No systems match these filters."
			/>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Systems · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
