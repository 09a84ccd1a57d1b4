import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { isUnderWay, JobProgress } from '#app/components/job-progress.tsx'
import { listMyJobs, requestJob } from '#app/services/jobs.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'

// GET /jobs: the background jobs one asked for (board packs being printed, verifications). POST /jobs queues one
// (kind, and a quarter for a print) and goes to its page, which shows its progress; the service checks the kind's
// permission (a print: snapshots:read; a verification: snapshots:verify).
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'account:own')
	return json({ jobs: await listMyJobs(getDb(), user) })
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'account:own')
	const form = await request.formData()
	const result = await requestJob(getDb(), user, serviceContext(request), {
		kind: String(form.get('kind') ?? ''),
		params: { quarter: form.get('quarter') ?? undefined },
	})
	if (!result.ok) throw json({ message: result.message }, { status: statusOf(result.code) })
	return redirect(`/jobs/${result.value.job.id}`, { status: 303 })
}

export default function JobsRoute() {
	const { jobs } = useLoaderData<typeof loader>()
	const live = jobs.find(isUnderWay)
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Your background jobs</h1>
					<p>Work that takes longer than a page: board packs printed to PDF and snapshot verifications. Results are kept here.</p>
				</div>
			</div>
			{jobs.length === 0 ? (
				<p className="card">You have not asked for any. Print a board pack from a quarter’s page.</p>
			) : (
				jobs.map(job => (
					<section key={job.id} className="card" aria-label={`Job ${job.id}: ${job.label}`}>
						<JobProgress job={job} live={job === live} />
						<p>
							<Link to={`/jobs/${job.id}`}>Open job {job.id}</Link>
							{job.hasFile ? (
								<>
									{' · '}
									<a href={`/jobs/${job.id}/file`} download>
										Download board-pack-{job.params.quarter}.pdf
									</a>
								</>
							) : null}
						</p>
					</section>
				))
			)}
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Your jobs · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
