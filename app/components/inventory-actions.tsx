import { Link, useSearchParams } from '@remix-run/react'
import { createColumnHelper } from '@tanstack/react-table'
import { type InventoryTableKey, INVENTORY_META } from '#models/inventory-forms.ts'

/** The buttons above an inventory table: export the view as shown; for writers, new and import. */
export function InventoryActions({ table, canWrite }: { table: InventoryTableKey; canWrite: boolean }) {
	const [params] = useSearchParams()
	const view = new URLSearchParams(params)
	view.delete('page')
	view.delete('size')
	const qs = view.toString()
	return (
		<div className="page-actions no-print">
			<a className="button" href={`/inventory/${table}/export${qs ? `?${qs}` : ''}`} download>
				Export CSV
			</a>
			{canWrite ? (
				<>
					<Link className="button" to={`/inventory/${table}/import`}>
						Import CSV
					</Link>
					<Link className="button primary" to={`/inventory/${table}/new`}>
						New {INVENTORY_META[table].singular}
					</Link>
				</>
			) : null}
		</div>
	)
}

/** A trailing "Edit" column for writers. */
export function editColumn<T extends { id: number; code: string } = any>(table: InventoryTableKey) {
	return createColumnHelper<T>().display({
		id: 'edit',
		header: () => <span className="sr-only">Actions</span>,
		enableHiding: false,
		cell: info => (
			<Link to={`/inventory/${table}/${info.row.original.id}`} aria-label={`Edit ${info.row.original.code}`}>
				Edit
			</Link>
		),
	})
}
