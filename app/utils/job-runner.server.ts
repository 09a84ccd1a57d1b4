// The background-job runner of one instance (docs/decisions/041). It claims due jobs from the database (one instance
// runs each: db/repositories/jobs.ts), runs at most JOBS_CONCURRENCY at a time, reports progress (which also renews
// the job's lease), keeps the result, and on an error queues the job again with a growing back-off until its tries
// are spent, then reports it failed (the log, the job's page, the administrators' list). An instance that stops
// gives its jobs back; one that dies is replaced by another when the lease runs out. JOBS=off runs no jobs on an
// instance (e.g. web-only instances in front of a dedicated worker).
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { type Kysely } from 'kysely'
import { claimJob, completeJob, failJob, type Job, pruneJobs, reportProgress } from '#db/repositories/jobs.ts'
import { type Database } from '#db/schema.ts'
import { JOB_SPECS, type JobKind, retryDelaySeconds } from '#models/jobs.ts'
import { log } from './log.server.ts'

export interface JobContext {
	db: Kysely<Database>
	job: Job
	/** Where the work stands; awaited between steps. Throws when the job must stop (the instance is stopping, or it lost the job). */
	progress: (done: number, total: number, note?: string | null) => Promise<void>
}

export interface JobOutcome {
	value: unknown
	file?: Uint8Array | null
}

export type JobHandler = (ctx: JobContext) => Promise<JobOutcome>

/** An error that trying again will not mend (the quarter is gone, the requester's account disabled): failed at once. */
export class PermanentJobError extends Error {}

class StopWorking extends Error {}

const PROGRESS_WRITE_MS = 250 // at most four progress writes a second per job
const PRUNE_EVERY_MS = 60 * 60_000
const KEEP_DAYS = 90
const KEEP_FILE_DAYS = 7

// Routes (in the Remix build) and server.ts are two module graphs: the wake-up goes through globalThis.
const g = globalThis as unknown as { __jobsWake?: () => void }

/** Tells this instance's runner that a job was queued (it also polls, for jobs queued by other instances). */
export function wakeJobRunner() {
	g.__jobsWake?.()
}

export interface RunnerOptions {
	/** This instance's name in locked_by. */
	instance?: string
	pollMs?: number
	concurrency?: number
	/**
	 * The worker-thread entry (app/utils/job-worker.server.ts): jobs whose kind runs in a worker thread are run there.
	 * Without it every job runs on the main thread (tests).
	 */
	workerUrl?: URL
}

/**
 * Runs a claimed job in a worker thread of its own (its own database connection): the instance's event loop stays
 * free for requests while the job decodes and re-scores. Asked to stop, the worker hands the job back at its next
 * progress report. A worker that dies without finishing leaves the try failed (queued again while tries remain).
 */
function runInWorker(
	db: Kysely<Database>,
	url: URL,
	job: Job,
	instance: string,
	isStopping: () => boolean,
	workers: Set<Worker>,
): Promise<void> {
	return new Promise(resolve => {
		const worker = new Worker(url, { workerData: { job, instance } })
		workers.add(worker)
		const stopper = setInterval(() => isStopping() && worker.postMessage('stop'), 200)
		let failure: unknown = null
		worker.on('error', error => (failure = error))
		worker.on('exit', async code => {
			clearInterval(stopper)
			workers.delete(worker)
			if (isStopping() && code !== 0) return resolve() // ended by stop(): the lease hands the job on
			if (code !== 0 || failure) {
				const message = `the worker thread running it stopped (exit code ${code}): ${String(failure ?? 'no error given')}`.slice(0, 500)
				const final = job.attempts >= job.maxAttempts
				// Conditional: a no-op when the worker had already recorded the job's end.
				await failJob(db, { id: job.id, instance }, message, final ? null : retryDelaySeconds(job.attempts)).catch(() => undefined)
				log('error', 'job worker failed', { job: job.id, kind: job.kind, code, error: failure })
			}
			resolve()
		})
	})
}

/**
 * Runs one claimed job to its end: its result kept, or the try counted and the job queued again or failed.
 * `isStopping` is asked at every progress report.
 */
