import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { JobProgress } from '#app/components/job-progress.tsx'
import { readJob } from '#app/services/jobs.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// One background job: its progress (the page reloads its data every second while the job is under way), then its
// result or why it failed. Seen by the person who asked for it and by administrators; for anyone else it does not
// exist. `?_data=routes/jobs.$id._index` gives the same as JSON for a script.
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'account:own')
	const result = await readJob(getDb(), user, Number(params.id))
	if (!result.ok) throw json({ message: result.message }, { status: statusOf(result.code) })
	return json({ job: result.value })
}

export default function JobRoute() {
	const { job } = useLoaderData<typeof loader>()
	const quarter = job.params.quarter
	return (
		<>
			<p className="no-print small">
				{quarter ? <Link to={`/snapshots/${quarter}`}>← {quarter}</Link> : <Link to="/snapshots">← Quarterly snapshots</Link>}
				{' · '}
				<Link to="/jobs">Your jobs</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>
						{job.label}
						{quarter ? ` for ${quarter}` : ''}
					</h1>
					<p>It runs on the server: you may leave this page and come back to it from “Your jobs”.</p>
				</div>
			</div>
			<JobProgress job={job} />
			{job.status === 'done' && job.hasFile ? (
				<p>
					<a className="button primary" href={`/jobs/${job.id}/file`} download>
						Download board-pack-{quarter}.pdf
					</a>
				</p>
			) : null}
			{job.status === 'failed' && job.kind === 'pack.print' ? (
				<p className="small">
					Or open the <Link to={`/snapshots/${quarter}/pack`}>board pack</Link> and use your browser’s Print, then Save as PDF.
				</p>
			) : null}
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.job.label ?? 'Job'} · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
