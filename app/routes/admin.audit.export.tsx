import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { today } from '#app/utils/exposure.server.ts'
import { listAuditEvents } from '#db/repositories/audit.ts'
import { parseAuditQuery } from '#models/audit-query.ts'
import { CSV_LIMITS } from '#models/csv-import.ts'
import { toCsv } from '#models/csv.ts'

// GET /admin/audit/export?<the audit page's filters>: the matching events as CSV (newest first).
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'audit:read')
	const parsed = parseAuditQuery(new URL(request.url).searchParams)
	if (!parsed.ok) throw json({ message: parsed.errors.join('; '), error: parsed.errors.join('; ') }, { status: 400 })
	const { rows } = await listAuditEvents(getDb(), { ...parsed.value, limit: CSV_LIMITS.maxRows, offset: 0 })
	const header = ['id', 'at_utc', 'actor_email', 'action', 'entity', 'entity_id', 'before', 'after', 'request_id']
	const csv = toCsv(
		header,
		rows.map(r => ({
			id: String(r.id),
			at_utc: r.at,
			actor_email: r.actorEmail,
			action: r.action,
			entity: r.entity,
			entity_id: r.entityId ?? '',
			before: r.before == null ? '' : JSON.stringify(r.before),
			after: r.after == null ? '' : JSON.stringify(r.after),
			request_id: r.requestId ?? '',
		})),
	)
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="audit-${today()}.csv"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
