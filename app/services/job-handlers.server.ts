// What each background job does (docs/decisions/041). Each is a use case run later, outside the request that asked
// for it: it acts as the person who asked (their role checked again: an account disabled or demoted meanwhile gets
// nothing), writes its own audit entry with that request's id, and reports its progress.
import { findUserById } from '#db/repositories/users.ts'
import { deriveMissingTrendPoints } from '#db/repositories/snapshots.ts'
import { JOB_SPECS, type JobKind } from '#models/jobs.ts'
import { can } from '#models/permissions.ts'
import { type JobContext, type JobHandler, PermanentJobError } from '#app/utils/job-runner.server.ts'
import { warmFrozenViews } from '#app/utils/snapshot.server.ts'
import { printPack } from './print-pack.server.ts'
import { type Actor } from './service.ts'
import { verifySnapshots } from './snapshot-verification.server.ts'

/** The person who asked for the job, if they still may: their account enabled and their role still allowing it. */
async function requester({ db, job }: JobContext): Promise<Actor> {
	const user = job.requestedBy === null ? undefined : await findUserById(db, job.requestedBy)
	if (!user || user.disabled) throw new PermanentJobError('The account that asked for this job no longer exists or is disabled.')
	const permission = JOB_SPECS[job.kind].permission
	if (permission && !can(user.role, permission))
		throw new PermanentJobError(`The role of the account that asked for this job (${user.role}) no longer allows it (${permission}).`)
	return { id: user.id, email: user.email, role: user.role }
}

/** Verifying every frozen quarter (hash, chain, re-scoring), recorded in the audit log as the person who asked. */
const verifySnapshotsJob: JobHandler = async ctx => {
	const checked = await verifySnapshots(ctx.db, await requester(ctx), { requestId: ctx.job.requestId }, ctx.progress, ctx.job.id)
	if (!checked.ok) throw new PermanentJobError(checked.message)
	const report = checked.value
	return {
		value: {
			ok: report.ok,
			head: report.head,
			rulesVersion: report.rulesVersion,
			quarters: report.quarters.map(q => ({ quarter: q.quarter, ok: q.ok, problems: q.problems.map(p => p.message) })),
		},
	}
}

/** The quarters chart's points, derived again where today's code has none (after a change of rules). */
const deriveTrend: JobHandler = async ctx => ({
	value: await deriveMissingTrendPoints(ctx.db, (done, total, note) => ctx.progress(done, total, note)),
})

/**
 * The board view of every frozen quarter against the one before (decision 040), derived and stored where today's code
 * has none: after a freeze, and at a start after a change of rules. The first view of a quarter then reads it ready.
 */
const deriveBoardViews: JobHandler = async ctx => ({ value: await warmFrozenViews(ctx.db, (done, total) => ctx.progress(done, total)) })

/** A board pack printed to PDF as the person who asked sees it; the PDF is kept with the job for 7 days. */
const printBoardPack: JobHandler = async ctx => {
	const actor = await requester(ctx)
	const quarter = ctx.job.params.quarter ?? ''
	await ctx.progress(0, 1, 'waiting for the printer')
	const printed = await printPack(ctx.db, actor, { requestId: ctx.job.requestId }, { quarter })
	if (!printed.ok) {
		// The printer busy or away: worth another try later. Anything else (the quarter unknown, the role) is not.
		if (printed.code === 'too_many' || printed.code === 'unavailable') throw new Error(printed.message)
		throw new PermanentJobError(printed.message)
	}
	await ctx.progress(1, 1, null)
	return { value: { quarter, bytes: printed.value.byteLength }, file: printed.value }
}

export const JOB_HANDLERS: Partial<Record<JobKind, JobHandler>> = {
	'snapshots.verify': verifySnapshotsJob,
	'trend.derive': deriveTrend,
	'snapshot.views': deriveBoardViews,
	'pack.print': printBoardPack,
}
