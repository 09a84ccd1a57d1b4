import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { scoringKey } from '#app/utils/exposure.server.ts'
import { loadUnitInventory } from '#db/repositories/portfolio.ts'

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
	const [unit, { key }] = await Promise.all([loadUnitInventory(db, id), scoringKey(db)])
	if (!unit) return json({ error: `No business unit with id ${id}.` }, { status: 404 })
	return json({ unit, key }, { headers: { 'Cache-Control': 'private, no-store' } })
}
