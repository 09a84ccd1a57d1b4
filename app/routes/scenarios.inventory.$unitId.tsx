import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { scoringKey } from '#app/utils/exposure.server.ts'
import { loadUnitInventory } from '#db/repositories/portfolio.ts'
import { findUnitArchiveState } from '#db/repositories/unit-archive.ts'

// GET /scenarios/inventory/:unitId: one unit's inventory (systems, flows, staffing lines) for the scenario editor,
// which ships only the units a scenario reads and fetches another when the analyst picks it. Only a role that edits
// scenarios gets it, as only an editor gets the inventory with the editor. `key` says which inventory version,
// model and date it belongs to, so the editor can tell when it no longer matches the page's.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'scenarios:write')
	const id = Number(params.unitId)
	if (!/^\d{1,12}$/.test(params.unitId ?? '') || id <= 0)
		return json({ error: `"${String(params.unitId).slice(0, 40)}" is not a business unit id.` }, { status: 400 })
	const db = getDb()
	const [unit, state, { key }] = await Promise.all([loadUnitInventory(db, id), findUnitArchiveState(db, id), scoringKey(db)])
	if (!unit || !state) return json({ error: `No business unit with id ${id}.` }, { status: 404 })
	// An archived unit is kept for the record, not planned with (decision 032): restore it first.
	if (state.archivedAt)
		return json({ error: `Business unit ${state.code} is archived: restore it before planning moves from it.` }, { status: 404 })
	return json({ unit, key }, { headers: { 'Cache-Control': 'private, no-store' } })
}
