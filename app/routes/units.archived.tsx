import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TableScroll } from '#app/components/table-scroll.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatInt } from '#app/utils/format.ts'
import { listArchivedUnits } from '#db/repositories/unit-archive.ts'
import { can } from '#models/permissions.ts'

// GET /units/archived: the units archived rather than deleted (decision 032), who archived them and what they hold;
// those who keep the inventory restore one here (the edit route's `restore` intent, a conditional write).
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'inventory:read')
	return json({ units: await listArchivedUnits(getDb()), canWrite: can(user.role, 'inventory:write') })
}

export default function ArchivedUnitsRoute() {
	const { units, canWrite } = useLoaderData<typeof loader>()
	return (
		<>
			<p className="no-print small">
				<Link to="/units">← Business units</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>Archived business units</h1>
					<p>
						Units with history are archived, not deleted: they are left out of the lists, the scoring, the overview and every total, and
						kept for the record with their systems, flows and staffing lines.
					</p>
				</div>
			</div>
			<TableScroll label="Archived business units">
				<table>
					<caption className="sr-only">Archived business units</caption>
					<thead>
						<tr>
							<th scope="col">Code</th>
							<th scope="col">Unit</th>
							<th scope="col">Archived (UTC)</th>
							<th scope="col">By</th>
							<th scope="col" className="num">
								Systems · flows · staffing lines
							</th>
							{canWrite ? <th scope="col">Action</th> : null}
						</tr>
					</thead>
					<tbody>
						{units.length ? (
							units.map(u => (
								<tr key={u.id}>
									<td>{u.code}</td>
									<td>
										<Link to={`/units/${u.id}`}>{u.name}</Link> <span className="muted small">{u.city}</span>
									</td>
									<td>{u.archivedAt}</td>
									<td>{u.archivedByEmail ?? '—'}</td>
									<td className="num">
										{formatInt(u.systems)} · {formatInt(u.flows)} · {formatInt(u.staffingLines)}
									</td>
									{canWrite ? (
										<td>
											<Form method="post" action={`/inventory/units/${u.id}`}>
												<button type="submit" name="intent" value="restore" aria-label={`Restore ${u.code}`}>
													Restore {u.code}
												</button>
											</Form>
										</td>
									) : null}
								</tr>
							))
						) : (
							<tr>
								<td colSpan={canWrite ? 6 : 5} className="empty">
									No business unit is archived.
								</td>
							</tr>
						)}
					</tbody>
				</table>
			</TableScroll>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Archived business units · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
