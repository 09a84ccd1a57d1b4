import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from '@remix-run/node'
import { importCsv } from '#app/services/csv-import.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { listFlowMonthsWithCodes } from '#db/repositories/flow-months.ts'
import { CSV_LIMITS } from '#models/csv-import.ts'
import { flowMonthFilter } from '#models/obligations/flow-months.ts'

// GET /api/flow-months[?flow=CODE][&unit=CODE]: { data: [{ flowCode, unitCode, month, personalInfoIndividuals,
// sensitivePersonalInfoIndividuals }], total }.
// POST /api/flow-months with the CSV (flow_code, month, pi_individuals, sensitive_pi_individuals) as the form field
// "file" (multipart upload) or "csv" (text): every row is checked, then all are written (a recorded month replaced)
// or none; problems come back by line and column with status 400.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:read')
	const rows = await listFlowMonthsWithCodes(getDb(), flowMonthFilter(new URL(request.url).searchParams))
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
	if (request.method !== 'POST') throw json({ error: 'Use POST with the CSV as a form field.' }, { status: 405 })
	const form = await request.formData()
	const sent = form.get('file') ?? form.get('csv')
	if (sent === null) throw json({ error: 'Send the CSV as the form field "file" (an upload) or "csv" (text).' }, { status: 400 })
	const text = typeof sent === 'string' ? sent : await sent.text()
	if (text.length > CSV_LIMITS.maxBytes)
		throw json({ error: `The CSV is larger than ${CSV_LIMITS.maxBytes / 1024 / 1024} MB.` }, { status: 413 })
	const result = await importCsv(getDb(), user, serviceContext(request), {
		target: 'flow_months',
		intent: 'commit',
		fileName: typeof sent === 'string' ? 'api' : sent.name.slice(0, 200),
		source: { text: text.replace(/^\uFEFF/, '') },
	})
	if (!result.ok) return json({ error: result.message, errors: result.cellErrors ?? [] }, { status: statusOf(result.code) })
	const { inserts, updates, unchanged } = result.value
	return json({ inserted: inserts, updated: updates, unchanged })
}
