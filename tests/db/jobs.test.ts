// Background jobs against a real database (docs/decisions/041): one job per identity under way; one instance claims
// each (on MariaDB two claims at the same moment take different rows: SELECT ... FOR UPDATE SKIP LOCKED); progress,
// result and file kept; a failing try queued again with a back-off, then reported failed; an instance that died is
// replaced when its lease runs out, and a stale instance can no longer write; the verification and trend jobs do the
// real work and the verification is audited as the person who asked.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { JOB_HANDLERS } from '#app/services/job-handlers.server.ts'
import { latestJobOf, listMyJobs, readJob, readJobFileFor, requestJob, requestSystemJob } from '#app/services/jobs.server.ts'
import { type JobHandler, PermanentJobError, runJob, runNextJob } from '#app/utils/job-runner.server.ts'
import { countMissingFrozenViews } from '#app/utils/snapshot.server.ts'
import { createDb, type DbContext } from '#db/client.server.ts'
import { claimJob, completeJob, enqueueJob, findJob, reportProgress } from '#db/repositories/jobs.ts'
import { countMissingTrendPoints, loadTrendPoints, readTrendPoints } from '#db/repositories/snapshots.ts'
import { activeKey, describeProgress, JOB_SPECS, retryDelaySeconds } from '#models/jobs.ts'
import { seed } from '#seed/index.ts'
import { createTestDb, testDialects } from './setup.ts'

const ctx = { requestId: 'req-jobs' }
const lease = () => 60

