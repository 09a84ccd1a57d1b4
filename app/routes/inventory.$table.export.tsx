import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { today } from '#app/utils/exposure.server.ts'
import { exportInventoryCsv, requireInventoryTable } from '#app/utils/inventory.server.ts'

// GET /inventory/:table/export?<the table view's own parameters>: the view as CSV, every page of it,
// in the columns the importer reads, so an export re-imports unchanged.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:read')
	const table = requireInventoryTable(params.table)
	const { csv, rows } = await exportInventoryCsv(getDb(), table, request)
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${table}-${today()}.csv"`,
			'Cache-Control': 'private, no-store',
			'X-Row-Count': String(rows),
		},
	})
}
