import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getScoredUnit } from '#app/utils/exposure.server.ts'

// GET /api/units/:unitId/exposure: each dimension's likelihood, impact, score, band and findings
// (rule, inputs, article, remedy), scored today under the active model version.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'overview:read')
	const id = Number(params.unitId)
	if (!/^\d+$/.test(params.unitId ?? '') || !Number.isSafeInteger(id) || id <= 0)
		throw json(
			{ error: `"${String(params.unitId).slice(0, 40)}" is not a business unit id; use a positive whole number.` },
			{ status: 400 },
		)
	const scored = await getScoredUnit(getDb(), id)
	if (!scored) throw json({ error: `No business unit with id ${id}.` }, { status: 404 })
	return json(
		{
			unit: { id: scored.inv.unit.id, code: scored.inv.unit.code, name: scored.inv.unit.name },
			asOf: scored.asOf,
			model: scored.model.label,
			exposure: scored.exposure,
		},
		{ headers: { 'Cache-Control': 'private, no-store' } },
	)
}
