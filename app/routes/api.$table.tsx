import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { listInventoryPage } from '#app/utils/inventory.server.ts'
import { isInventoryTable } from '#models/inventory-forms.ts'

// GET /api/units | /api/systems | /api/flows | /api/staffing, with the same sort, filter, search and
// paging parameters as the pages (e.g. ?city=Shanghai&sort=name.desc&page=2&size=100).
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:read')
	if (!isInventoryTable(params.table))
		throw json(
			{ error: `There is no API collection "${params.table}"; use units, systems, flows, staffing or destinations.` },
			{ status: 404 },
		)
	const page = await listInventoryPage(getDb(), params.table, request)
	return json(
		{ data: page.rows, total: page.total, page: page.page, pageSize: page.pageSize, sort: page.sort },
		{ headers: { 'Cache-Control': 'private, no-store' } },
	)
}
