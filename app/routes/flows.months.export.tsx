import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { today } from '#app/utils/exposure.server.ts'
import { listFlowMonthsWithCodes } from '#db/repositories/flow-months.ts'
import { toCsv } from '#models/csv.ts'
import { FLOW_MONTH_CSV_COLUMNS, flowMonthFilter, flowMonthToFields } from '#models/obligations/flow-months.ts'

// GET /flows/months/export[?flow=CODE][&unit=CODE]: the monthly counts in the columns the importer reads (re-imports unchanged).
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:read')
	const rows = await listFlowMonthsWithCodes(getDb(), flowMonthFilter(new URL(request.url).searchParams))
	return new Response(
		toCsv(
			FLOW_MONTH_CSV_COLUMNS,
			rows.map(r => flowMonthToFields(r, r.flowCode)),
		),
		{
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': `attachment; filename="flow-months-${today()}.csv"`,
				'Cache-Control': 'private, no-store',
				'X-Row-Count': String(rows.length),
			},
		},
	)
}
