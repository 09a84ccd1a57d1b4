import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar } from '#app/components/filter-bar.tsx'
import { Pager } from '#app/components/pager.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { listAuditEvents, listAuditVocabulary } from '#db/repositories/audit.ts'
import { AUDIT_PAGE_SIZE, parseAuditQuery } from '#models/audit-query.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'audit:read')
	const parsed = parseAuditQuery(new URL(request.url).searchParams)
	if (!parsed.ok) throw json({ message: parsed.errors.join('; '), error: parsed.errors.join('; ') }, { status: 400 })
	const q = parsed.value
	const db = getDb()
	const [page, vocabulary] = await Promise.all([
		listAuditEvents(db, { ...q, limit: AUDIT_PAGE_SIZE, offset: (q.page - 1) * AUDIT_PAGE_SIZE }),
		listAuditVocabulary(db),
	])
	return json({ ...page, page: q.page, vocabulary })
}

/** A change as "field: before → after" lines; whole objects for creates and deletes. */
function describe(before: unknown, after: unknown) {
	const b = (before ?? {}) as Record<string, unknown>
	const a = (after ?? {}) as Record<string, unknown>
	if (before && after) {
		const keys = Object.keys({ ...b, ...a }).filter(k => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
		return keys.map(k => `${k}: ${JSON.stringify(b[k]) ?? '—'} → ${JSON.stringify(a[k]) ?? '—'}`)
	}
	const only = after ?? before
	return only ? Object.entries(only as Record<string, unknown>).map(([k, v]) => `${k}: ${JSON.stringify(v)}`) : []
}

export default function AuditRoute() {
	const { rows, total, page, vocabulary } = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const exportParams = new URLSearchParams(params)
	exportParams.delete('page')
	return (
		<>
			<p className="no-print small">
				<Link to="/admin">← Administration</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>Audit log</h1>
					<p>Every write, sign-in and refusal, newest first. Nobody can change or delete an entry: the database refuses it.</p>
				</div>
				<div className="page-actions no-print">
					<a className="button" href={`/admin/audit/export${exportParams.size ? `?${exportParams}` : ''}`} download>
						Export CSV
					</a>
				</div>
			</div>
			<FilterBar
				search={false}
				filters={[
					{ name: 'actor', label: 'Actor (email)', type: 'search' },
					{ name: 'entity', label: 'Entity', options: vocabulary.entities, optionLabel: v => v },
					{ name: 'action', label: 'Action', options: vocabulary.actions, optionLabel: v => v },
					{ name: 'from', label: 'From', type: 'date' },
					{ name: 'to', label: 'To', type: 'date' },
				]}
			/>
			<div className="table-wrap">
				<table>
					<caption className="sr-only">Audit events</caption>
					<thead>
						<tr>
							<th scope="col">When (UTC)</th>
							<th scope="col">Actor</th>
							<th scope="col">Action</th>
							<th scope="col">Entity</th>
							<th scope="col">Change</th>
							<th scope="col">Request</th>
						</tr>
					</thead>
					<tbody>
						{rows.length ? (
							rows.map(r => (
								<tr key={r.id}>
									<td className="nowrap">{r.at}</td>
									<td>{r.actorEmail}</td>
									<td>{r.action}</td>
									<td>
										{r.entity}
										{r.entityId ? ` #${r.entityId}` : ''}
									</td>
									<td className="small">
										<ul className="plain">
											{describe(r.before, r.after)
												.slice(0, 8)
												.map((line, i) => (
													<li key={i}>{line}</li>
												))}
										</ul>
									</td>
									<td className="small muted">{r.requestId?.slice(0, 8) ?? ''}</td>
								</tr>
							))
						) : (
							<tr>
								<td colSpan={6} className="empty">
									No events match these filters.
								</td>
							</tr>
						)}
					</tbody>
				</table>
			</div>
			<Pager page={page} pageSize={AUDIT_PAGE_SIZE} total={total} noun="Events" older />
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Audit log · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
