import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { destinationView } from '#app/utils/destinations.server.ts'
import { today } from '#app/utils/exposure.server.ts'
import { toCsv } from '#models/csv.ts'
import { DESTINATION_CSV_COLUMNS, destinationToFields } from '#models/destination-csv.ts'

// GET /destinations/export?<the page's own parameters>: the view as CSV, in the columns the importer reads.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:read')
	const { rows } = await destinationView(getDb(), request, true)
	return new Response(toCsv(DESTINATION_CSV_COLUMNS, rows.map(destinationToFields)), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="destinations-${today()}.csv"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
