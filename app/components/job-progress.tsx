import { useEffect } from 'react'
import { useRevalidator } from '@remix-run/react'
import { formatDateTime } from '#app/utils/format.ts'

/** What a page shows of a background job (app/services/jobs.server.ts JobView, as the loader serialised it). */
export interface JobProgressData {
	id: number
	label: string
	status: 'queued' | 'running' | 'done' | 'failed'
	sentence: string
	percent: number | null
	attempts: number
	maxAttempts: number
	createdAt: string
	finishedAt: string | null
}

export const isUnderWay = (job: Pick<JobProgressData, 'status'> | null | undefined) => job?.status === 'queued' || job?.status === 'running'

/** Reloads the page's data every `ms` while `active` (a job under way), so its progress shows without a click. */
export function usePollWhile(active: boolean, ms = 1000) {
	const { revalidate, state } = useRevalidator()
	useEffect(() => {
		if (!active || state !== 'idle') return
		const t = setTimeout(revalidate, ms)
		return () => clearTimeout(t)
	}, [active, state, revalidate, ms])
}

/**
 * A job's state: a progress bar named by what the job does, and the sentence a person (and a screen reader, through
 * the live region) reads. Failed jobs are said plainly with their error.
 */
export function JobProgress({ job, live = true }: { job: JobProgressData; live?: boolean }) {
	usePollWhile(live && isUnderWay(job))
	const tone = job.status === 'failed' ? 'error' : job.status === 'done' ? 'ok' : 'warn'
	return (
		<div className={`notice ${tone} job-progress`}>
			<p role={live ? (job.status === 'failed' ? 'alert' : 'status') : undefined} className="job-sentence">
				<strong>{job.label}</strong> (job {job.id}): {job.sentence}
			</p>
			{isUnderWay(job) ? (
				<progress max={100} value={job.percent ?? undefined} aria-label={`${job.label}: progress`}>
					{job.percent === null ? '' : `${job.percent}%`}
				</progress>
			) : null}
			<p className="small muted">
				Asked for {formatDateTime(job.createdAt)}
				{job.finishedAt ? `, finished ${formatDateTime(job.finishedAt)}` : ''}
				{job.attempts > 1 ? ` · ${job.attempts} tries` : ''}
			</p>
		</div>
	)
}
