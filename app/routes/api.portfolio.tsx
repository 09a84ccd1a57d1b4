import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { portfolioSummary } from '#app/utils/exposure.server.ts'

// GET /api/portfolio: the overview's headline figures as of today: { asOf, modelVersion, units, peopleInChina,
// flowsLackingMechanism, systemsOverdue, penaltyCeilingRmb, penaltyCeilingByLaw: { PIPL, DSL, CSL },
// penaltyCeilingBasis, penaltyCeilingUnverified }, amounts in whole RMB. Readers of the overview (401 signed out,
// 403 without the permission, as the other API routes).
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'overview:read')
	return json(await portfolioSummary(getDb()), { headers: { 'Cache-Control': 'private, no-store' } })
}
