import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from '@remix-run/node'
import { importCsv } from '#app/services/csv-import.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { listFlowMonthsWithCodes } from '#db/repositories/flow-months.ts'
import { CSV_LIMITS } from '#models/csv-import.ts'

// GET /api/flow-months[?flow=CODE]: { data: [{ flowCode, unitCode, month, personalInfoIndividuals,
// sensitivePersonalInfoIndividuals }], total }.
// POST /api/flow-months with a text/csv body (flow_code, month, pi_individuals, sensitive_pi_individuals): every row
// is checked, then all are written (a recorded month replaced) or none; problems come back by line and column.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:read')
	const flow = new URL(request.url).searchParams.get('flow')?.trim().slice(0, 64) || undefined
	const rows = await listFlowMonthsWithCodes(getDb(), flow)
	return json(
		{
			data: rows.map(r => ({
				flowCode: r.flowCode,
				unitCode: r.unitCode,
				month: r.month,
				personalInfoIndividuals: r.personalInfoIndividuals,
				sensitivePersonalInfoIndividuals: r.sensitivePersonalInfoIndividuals,
			})),
			total: rows.length,
		},
		{ headers: { 'Cache-Control': 'private, no-store' } },
	)
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	if (request.method !== 'POST') throw json({ error: 'Use POST with a text/csv body.' }, { status: 405 })
	if (!request.headers.get('Content-Type')?.startsWith('text/csv'))
		throw json({ error: 'Send the counts as CSV with Content-Type: text/csv.' }, { status: 415 })
	const text = await request.text()
	if (text.length > CSV_LIMITS.maxBytes)
		throw json({ error: `The body is larger than ${CSV_LIMITS.maxBytes / 1024 / 1024} MB.` }, { status: 413 })
	const result = await importCsv(getDb(), user, serviceContext(request), {
		target: 'flow_months',
		intent: 'commit',
		fileName: 'api',
		source: { text: text.replace(/^\uFEFF/, '') },
	})
	if (!result.ok) return json({ error: result.message, errors: result.cellErrors ?? [] }, { status: statusOf(result.code) })
	const { inserts, updates, unchanged } = result.value
	return json({ inserted: inserts, updated: updates, unchanged })
}
