import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { listDestinations } from '#db/repositories/destinations.ts'

// GET /api/destinations: relocation destinations with their cost per function and each figure's evidence.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:read')
	const data = await listDestinations(getDb())
	return json({ data, total: data.length }, { headers: { 'Cache-Control': 'private, no-store' } })
}
