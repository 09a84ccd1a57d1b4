// The job queue (docs/decisions/041). Every change of a job's state is one conditional UPDATE: it names the state it
// expects (and, for a running job, the instance holding it), so a stale writer changes nothing and learns so.
// Claiming takes the oldest due job with SELECT ... FOR UPDATE SKIP LOCKED on MariaDB/MySQL (instances never wait on
// each other's claims; on a Galera cluster two nodes may still pick the same row, and the second commit fails
// certification as a deadlock, which writeTransaction retries); SQLite has one writer at a time, so the same
// transaction without the locking clause is exclusive there.
import { type ExpressionBuilder, type Kysely, MysqlAdapter, type Selectable, sql, type UpdateObject } from 'kysely'
import { type JobKind, type JobStatus } from '#models/jobs.ts'
import { sqlNow } from '../mappers.ts'
import { type Database, type JobTable } from '../schema.ts'
import { isUniqueViolation } from '../sql/errors.ts'
import { isRetryable, writeTransaction } from '../sql/transaction.ts'

export interface Job {
	id: number
	kind: JobKind
	params: Record<string, string>
	status: JobStatus
	attempts: number
	maxAttempts: number
	runAfter: string
	lockedBy: string | null
	lockedUntil: string | null
	progressDone: number
	progressTotal: number
	progressNote: string | null
	result: unknown
	hasFile: boolean
	error: string | null
	requestedBy: number | null
	requestId: string | null
	createdAt: string
	startedAt: string | null
	finishedAt: string | null
}

const COLUMNS = [
	'id',
	'kind',
	'params',
	'status',
	'attempts',
	'max_attempts',
	'run_after',
	'locked_by',
	'locked_until',
	'progress_done',
	'progress_total',
	'progress_note',
	'result',
	'error',
	'requested_by',
	'request_id',
	'created_at',
	'started_at',
	'finished_at',
] as const satisfies ReadonlyArray<keyof JobTable>

type JobRow = Pick<Selectable<JobTable>, (typeof COLUMNS)[number]> & {
	has_file: number | string
}

const hasFile = sql<number>`case when result_file is null then 0 else 1 end`.as('has_file')

function toJob(r: JobRow): Job {
	return {
		id: Number(r.id),
		kind: r.kind as JobKind,
		params: JSON.parse(r.params) as Record<string, string>,
		status: r.status as JobStatus,
		attempts: Number(r.attempts),
		maxAttempts: Number(r.max_attempts),
		runAfter: r.run_after,
		lockedBy: r.locked_by,
		lockedUntil: r.locked_until,
		progressDone: Number(r.progress_done),
		progressTotal: Number(r.progress_total),
		progressNote: r.progress_note,
		result: r.result === null ? null : JSON.parse(r.result),
		hasFile: Number(r.has_file) === 1,
		error: r.error,
		requestedBy: r.requested_by === null ? null : Number(r.requested_by),
		requestId: r.request_id,
		createdAt: r.created_at,
		startedAt: r.started_at,
		finishedAt: r.finished_at,
	}
}

const isMysql = (db: Kysely<Database>) => db.getExecutor().adapter instanceof MysqlAdapter

/** A job is due: queued and past its back-off, or running on a lease that has run out. */
const isDue = (at: string) => (eb: ExpressionBuilder<Database, 'job'>) =>
	eb.or([
		eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', at)]),
		eb.and([eb('status', '=', 'running'), eb('locked_until', '<', at)]),
	])

/**
 * The conditional write of an instance holding a running job: false when it no longer holds it (nothing changed). On a
 * Galera cluster a write to the job's row can lose certification to another node's claim scan of the same row (a
 * deadlock to the client); the write is conditional, so it is simply run again.
 */
async function updateHeld(db: Kysely<Database>, job: { id: number; instance: string }, values: UpdateObject<Database, 'job'>) {
	for (let attempt = 1; ; attempt++) {
		try {
			const r = await db
				.updateTable('job')
				.set(values)
				.where('id', '=', job.id)
				.where('status', '=', 'running')
				.where('locked_by', '=', job.instance)
				.executeTakeFirst()
			return Number(r.numUpdatedRows) === 1
		} catch (error) {
			if (!isRetryable(error) || attempt >= 5) throw error
			await new Promise(resolve => setTimeout(resolve, 20 * attempt))
		}
	}
}

const plusSeconds = (now: Date, seconds: number) => sqlNow(new Date(now.getTime() + seconds * 1000))

export async function findJob(db: Kysely<Database>, id: number): Promise<Job | undefined> {
	const r = await db
		.selectFrom('job')
		.select([...COLUMNS, hasFile])
		.where('id', '=', id)
		.executeTakeFirst()
	return r && toJob(r as JobRow)
}

/** The file a job made (a board pack's PDF), or undefined. */
export async function readJobFile(db: Kysely<Database>, id: number): Promise<Uint8Array | undefined> {
	const r = await db.selectFrom('job').select('result_file').where('id', '=', id).executeTakeFirst()
	return r?.result_file ?? undefined
}

export interface EnqueueInput {
	kind: JobKind
	params: Record<string, string>
	activeKey: string
	maxAttempts: number
	requestedBy: number | null
	requestId: string | null
	now?: Date
}

/**
 * Queues a job, or returns the one with the same identity already queued or running (`created: false`): the unique
 * index on active_key decides, across every instance.
 */
