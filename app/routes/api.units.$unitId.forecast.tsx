import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { loadUnitObligations } from '#app/utils/obligations.server.ts'

// GET /api/units/:unitId/forecast: { crossings: [{ threshold, mechanism, forecastOn, leadTimeDays, startBy }] } plus
// the year-to-date counts, the pace and its basis (the run rate, or the recorded monthly counts) and whether each crossing is already made or the work must start now.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'overview:read')
	const id = Number(params.unitId)
	if (!/^\d+$/.test(params.unitId ?? '') || !Number.isSafeInteger(id) || id <= 0)
		throw json(
			{ error: `"${String(params.unitId).slice(0, 40)}" is not a business unit id; use a positive whole number.` },
			{ status: 400 },
		)
	const found = await loadUnitObligations(getDb(), id)
	if (!found) throw json({ error: `No business unit with id ${id}.` }, { status: 404 })
	const f = found.forecast
	return json(
		{
			unit: { id: found.inv.unit.id, code: found.inv.unit.code },
			asOf: f.asOf,
			applicable: f.applicable,
			reason: f.reason,
			ytd: f.ytd,
			unknownFlows: f.unknownFlows,
			basis: f.basis,
			crossings: f.crossings.map(c => ({
				threshold: c.threshold,
				mechanism: c.mechanism,
				forecastOn: c.forecastOn,
				leadTimeDays: c.leadTimeDays,
				startBy: c.startBy,
				crossed: c.crossed,
				startNow: c.startNow,
				covered: c.covered,
			})),
			resetNote: f.resetNote,
		},
		{ headers: { 'Cache-Control': 'private, no-store' } },
	)
}
