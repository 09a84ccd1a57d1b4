import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { loadRegister } from '#app/utils/obligations.server.ts'
import { parseRegisterQuery, queryRegister } from '#models/obligations/register.ts'

// GET /api/obligations?within=N&unit=CODE&status=open: { data: [{ id, unitCode, law, article, duty, dueOn, status,
// source }], total }. `id` is the duty's stable key; `source` names the instrument, its address, as-of and whether
// it was verified against the primary text.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'overview:read')
	const query = parseRegisterQuery(new URL(request.url).searchParams)
	if (!query.ok) throw json({ error: 'Invalid query.', fieldErrors: query.errors }, { status: 400 })
	const { rows } = await loadRegister(getDb())
	const picked = queryRegister(rows, query.value)
	return json(
		{
			data: picked.map(r => ({
				id: r.key,
				unitCode: r.unitCode,
				law: r.law,
				article: r.article,
				duty: r.duty,
				dueOn: r.dueOn,
				status: r.status,
				source: { instrument: r.source.instrument, url: r.source.url, asOf: r.source.asOf, verified: r.source.verified },
			})),
			total: picked.length,
		},
		{ headers: { 'Cache-Control': 'private, no-store' } },
	)
}
