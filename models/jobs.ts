// Background jobs (docs/decisions/041): what each kind of job is, who may ask for it, how often it is tried and how
// long an instance may hold it before another takes it over; how a job reads to a person. Pure: the queue itself is
// in db/repositories/jobs.ts, the runner in app/utils/job-runner.server.ts.
import { type Permission } from './permissions.ts'

export const JOB_KINDS = ['snapshots.verify', 'trend.derive', 'snapshot.views', 'pack.print'] as const
export type JobKind = (typeof JOB_KINDS)[number]
export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

export const isJobKind = (value: unknown): value is JobKind => JOB_KINDS.includes(value as JobKind)

export interface JobSpec {
	/** What the job does, as a heading ("Verifying every snapshot"). */
	label: string
	/** The unit its progress counts ("quarters"). */
	unit: string
	/** Who may ask for it; null: the system only (after a start, a freeze or a change of rules). */
	permission: Permission | null
	/** Tries before it is reported failed (the first run included). */
	maxAttempts: number
	/** How long an instance holds a claimed job without a sign of life before another instance may take it over. */
	leaseSeconds: number
	/** Whether each requester has a job of their own (a pack is printed as its requester sees it). */
	perRequester: boolean
	/**
	 * 'worker': CPU-bound (decoding and re-scoring quarters), run in a worker thread so that the instance's requests are
	 * not held up; 'main': waiting on something else (the printer's Chromium), run beside the requests.
	 */
	thread: 'worker' | 'main'
}

/** Work over every frozen quarter, decoding and re-scoring: counted in quarters, in a worker thread, one job for all. */
const QUARTER_WORK = { unit: 'quarters', maxAttempts: 3, leaseSeconds: 60, perRequester: false, thread: 'worker' } as const

export const JOB_SPECS: Record<JobKind, JobSpec> = {
	'snapshots.verify': {
		label: 'Verifying every snapshot',
		permission: 'snapshots:verify',
		...QUARTER_WORK,
	},
	'trend.derive': {
		label: 'Deriving the quarters’ trend points',
		permission: null,
		...QUARTER_WORK,
	},
	'snapshot.views': {
		label: 'Preparing the board views of the frozen quarters',
		permission: null,
		...QUARTER_WORK,
	},
	'pack.print': {
		label: 'Printing the board pack',
		unit: 'steps',
		permission: 'snapshots:read',
		maxAttempts: 3,
		leaseSeconds: 90,
		perRequester: true,
		thread: 'main',
	},
}

/**
 * The job's identity while it is under way: asking again for the same work returns the job already queued or
 * running instead of adding one (a double click, two administrators, three instances starting at once).
 */
export function activeKey(kind: JobKind, params: Record<string, string>, requestedBy: number | null): string {
	const parts = Object.keys(params)
		.sort()
		.map(k => `${k}=${params[k]}`)
	return [kind, ...(JOB_SPECS[kind].perRequester ? [`by=${requestedBy ?? 'system'}`] : []), ...parts].join('|').slice(0, 191)
}

/** Seconds before try number `attempt + 1` after `attempt` failed: 10 s, 20 s, 40 s… at most 5 minutes. */
export function retryDelaySeconds(attempt: number): number {
	return Math.min(300, 10 * 2 ** Math.max(0, attempt - 1))
}

export interface JobProgress {
	status: JobStatus
	done: number
	total: number
	note: string | null
}

/** 0-100, or null while the total is not known yet. */
export function progressPercent(p: Pick<JobProgress, 'done' | 'total' | 'status'>): number | null {
	if (p.status === 'done') return 100
	if (p.total <= 0) return null
	return Math.min(100, Math.round((100 * p.done) / p.total))
}

/** One sentence for the page and for screen readers: where the job stands. */
export function describeProgress(kind: JobKind, p: JobProgress & { attempts: number; maxAttempts: number; error: string | null }) {
	const spec = JOB_SPECS[kind]
	const counted = p.total > 1 ? `${p.done} of ${p.total} ${spec.unit}` : null // a one-step job (a print) is not counted
	switch (p.status) {
		case 'queued':
			return p.attempts > 0
				? `Waiting to try again (try ${p.attempts + 1} of ${p.maxAttempts}) after: ${p.error ?? 'an error'}`
				: 'Waiting for a free worker…'
		case 'running':
			return `${spec.label}: ${counted ?? p.note ?? 'starting'}${counted && p.note ? ` (${p.note})` : ''}…`
		case 'done':
			return `Done${counted ? `: ${counted}` : ''}.`
		case 'failed':
			return `Failed after ${p.attempts} ${p.attempts === 1 ? 'try' : 'tries'}: ${p.error ?? 'an unknown error'}`
	}
}

export const isActive = (status: string) => status === 'queued' || status === 'running'
