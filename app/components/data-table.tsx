import { Link, useNavigation, useSearchParams } from '@remix-run/react'
import { type ColumnDef, flexRender, getCoreRowModel, type SortingState, useReactTable, type VisibilityState } from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import { Pager } from './pager.tsx'
import { TableScroll } from './table-scroll.tsx'

/**
 * A server-driven table (TanStack v8, shadcn shape): sorting and paging live in the URL and the
 * loader does them in SQL (manualSorting, manualPagination); column visibility is local.
 * Columns must have an `id` equal to the URL's sort key when they are sortable.
 */
export function DataTable<T>({
	columns,
	data,
	total,
	query: { page, pageSize, sort, desc },
	caption,
	emptyMessage = 'Nothing matches these filters.',
	getRowId,
}: {
	columns: ColumnDef<T, any>[]
	data: T[]
	total: number
	/** The loader's parsed URL state (models/list-query.ts). */
	query: { page: number; pageSize: number; sort: string; desc: boolean }
	caption: string
	emptyMessage?: string
	getRowId?: (row: T) => string
}) {
	const [params] = useSearchParams()
	const navigation = useNavigation()
	const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({})
	const sorting: SortingState = useMemo(() => [{ id: sort, desc }], [sort, desc])
	const table = useReactTable({
		data,
		columns,
		getRowId,
		getCoreRowModel: getCoreRowModel(),
		manualSorting: true,
		manualPagination: true,
		enableSortingRemoval: false,
		rowCount: total,
		state: { sorting, columnVisibility },
		onColumnVisibilityChange: setColumnVisibility,
	})
	// Sort headers are links to the same view sorted by that column (back to page 1), so sorting works before the
	// page has hydrated and without JavaScript, as the heatmap's headers do.
	const sortHref = (id: string, direction: 'asc' | 'desc') => {
		const next = new URLSearchParams(params)
		next.set('sort', `${id}.${direction}`)
		next.delete('page')
		return `?${next}`
	}
	const loading =
		navigation.state === 'loading' && navigation.location.pathname === (typeof window === 'undefined' ? '' : window.location.pathname)
	return (
		<div>
			<details className="no-print column-picker">
				<summary>Columns</summary>
				<div className="column-picker-body">
					{table
						.getAllLeafColumns()
						.filter(c => c.getCanHide())
						.map(c => (
							<label key={c.id} className="checkbox">
								<input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />{' '}
								{typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id}
							</label>
						))}
				</div>
			</details>
			<TableScroll label={caption} busy={loading}>
				<table>
					<caption className="sr-only">{caption}</caption>
					<thead>
						{table.getHeaderGroups().map(hg => (
							<tr key={hg.id}>
								{hg.headers.map(h => {
									const sorted = h.column.getIsSorted()
									const numeric = (h.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric
									return (
										<th
											key={h.id}
											className={numeric ? 'num' : undefined}
											aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
										>
											{h.column.getCanSort() ? (
												<Link className="sort" to={sortHref(h.column.id, h.column.getNextSortingOrder() || 'asc')} preventScrollReset>
													{flexRender(h.column.columnDef.header, h.getContext())}
													<span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}</span>
												</Link>
											) : (
												flexRender(h.column.columnDef.header, h.getContext())
											)}
										</th>
									)
								})}
							</tr>
						))}
					</thead>
					<tbody>
						{table.getRowModel().rows.length ? (
							table.getRowModel().rows.map(row => (
								<tr key={row.id}>
									{row.getVisibleCells().map(cell => {
										const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric
										return (
											<td key={cell.id} className={numeric ? 'num' : undefined}>
												{flexRender(cell.column.columnDef.cell, cell.getContext())}
											</td>
										)
									})}
								</tr>
							))
						) : (
							<tr>
								<td colSpan={table.getVisibleLeafColumns().length} className="empty">
									{emptyMessage}
								</td>
							</tr>
						)}
					</tbody>
				</table>
			</TableScroll>
			<Pager page={page} pageSize={pageSize} total={total} />
		</div>
	)
}
