import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { listSnapshots } from '#db/repositories/snapshots.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'snapshots:read')
	return json({ snapshots: (await listSnapshots(getDb())).reverse() })
}

export default function SnapshotsRoute() {
	const { snapshots } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Quarterly snapshots</h1>
					<p>Frozen quarters: the inventory, the model and the results as they stood, sealed with a hash chain.</p>
				</div>
			</div>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th>Quarter</th>
							<th>Frozen</th>
							<th>Model</th>
							<th>Content hash</th>
						</tr>
					</thead>
					<tbody>
						{snapshots.length ? (
							snapshots.map(s => (
								<tr key={s.id}>
									<td>{s.quarter}</td>
									<td>{formatDate(s.frozenAt)}</td>
									<td>{s.modelLabel}</td>
									<td>
										<code>{s.contentHash.slice(0, 16)}…</code>
									</td>
								</tr>
							))
						) : (
							<tr>
								<td colSpan={4} className="empty">
									No quarter has been frozen yet.
								</td>
							</tr>
						)}
					</tbody>
				</table>
			</div>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Snapshots · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
