// Asking for a background job, and reading one (docs/decisions/041). Long work leaves the request: the route queues a
// job and answers at once; an instance's runner (app/utils/job-runner.server.ts) claims it, reports its progress and
// keeps its result. A job is seen by whoever asked for it and by administrators (jobs:read); system jobs (trend
// points, board views) by administrators only, and through the pages that wait on them.
import { type Kysely } from 'kysely'
import { enqueueJob, findJob, type Job, listJobs, readJobFile } from '#db/repositories/jobs.ts'
import { listSnapshots } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { activeKey, describeProgress, isJobKind, JOB_SPECS, type JobKind, progressPercent } from '#models/jobs.ts'
import { can } from '#models/permissions.ts'
import { isQuarter } from '#models/quarter.ts'
import { wakeJobRunner } from '#app/utils/job-runner.server.ts'
import { audit } from './audit.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

/** A job as a page shows it. */
export interface JobView {
	id: number
	kind: JobKind
	label: string
	status: Job['status']
	/** One sentence: where it stands (also what screen readers hear). */
	sentence: string
	done: number
	total: number
	percent: number | null
	attempts: number
	maxAttempts: number
	error: string | null
	result: unknown
	hasFile: boolean
	params: Record<string, string>
	mine: boolean
	createdAt: string
	startedAt: string | null
	finishedAt: string | null
}

export function jobView(job: Job, actor: Actor | null): JobView {
	return {
		id: job.id,
		kind: job.kind,
		label: JOB_SPECS[job.kind].label,
		status: job.status,
		sentence: describeProgress(job.kind, {
			status: job.status,
			done: job.progressDone,
			total: job.progressTotal,
			note: job.progressNote,
			attempts: job.attempts,
			maxAttempts: job.maxAttempts,
			error: job.error,
		}),
		done: job.progressDone,
		total: job.progressTotal,
		percent: progressPercent({ status: job.status, done: job.progressDone, total: job.progressTotal }),
		attempts: job.attempts,
		maxAttempts: job.maxAttempts,
		error: job.error,
		result: job.result,
		hasFile: job.hasFile,
		params: job.params,
		mine: actor !== null && job.requestedBy === actor.id,
		createdAt: job.createdAt,
		startedAt: job.startedAt,
		finishedAt: job.finishedAt,
	}
}

/** What each kind needs: a print names a frozen quarter; the others take nothing. */
async function checkParams(
	db: Kysely<Database>,
	kind: JobKind,
	raw: Record<string, unknown>,
): Promise<ServiceResult<Record<string, string>>> {
	if (kind !== 'pack.print') return ok({})
	const quarter = String(raw.quarter ?? '').trim()
	if (!isQuarter(quarter))
		return fail('invalid', `quarter: "${String(raw.quarter ?? '').slice(0, 20)}" is not a quarter like 2026-Q3.`, {
			quarter: ['Not a quarter'],
		})
	if (!(await listSnapshots(db)).some(s => s.quarter === quarter)) return fail('not_found', `${quarter} has not been frozen.`)
	return ok({ quarter })
}

/**
 * Queues a job for `actor` (who must hold the kind's permission), or returns the same job already under way
 * (`created: false`: a double click, or another administrator asked first). Audited when queued.
 */
export async function requestJob(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: { kind: string; params?: Record<string, unknown> },
): Promise<ServiceResult<{ job: JobView; created: boolean }>> {
	const kind: string = input.kind
	if (!isJobKind(kind)) return fail('invalid', `kind: "${kind.slice(0, 40)}" is not a job this server runs.`)
	const spec = JOB_SPECS[kind]
	if (spec.permission === null) return fail('forbidden', `${spec.label} is started by the server itself, not on request.`)
	if (!can(actor.role, spec.permission)) return fail('forbidden', `Your role (${actor.role}) does not allow this (${spec.permission}).`)
	const params = await checkParams(db, kind, input.params ?? {})
	if (!params.ok) return params
	const { job, created } = await enqueueJob(db, {
		kind,
		params: params.value,
		activeKey: activeKey(kind, params.value, actor.id),
		maxAttempts: spec.maxAttempts,
		requestedBy: actor.id,
		requestId: ctx.requestId,
		now: ctx.now,
	})
	if (created) {
		await audit(db, actor, ctx, { action: 'job.request', entity: 'job', entityId: job.id, after: { kind: job.kind, params: job.params } })
		wakeJobRunner()
	}
	return ok({ job: jobView(job, actor), created })
}

/** Queues work the server does on its own (after a start, a freeze, a change of rules), once across every instance. */
export async function requestSystemJob(db: Kysely<Database>, kind: JobKind, ctx: ServiceContext = { requestId: null }): Promise<Job> {
	const { job, created } = await enqueueJob(db, {
		kind,
		params: {},
		activeKey: activeKey(kind, {}, null),
		maxAttempts: JOB_SPECS[kind].maxAttempts,
		requestedBy: null,
		requestId: ctx.requestId,
		now: ctx.now,
	})
	if (created) wakeJobRunner()
	return job
}

const mayRead = (actor: Actor, job: Job) => job.requestedBy === actor.id || can(actor.role, 'jobs:read')

/** One job, for the person who asked for it or an administrator; anyone else is told it does not exist. */
export async function readJob(db: Kysely<Database>, actor: Actor, id: number): Promise<ServiceResult<JobView>> {
	const job = Number.isSafeInteger(id) ? await findJob(db, id) : undefined
	if (!job || !mayRead(actor, job)) return fail('not_found', `There is no job ${id} of yours.`)
	return ok(jobView(job, actor))
}

/** The file a finished job made (a board pack), with the name to save it under. */
export async function readJobFileFor(
	db: Kysely<Database>,
	actor: Actor,
	id: number,
): Promise<ServiceResult<{ bytes: Uint8Array; filename: string; type: string }>> {
	const job = await readJob(db, actor, id)
	if (!job.ok) return job
	if (job.value.status !== 'done') return fail('conflict', `Job ${id} has not finished: ${job.value.sentence}`)
	const bytes = job.value.hasFile ? await readJobFile(db, id) : undefined
	if (!bytes) return fail('not_found', `Job ${id} kept no file (files are kept for 7 days): print the pack again.`)
	return ok({ bytes, filename: `board-pack-${job.value.params.quarter ?? id}.pdf`, type: 'application/pdf' })
}

/** The jobs `actor` asked for, newest first. */
export async function listMyJobs(db: Kysely<Database>, actor: Actor, limit = 20): Promise<JobView[]> {
	return (await listJobs(db, { requestedBy: actor.id, limit })).map(j => jobView(j, actor))
}

/** The latest jobs of every kind (administrators: jobs:read), newest first. */
export async function listRecentJobs(db: Kysely<Database>, actor: Actor, limit = 100): Promise<ServiceResult<JobView[]>> {
	if (!can(actor.role, 'jobs:read')) return fail('forbidden', `Your role (${actor.role}) does not allow this (jobs:read).`)
	return ok((await listJobs(db, { limit })).map(j => jobView(j, actor)))
}

/**
 * The latest job of `kind` as a page that waits on it shows it (the quarters page: the last verification, the trend
 * points being derived), for anyone who may read that page; its result is summarised by the page.
 */
export async function latestJobOf(db: Kysely<Database>, actor: Actor, kind: JobKind): Promise<JobView | null> {
	const [job] = await listJobs(db, { kinds: [kind], limit: 1 })
	return job ? jobView(job, actor) : null
}