export async function runJob(
	db: Kysely<Database>,
	job: Job,
	handler: JobHandler,
	instance: string,
	isStopping: () => boolean = () => false,
): Promise<void> {
	const held = { id: job.id, instance }
	const lease = JOB_SPECS[job.kind].leaseSeconds
	const started = performance.now()
	if (job.attempts > job.maxAttempts) {
		// Claimed again after its lease ran out, with every try spent: the instances running it kept stopping.
		await failJob(db, held, `${job.error ? `${job.error}; ` : ''}the instance running it stopped ${job.attempts - 1} times`, null)
		log('error', 'job failed', { job: job.id, kind: job.kind, attempts: job.attempts - 1, error: 'lease expired on every try' })
		return
	}
	let last = { done: job.progressDone, total: job.progressTotal, note: job.progressNote as string | null }
	let lastWrite = 0
	let lost = false
	const write = async () => {
		lastWrite = Date.now()
		if (!(await reportProgress(db, held, last, lease))) lost = true
	}
	// A renewed lease while one step takes long (a print waiting for the printer).
	const heartbeat = setInterval(() => void write().catch(() => undefined), (lease * 1000) / 3)
	heartbeat.unref()
	const progress = async (done: number, total: number, note: string | null = null) => {
		if (isStopping()) throw new StopWorking('the instance is stopping')
		last = { done, total, note }
		if (Date.now() - lastWrite >= PROGRESS_WRITE_MS || done === total) await write()
		if (lost) throw new StopWorking('another instance took the job over')
		await new Promise(resolve => setImmediate(resolve)) // requests waiting on this instance go first
	}
	try {
		const outcome = await handler({ db, job, progress })
		clearInterval(heartbeat)
		const kept = await completeJob(db, held, { value: outcome.value, file: outcome.file ?? null })
		log(kept ? 'info' : 'warn', kept ? 'job done' : 'job done, but another instance had taken it over', {
			job: job.id,
			kind: job.kind,
			ms: Math.round(performance.now() - started),
		})
	} catch (error) {
		clearInterval(heartbeat)
		const message = error instanceof Error ? error.message : String(error)
		if (error instanceof StopWorking) {
			if (!lost) await failJob(db, held, `stopped: ${message}`, 0, new Date(), false) // given back, the try not counted
			log('info', 'job handed back', { job: job.id, kind: job.kind, reason: message })
			return
		}
		const final = error instanceof PermanentJobError || job.attempts >= job.maxAttempts
		const delay = final ? null : retryDelaySeconds(job.attempts)
		await failJob(db, held, message, delay)
		log(final ? 'error' : 'warn', final ? 'job failed' : 'job try failed: queued again', {
			job: job.id,
			kind: job.kind,
			attempt: job.attempts,
			of: job.maxAttempts,
			retryInSeconds: delay,
			error,
		})
	}
}

/** Claims and runs the next due job of the kinds `handlers` knows; false when none was due. (Tests drive this.) */
export async function runNextJob(
	db: Kysely<Database>,
	handlers: Partial<Record<JobKind, JobHandler>>,
	instance = `test-${randomUUID().slice(0, 8)}`,
	now = new Date(),
): Promise<Job | null> {
	const kinds = Object.keys(handlers) as JobKind[]
	const job = await claimJob(db, instance, kinds, k => JOB_SPECS[k].leaseSeconds, now)
	if (!job) return null
	await runJob(db, job, handlers[job.kind]!, instance)
	return job
}

/** Starts this instance's runner: it polls, is woken when a job is queued here, and stops cleanly. */
export function startJobRunner(db: Kysely<Database>, handlers: Partial<Record<JobKind, JobHandler>>, options: RunnerOptions = {}) {
	const instance = options.instance ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
	const pollMs = options.pollMs ?? Number(process.env.JOBS_POLL_MS ?? 1000)
	const concurrency = options.concurrency ?? Number(process.env.JOBS_CONCURRENCY ?? 2)
	const kinds = Object.keys(handlers) as JobKind[]
	const running = new Set<Promise<void>>()
	const workers = new Set<Worker>()
	let stopping = false
	let timer: NodeJS.Timeout | undefined
	let claiming = false
	let again = false
	let lastPrune = 0

	const tick = async () => {
		if (claiming) return void (again = true)
		claiming = true
		try {
			do {
				again = false
				while (!stopping && running.size < concurrency) {
					const job = await claimJob(db, instance, kinds, k => JOB_SPECS[k].leaseSeconds)
					if (!job) break
					const inWorker = options.workerUrl && JOB_SPECS[job.kind].thread === 'worker'
					const p = (
						inWorker
							? runInWorker(db, options.workerUrl!, job, instance, () => stopping, workers)
							: runJob(db, job, handlers[job.kind]!, instance, () => stopping)
					)
						.catch(error => log('error', 'job runner error', { job: job.id, error }))
						.finally(() => {
							running.delete(p)
							schedule(0) // a slot is free: look for the next job
						})
					running.add(p)
				}
			} while (again && !stopping)
			if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
				lastPrune = Date.now()
				await pruneJobs(db, KEEP_DAYS, KEEP_FILE_DAYS)
			}
		} catch (error) {
			// The database is away (a restart, a failover): try again at the next poll.
			log('warn', 'job runner could not claim', { error })
		} finally {
			claiming = false
		}
	}
	const schedule = (ms: number) => {
		if (stopping) return
		clearTimeout(timer)
		timer = setTimeout(() => void tick().finally(() => schedule(pollMs)), ms)
		timer.unref()
	}
	g.__jobsWake = () => schedule(0)
	schedule(0)
	log('info', 'job runner started', { instance, concurrency, kinds })
	return {
		instance,
		/**
		 * Stops claiming; running jobs stop at their next progress report and are given back (or finish first). A worker
		 * still busy after `graceMs` is ended: its job's lease runs out and another instance takes the job over.
		 */
		async stop(graceMs = 5_000) {
			stopping = true
			clearTimeout(timer)
			if (g.__jobsWake) g.__jobsWake = undefined
			let grace: NodeJS.Timeout | undefined
			await Promise.race([Promise.allSettled([...running]), new Promise(resolve => (grace = setTimeout(resolve, graceMs)))])
			clearTimeout(grace)
			await Promise.allSettled([...workers].map(w => w.terminate()))
		},
	}
}