export async function enqueueJob(db: Kysely<Database>, input: EnqueueInput): Promise<{ job: Job; created: boolean }> {
	const now = sqlNow(input.now)
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const inserted = await db
				.insertInto('job')
				.values({
					kind: input.kind,
					params: JSON.stringify(input.params),
					active_key: input.activeKey,
					status: 'queued',
					max_attempts: input.maxAttempts,
					run_after: now,
					requested_by: input.requestedBy,
					request_id: input.requestId,
					created_at: now,
				})
				.executeTakeFirstOrThrow()
			return { job: (await findJob(db, Number(inserted.insertId)))!, created: true }
		} catch (error) {
			if (!isUniqueViolation(error)) throw error
			const existing = await db
				.selectFrom('job')
				.select([...COLUMNS, hasFile])
				.where('active_key', '=', input.activeKey)
				.executeTakeFirst()
			if (existing) return { job: toJob(existing as JobRow), created: false }
			// it ended between the insert and the read: queue it again
		}
	}
	throw new Error(`could not queue the ${input.kind} job`)
}

/**
 * Claims the oldest due job of `kinds` for `instance`: a queued job whose back-off has passed, or a running one whose
 * lease ran out (its instance stopped). The claim counts a try and takes a lease of `leaseSeconds`.
 */
export async function claimJob(
	db: Kysely<Database>,
	instance: string,
	kinds: readonly JobKind[],
	leaseSeconds: (kind: JobKind) => number,
	now = new Date(),
): Promise<Job | null> {
	if (kinds.length === 0) return null
	const at = sqlNow(now)
	return writeTransaction(db, async trx => {
		const due = trx.selectFrom('job').select(['id', 'kind']).where('kind', 'in', kinds).where(isDue(at)).orderBy('id').limit(1)
		const row = await (isMysql(trx) ? due.forUpdate().skipLocked() : due).executeTakeFirst()
		if (!row) return null
		const claimed = await trx
			.updateTable('job')
			.set({
				status: 'running',
				attempts: sql<number>`attempts + 1`,
				locked_by: instance,
				locked_until: plusSeconds(now, leaseSeconds(row.kind as JobKind)),
				started_at: at,
			})
			.where('id', '=', row.id)
			.where(isDue(at))
			.executeTakeFirst()
		if (Number(claimed.numUpdatedRows) !== 1) return null
		const r = await trx
			.selectFrom('job')
			.select([...COLUMNS, hasFile])
			.where('id', '=', row.id)
			.executeTakeFirstOrThrow()
		return toJob(r as JobRow)
	})
}

/** Where a running job stands, and a renewed lease. False: this instance no longer holds the job (stop working on it). */
export async function reportProgress(
	db: Kysely<Database>,
	job: { id: number; instance: string },
	progress: { done: number; total: number; note?: string | null },
	leaseSeconds: number,
	now = new Date(),
): Promise<boolean> {
	return updateHeld(db, job, {
		progress_done: progress.done,
		progress_total: progress.total,
		progress_note: progress.note?.slice(0, 200) ?? null,
		locked_until: plusSeconds(now, leaseSeconds),
	})
}

/** Done: the result (and file) kept, the identity freed. False when this instance no longer held the job. */
export async function completeJob(
	db: Kysely<Database>,
	job: { id: number; instance: string },
	result: { value: unknown; file?: Uint8Array | null },
	now = new Date(),
): Promise<boolean> {
	return updateHeld(db, job, {
		status: 'done',
		active_key: null,
		result: JSON.stringify(result.value ?? null),
		result_file: result.file ?? null,
		error: null,
		locked_by: null,
		locked_until: null,
		finished_at: sqlNow(now),
		progress_done: sql<number>`progress_total`,
	})
}

/**
 * A try failed: queued again after `retryAfterSeconds`, or failed for good (null), the identity then freed so the
 * work can be asked for again. `countTry: false` gives the try back (the instance was stopping, not the job failing).
 */
export async function failJob(
	db: Kysely<Database>,
	job: { id: number; instance: string },
	error: string,
	retryAfterSeconds: number | null,
	now = new Date(),
	countTry = true,
): Promise<boolean> {
	const again = retryAfterSeconds !== null
	return updateHeld(db, job, {
		status: again ? 'queued' : 'failed',
		error: error.slice(0, 2000),
		locked_by: null,
		locked_until: null,
		...(again ? { run_after: plusSeconds(now, retryAfterSeconds) } : { active_key: null, finished_at: sqlNow(now) }),
		...(countTry ? {} : { attempts: sql<number>`attempts - 1` }),
	})
}

/** The latest jobs, newest first (without their files), optionally of some kinds or one requester. */
export async function listJobs(
	db: Kysely<Database>,
	filter: { kinds?: readonly JobKind[]; requestedBy?: number; limit?: number } = {},
): Promise<Job[]> {
	let q = db
		.selectFrom('job')
		.select([...COLUMNS, hasFile])
		.orderBy('id', 'desc')
		.limit(filter.limit ?? 50)
	if (filter.kinds) q = q.where('kind', 'in', filter.kinds)
	if (filter.requestedBy !== undefined) q = q.where('requested_by', '=', filter.requestedBy)
	return (await q.execute()).map(r => toJob(r as JobRow))
}

/** Finished jobs older than `days` go, and the files of jobs finished more than `fileDays` ago (board packs can be reprinted). */
export async function pruneJobs(db: Kysely<Database>, days: number, fileDays: number, now = new Date()) {
	await db
		.deleteFrom('job')
		.where('status', 'in', ['done', 'failed'])
		.where('finished_at', '<', plusSeconds(now, -days * 86_400))
		.execute()
	await db
		.updateTable('job')
		.set({ result_file: null })
		.where('status', '=', 'done')
		.where('result_file', 'is not', null)
		.where('finished_at', '<', plusSeconds(now, -fileDays * 86_400))
		.execute()
}
