import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { loadRegister, registerCsv } from '#app/utils/obligations.server.ts'
import { parseRegisterQuery, queryRegister } from '#models/obligations/register.ts'

// GET /obligations.csv?<the register's filters>: the filtered register, every page, with each duty's source.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'overview:read')
	const query = parseRegisterQuery(new URL(request.url).searchParams)
	if (!query.ok) throw json({ errors: query.errors }, { status: 400 })
	const { asOf, rows } = await loadRegister(getDb())
	const picked = queryRegister(rows, query.value)
	return new Response(registerCsv(picked), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="obligations-${asOf}.csv"`,
			'Cache-Control': 'private, no-store',
			'X-Row-Count': String(picked.length),
		},
	})
}
