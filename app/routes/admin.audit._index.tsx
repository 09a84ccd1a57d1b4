import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { AdminPageHead } from '#app/components/admin-page-head.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar } from '#app/components/filter-bar.tsx'
import { Pager } from '#app/components/pager.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { listAuditEvents, listAuditVocabulary } from '#db/repositories/audit.ts'
import { TableScroll } from '#app/components/table-scroll.tsx'
import { actionLabel, type ChangeLine, describeAuditChange, fieldLabel } from '#models/audit-change.ts'
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

export default function AuditRoute() {
	const { rows, total, page, vocabulary } = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const exportParams = new URLSearchParams(params)
	exportParams.delete('page')
	return (
		<>
			<AdminPageHead
				title="Audit log"
				actions={
					<div className="page-actions no-print">
						<a className="button" href={`/admin/audit/export${exportParams.size ? `?${exportParams}` : ''}`} download>
							Export CSV
						</a>
					</div>
				}
			>
				<p>Every write, sign-in and refusal, newest first. Nobody can change or delete an entry: the database refuses it.</p>
			</AdminPageHead>
			<FilterBar
				search={false}
				filters={[
					{ name: 'actor', label: 'Actor (email)', type: 'search' },
					{ name: 'entity', label: 'Entity', options: vocabulary.entities, optionLabel: fieldLabel },
					{ name: 'action', label: 'Action', options: vocabulary.actions, optionLabel: actionLabel },
					{ name: 'from', label: 'From', type: 'date' },
					{ name: 'to', label: 'To', type: 'date' },
				]}
			/>
			<TableScroll label="Audit log entries">
				<table className="audit">
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
									<td>{actionLabel(r.action)}</td>
									<td>
										{fieldLabel(r.entity)}
										{r.entityId ? ` #${r.entityId}` : ''}
									</td>
									<td className="small">
										<ChangeList lines={describeAuditChange(r.before, r.after)} />
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
			</TableScroll>
			<Pager page={page} pageSize={AUDIT_PAGE_SIZE} total={total} noun="Events" older />
		</>
	)
}

const SHOWN = 8

/** "Headcount 150 → 148"; a create shows the values written, a delete the values removed. */
function ChangeList({ lines }: { lines: ChangeLine[] }) {
	if (!lines.length) return null
	return (
		<ul className="plain change-list">
			{lines.slice(0, SHOWN).map((l, i) => (
				<li key={i}>
					<span className="field">{l.field}</span>{' '}
					{l.before !== undefined && l.after !== undefined ? `${l.before} → ${l.after}` : (l.after ?? l.before)}
				</li>
			))}
			{lines.length > SHOWN ? <li className="muted">and {lines.length - SHOWN} more (in the CSV export)</li> : null}
		</ul>
	)
}

export const meta: MetaFunction = () => [{ title: 'Audit log · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