describe.each(testDialects())('$name: background jobs', dialect => {
	let db: DbContext
	let url: string
	const people: Record<string, { id: number; email: string; role: 'admin' | 'analyst' | 'executive' | 'board' }> = {}
	beforeAll(async () => {
		url = dialect.url()
		db = await createTestDb({ ...dialect, url: () => url })
		await seed(db.db, { demo: true, quiet: true })
		for (const u of await db.db.selectFrom('app_user').select(['id', 'email', 'role']).execute())
			people[u.role] ??= { id: u.id, email: u.email, role: u.role as never }
	}, 120_000)
	afterAll(async () => db.db.destroy())

	const clear = () => db.db.deleteFrom('job').execute()

	test('asking twice for the same work while it is under way gives the same job; once it has ended, a new one', async () => {
		await clear()
		const first = await requestJob(db.db, people.admin!, ctx, { kind: 'snapshots.verify' })
		const again = await requestJob(db.db, people.admin!, ctx, { kind: 'snapshots.verify' })
		expect(first.ok && first.value.created).toBe(true)
		expect(again.ok && [again.value.created, again.value.job.id]).toEqual([false, first.ok && first.value.job.id])
		const job = (await claimJob(db.db, 'one', ['snapshots.verify'], lease))!
		expect(await completeJob(db.db, { id: job.id, instance: 'one' }, { value: { ok: true } })).toBe(true)
		const later = await requestJob(db.db, people.admin!, ctx, { kind: 'snapshots.verify' })
		expect(later.ok && later.value.created).toBe(true)
		// A print is per person: two people printing the same quarter get a job each.
		const a = await requestJob(db.db, people.board!, ctx, { kind: 'pack.print', params: { quarter: '2026-Q3' } })
		const b = await requestJob(db.db, people.analyst!, ctx, { kind: 'pack.print', params: { quarter: '2026-Q3' } })
		expect(a.ok && b.ok && a.value.job.id !== b.value.job.id).toBe(true)
	})

	test('who may ask: a verification is an administrator’s; a print needs a frozen quarter; system work is not asked for', async () => {
		await clear()
		for (const role of ['board', 'analyst', 'executive'] as const)
			expect(await requestJob(db.db, people[role]!, ctx, { kind: 'snapshots.verify' })).toMatchObject({ ok: false, code: 'forbidden' })
		expect(await requestJob(db.db, people.admin!, ctx, { kind: 'trend.derive' })).toMatchObject({ ok: false, code: 'forbidden' })
		expect(await requestJob(db.db, people.admin!, ctx, { kind: 'rm -rf' })).toMatchObject({ ok: false, code: 'invalid' })
		expect(await requestJob(db.db, people.board!, ctx, { kind: 'pack.print', params: { quarter: '2026-Q9' } })).toMatchObject({
			ok: false,
			code: 'invalid',
		})
		expect(await requestJob(db.db, people.board!, ctx, { kind: 'pack.print', params: { quarter: '2030-Q1' } })).toMatchObject({
			ok: false,
			code: 'not_found',
		})
		expect(await db.db.selectFrom('job').select('id').execute()).toEqual([])
	})

	test('a job is seen by whoever asked and by administrators; to anyone else it does not exist', async () => {
		await clear()
		const asked = await requestJob(db.db, people.board!, ctx, { kind: 'pack.print', params: { quarter: '2026-Q3' } })
		const id = asked.ok ? asked.value.job.id : 0
		expect((await readJob(db.db, people.board!, id)).ok).toBe(true)
		expect((await readJob(db.db, people.admin!, id)).ok).toBe(true)
		expect(await readJob(db.db, people.analyst!, id)).toMatchObject({ ok: false, code: 'not_found' })
		expect(await readJobFileFor(db.db, people.board!, id)).toMatchObject({ ok: false, code: 'conflict' }) // not printed yet
		expect((await listMyJobs(db.db, people.board!)).map(j => j.id)).toEqual([id])
		expect(await listMyJobs(db.db, people.analyst!)).toEqual([])
	})

	test('two instances claiming at the same moment take different jobs, never the same one', async () => {
		await clear()
		for (let i = 0; i < 6; i++)
			await enqueueJob(db.db, {
				kind: 'trend.derive',
				params: { n: String(i) },
				activeKey: `claim-test-${i}`,
				maxAttempts: 3,
				requestedBy: null,
				requestId: null,
			})
		// A second connection pool: on MariaDB the claims really run side by side.
		const other = dialect.name === 'mysql' ? createDb(url) : db
		try {
			const claims = await Promise.all(
				Array.from({ length: 8 }, (_, i) => claimJob(i % 2 ? other.db : db.db, `instance-${i}`, ['trend.derive'], lease)),
			)
			const ids = claims.filter(c => c !== null).map(c => c!.id)
			expect(ids).toHaveLength(6)
			expect(new Set(ids).size).toBe(6)
			expect(await claimJob(db.db, 'late', ['trend.derive'], lease)).toBeNull()
		} finally {
			if (other !== db) await other.db.destroy()
		}
	})

	test('a failing try is queued again with a back-off, then reported failed when its tries are spent; an error no try mends fails at once', async () => {
		await clear()
		let calls = 0
		const flaky: JobHandler = async () => {
			calls++
			throw new Error('the printer is away')
		}
		await requestSystemJob(db.db, 'trend.derive')
		const t0 = new Date()
		await runNextJob(db.db, { 'trend.derive': flaky }, 'one', t0)
		let job = (await latestJobOf(db.db, people.admin!, 'trend.derive'))!
		expect([job.status, job.attempts, job.error]).toEqual(['queued', 1, 'the printer is away'])
		expect(job.sentence).toMatch(/Waiting to try again \(try 2 of 3\) after: the printer is away/)
		// Not before its back-off has passed.
		expect(await runNextJob(db.db, { 'trend.derive': flaky }, 'one', t0)).toBeNull()
		await runNextJob(db.db, { 'trend.derive': flaky }, 'one', new Date(t0.getTime() + (retryDelaySeconds(1) + 1) * 1000))
		await runNextJob(db.db, { 'trend.derive': flaky }, 'one', new Date(t0.getTime() + 3600_000))
		job = (await latestJobOf(db.db, people.admin!, 'trend.derive'))!
		expect([job.status, job.attempts, calls]).toEqual(['failed', 3, 3])
		expect(job.sentence).toBe('Failed after 3 tries: the printer is away')
		// Its identity is free again: the work can be asked for anew.
		expect((await requestSystemJob(db.db, 'trend.derive')).id).not.toBe(job.id)

		await clear()
		await requestSystemJob(db.db, 'trend.derive')
		await runNextJob(db.db, {
			'trend.derive': async () => {
				throw new PermanentJobError('the quarter is gone')
			},
		})
		job = (await latestJobOf(db.db, people.admin!, 'trend.derive'))!
		expect([job.status, job.attempts]).toEqual(['failed', 1])
	})

	test('an instance that dies is replaced when its lease runs out; the stale one can no longer report or finish', async () => {
		await clear()
		await requestSystemJob(db.db, 'trend.derive')
		const t0 = new Date()
		const claimed = (await claimJob(db.db, 'dies', ['trend.derive'], lease, t0))!
		expect(await reportProgress(db.db, { id: claimed.id, instance: 'dies' }, { done: 1, total: 4 }, 60, t0)).toBe(true)
		expect(await claimJob(db.db, 'other', ['trend.derive'], lease, new Date(t0.getTime() + 30_000))).toBeNull() // lease held
		const taken = (await claimJob(db.db, 'other', ['trend.derive'], lease, new Date(t0.getTime() + 61_000)))!
		expect([taken.id, taken.attempts, taken.lockedBy]).toEqual([claimed.id, 2, 'other'])
		expect(await reportProgress(db.db, { id: claimed.id, instance: 'dies' }, { done: 2, total: 4 }, 60)).toBe(false)
		expect(await completeJob(db.db, { id: claimed.id, instance: 'dies' }, { value: 'stale' })).toBe(false)
		expect(await completeJob(db.db, { id: claimed.id, instance: 'other' }, { value: 'fresh' })).toBe(true)
		expect((await findJob(db.db, claimed.id))!.result).toBe('fresh')
	})

	test('an instance that stops hands its job back without spending a try', async () => {
		await clear()
		await requestSystemJob(db.db, 'trend.derive')
		const job = (await claimJob(db.db, 'stopping', ['trend.derive'], lease))!
		let stopping = false
		await runJob(
			db.db,
			job,
			async ({ progress }) => {
				await progress(1, 3)
				stopping = true
				await progress(2, 3)
				return { value: 'not reached' }
			},
			'stopping',
			() => stopping,
		)
		const back = (await findJob(db.db, job.id))!
		expect([back.status, back.attempts, back.lockedBy, back.progressDone]).toEqual(['queued', 0, null, 1])
	})

	test('the verification job checks every quarter with its progress, keeps the report and audits it as the administrator who asked', async () => {
		await clear()
		const asked = await requestJob(db.db, people.admin!, { requestId: 'req-verify' }, { kind: 'snapshots.verify' })
		expect(asked.ok).toBe(true)
		const seen: Array<[number, number]> = []
		const handler: JobHandler = c =>
			JOB_HANDLERS['snapshots.verify']!({ ...c, progress: async (d, t, n) => (seen.push([d, t]), c.progress(d, t, n)) })
		await runNextJob(db.db, { 'snapshots.verify': handler })
		const job = (await latestJobOf(db.db, people.admin!, 'snapshots.verify'))!
		expect(job.status).toBe('done')
		expect([job.done, job.total, job.percent]).toEqual([8, 8, 100])
		expect(seen[0]).toEqual([0, 8])
		expect(seen.at(-1)).toEqual([8, 8])
		const report = job.result as { ok: boolean; quarters: Array<{ quarter: string; ok: boolean }> }
		expect(report.ok).toBe(true)
		expect(report.quarters.map(q => q.quarter)).toHaveLength(8)
		const audit = await db.db
			.selectFrom('audit_event')
			.select(['actor_email', 'request_id', 'after_json'])
			.where('action', '=', 'snapshot.verify')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow()
		expect([audit.actor_email, audit.request_id]).toEqual([people.admin!.email, 'req-verify'])
		expect(JSON.parse(audit.after_json!)).toMatchObject({ ok: true, quarters: 8, problems: 0, job: job.id })
	})

	test('a requester who lost the right meanwhile gets nothing: the job fails at once', async () => {
		await clear()
		await requestJob(db.db, people.admin!, ctx, { kind: 'snapshots.verify' })
		await db.db.updateTable('app_user').set({ role: 'analyst' }).where('id', '=', people.admin!.id).execute()
		try {
			await runNextJob(db.db, JOB_HANDLERS)
			const job = (await latestJobOf(db.db, people.admin!, 'snapshots.verify'))!
			expect([job.status, job.attempts]).toEqual(['failed', 1])
			expect(job.error).toMatch(/no longer allows it \(snapshots:verify\)/)
		} finally {
			await db.db.updateTable('app_user').set({ role: 'admin' }).where('id', '=', people.admin!.id).execute()
		}
	})

	test('after a change of rules the page derives no trend point itself (it lists them as pending); the job derives them', async () => {
		await clear()
		const all = await loadTrendPoints(db.db)
		await db.db.deleteFrom('snapshot_trend_point').execute()
		expect(await countMissingTrendPoints(db.db)).toBe(8)
		const page = await readTrendPoints(db.db)
		expect([page.points.length, page.pending.length]).toEqual([0, 8])
		expect((await readTrendPoints(db.db, 2)).pending).toHaveLength(6) // a caller may derive a few
		await requestSystemJob(db.db, 'trend.derive')
		await runNextJob(db.db, JOB_HANDLERS)
		const job = (await latestJobOf(db.db, people.admin!, 'trend.derive'))!
		expect([job.status, job.result]).toEqual(['done', { derived: 6, quarters: 8 }]) // two were derived above
		expect(await readTrendPoints(db.db, 0)).toEqual({ points: all, pending: [] })
	})

	test('the board views of every quarter are derived by a job, after which none is missing', async () => {
		await clear()
		expect(await countMissingFrozenViews(db.db)).toBe(8)
		await requestSystemJob(db.db, 'snapshot.views')
		await runNextJob(db.db, JOB_HANDLERS)
		const job = (await latestJobOf(db.db, people.admin!, 'snapshot.views'))!
		expect([job.status, job.result, job.done, job.total]).toEqual(['done', { quarters: 8, derived: 8, pruned: 0 }, 8, 8])
		expect(await countMissingFrozenViews(db.db)).toBe(0)
	})

	test('the sentences people read', () => {
		const p = { done: 3, total: 40, note: null, attempts: 1, maxAttempts: 3, error: null }
		expect(describeProgress('snapshots.verify', { ...p, status: 'running' })).toBe('Verifying every snapshot: 3 of 40 quarters…')
		expect(describeProgress('snapshots.verify', { ...p, status: 'queued', attempts: 0 })).toBe('Waiting for a free worker…')
		expect(describeProgress('snapshots.verify', { ...p, status: 'done', done: 40 })).toBe('Done: 40 of 40 quarters.')
		expect(activeKey('pack.print', { quarter: '2026-Q3' }, 7)).toBe('pack.print|by=7|quarter=2026-Q3')
		expect(activeKey('snapshots.verify', {}, 7)).toBe('snapshots.verify')
		expect(Object.keys(JOB_SPECS)).toEqual(['snapshots.verify', 'trend.derive', 'snapshot.views', 'pack.print'])
	})
})
