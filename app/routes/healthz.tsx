import { json } from '@remix-run/node'
import { sql } from 'kysely'
import { getDbContext } from '#app/utils/db.server.ts'

// Public: for load balancers and uptime checks. 200 when the database answers within 2 s, else 503.
export async function loader() {
	const { db, dialect } = getDbContext()
	try {
		await Promise.race([
			sql`select 1`.execute(db),
			new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2_000).unref()),
		])
		return json({ status: 'ok', database: dialect }, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		return json(
			{ status: 'unavailable', database: dialect, reason: (error as Error).message },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } },
		)
	}
}
