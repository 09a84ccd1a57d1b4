import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminPageHead } from '#app/components/admin-page-head.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { isUnderWay, usePollWhile } from '#app/components/job-progress.tsx'
import { TableScroll } from '#app/components/table-scroll.tsx'
import { listRecentJobs } from '#app/services/jobs.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDateTime } from '#app/utils/format.ts'

// Administrators see every background job: what it is, where it stands, its tries and why it failed.
export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireUser(request, 'jobs:read')
	const result = await listRecentJobs(getDb(), actor)
	if (!result.ok) throw json({ message: result.message }, { status: statusOf(result.code) })
	return json({ jobs: result.value })
}

export default function AdminJobsRoute() {
	const { jobs } = useLoaderData<typeof loader>()
	usePollWhile(jobs.some(isUnderWay), 2000)
	const failed = jobs.filter(j => j.status === 'failed').length
	return (
		<>
			<AdminPageHead title="Background jobs">
				<p>
					Verifications, trend points, board views and printed packs run outside the page that asked for them. A try that fails is tried
					again (after 10 s, 20 s, 40 s…); a job whose tries are spent is reported failed here and in the log.
				</p>
			</AdminPageHead>
			{failed ? (
				<p className="notice error" role="alert">
					{failed} of the last {jobs.length} jobs failed: see their errors below.
				</p>
			) : null}
			{jobs.length === 0 ? (
				<p className="card">No job has run yet.</p>
			) : (
				<TableScroll label="Background jobs">
					<table>
						<caption className="sr-only">Background jobs, newest first</caption>
						<thead>
							<tr>
								<th scope="col">Job</th>
								<th scope="col">What</th>
								<th scope="col">State</th>
								<th scope="col" className="num">
									Tries
								</th>
								<th scope="col">Asked for</th>
								<th scope="col">Finished</th>
							</tr>
						</thead>
						<tbody>
							{jobs.map(j => (
								<tr key={j.id}>
									<td>
										<Link to={`/jobs/${j.id}`}>{j.id}</Link>
									</td>
									<td>
										{j.label}
										{j.params.quarter ? ` (${j.params.quarter})` : ''}
									</td>
									<td>{j.status === 'failed' ? <strong>{j.sentence}</strong> : j.sentence}</td>
									<td className="num">
										{j.attempts} of {j.maxAttempts}
									</td>
									<td>{formatDateTime(j.createdAt)}</td>
									<td>{formatDateTime(j.finishedAt)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Background jobs · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
