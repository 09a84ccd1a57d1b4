import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { TrendChart } from '#app/components/board.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { isUnderWay, JobProgress, usePollWhile } from '#app/components/job-progress.tsx'
import { latestJobOf, requestJob, requestSystemJob } from '#app/services/jobs.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatDateTime, formatInt } from '#app/utils/format.ts'
import { freezeQuarter, previewFreeze } from '#app/services/snapshots.server.ts'
import { type Actor, statusOf } from '#app/services/service.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { listSnapshots, readTrendPoints } from '#db/repositories/snapshots.ts'
import { can } from '#models/permissions.ts'
import { nextQuarter, quarterOf, quarterStartDate } from '#models/quarter.ts'
import { TableScroll } from '#app/components/table-scroll.tsx'

interface VerificationResult {
	ok: boolean
	head: string | null
	quarters: Array<{ quarter: string; ok: boolean; problems: string[] }>
}

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'snapshots:read')
	const db = getDb()
	const [snapshots, trend] = await Promise.all([listSnapshots(db), readTrendPoints(db)])
	// After a change of the scoring rules every quarter's point is derived again: by a job, whose progress shows here.
	if (trend.pending.length) await requestSystemJob(db, 'trend.derive', serviceContext(request))
	const trendJob = trend.pending.length ? await latestJobOf(db, user, 'trend.derive') : null
	const verification = await latestJobOf(db, user, 'snapshots.verify')
	return json({
		snapshots: [...snapshots].reverse(),
		trend: trend.points,
		trendPending: trend.pending,
		trendJob,
		verification: verification && { ...verification, result: verification.result as VerificationResult | null },
		canFreeze: can(user.role, 'snapshots:freeze'),
		canVerify: can(user.role, 'snapshots:verify'),
		freeze: can(user.role, 'snapshots:freeze')
			? await freezeForm(
					db,
					user,
					snapshots.map(s => s.quarter),
				)
			: null,
	})
}

/** The freeze form: the last ended quarter and what freezing it would freeze, or when the current quarter can be. */
async function freezeForm(db: ReturnType<typeof getDb>, user: Actor, frozen: string[]) {
	const now = new Date()
	const preview = await previewFreeze(db, user, { requestId: null, now }, frozen)
	const current = quarterOf(now)
	return { preview: preview.ok ? preview.value : null, current, currentFrom: quarterStartDate(nextQuarter(current)) }
}

export async function action({ request }: ActionFunctionArgs) {
	const form = await request.formData()
	if (form.get('intent') === 'verify') return verify(request)
	const user = await requireUser(request, 'snapshots:freeze')
	const quarter = String(form.get('quarter') ?? '').trim()
	const result = await freezeQuarter(getDb(), user, serviceContext(request), {
		quarter,
		confirmation: String(form.get('confirmation') ?? ''),
	})
	if (!result.ok)
		return json({ error: result.message, field: Object.keys(result.fieldErrors ?? {})[0] ?? null }, { status: statusOf(result.code) })
	return redirect(`/snapshots/${result.value.quarter}`)
}

/**
 * Verifying every snapshot: an administrator's action that re-scores every quarter (about a minute at 40 quarters of
 * 1,000 units), so it runs as a background job; this page shows its progress, then its result (kept, and audited).
 */
async function verify(request: Request) {
	const user = await requireUser(request, 'snapshots:verify')
	const result = await requestJob(getDb(), user, serviceContext(request), { kind: 'snapshots.verify' })
	if (!result.ok) return json({ error: result.message, field: null }, { status: statusOf(result.code) })
	return redirect('/snapshots', { status: 303 })
}

export default function SnapshotsRoute() {
	const {
		snapshots,
		trend,
		trendPending,
		trendJob,
		verification: verificationJob,
		canFreeze,
		canVerify,
		freeze,
	} = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const verifying = isUnderWay(verificationJob)
	const verification = verificationJob?.status === 'done' ? verificationJob.result : null
	const freezeError = actionData && 'error' in actionData ? actionData : null
	usePollWhile(trendPending.length > 0 && !canVerify) // an administrator's page polls through the job's own progress
	const busy = useNavigation().state !== 'idle'
	const latest = snapshots[0]
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Quarterly snapshots</h1>
					<p>Frozen quarters: the inventory, the model and the results as they stood, sealed in a hash chain that nobody can rewrite.</p>
				</div>
				{latest ? (
					<div className="page-actions">
						<Link className="button primary" to={`/snapshots/${latest.quarter}`}>
							Open {latest.quarter}, the latest quarter →
						</Link>
					</div>
				) : null}
			</div>
			{snapshots.length ? (
				<section className="card" aria-labelledby="trend-h">
					<h2 id="trend-h">Exposure over the quarters</h2>
					{trend.length ? <TrendChart data={trend} /> : null}
					{trendPending.length ? (
						trendJob && canVerify ? (
							<JobProgress job={trendJob} />
						) : (
							<p className="small muted" role="status">
								The points of {trendPending.length} quarter{trendPending.length === 1 ? '' : 's'} ({trendPending.join(', ')}) are being
								derived again after a change of the scoring rules; they appear here when ready.
							</p>
						)
					) : null}
				</section>
			) : (
				<p className="card muted">No quarter has been frozen yet.{canFreeze ? ' Freeze the last complete quarter below.' : ''}</p>
			)}
			<section className="card" aria-labelledby="list-h">
				<h2 id="list-h">Frozen quarters</h2>
				<TableScroll label="Frozen quarters">
					<table>
						<thead>
							<tr>
								<th scope="col">Quarter</th>
								<th scope="col">Frozen</th>
								<th scope="col">Model</th>
								<th scope="col">Content hash</th>
								<th scope="col">Chained to</th>
								{verification ? <th scope="col">Verified</th> : null}
							</tr>
						</thead>
						<tbody>
							{snapshots.map(s => {
								const v = verification?.quarters.find(q => q.quarter === s.quarter)
								return (
									<tr key={s.id}>
										<td>
											<Link to={`/snapshots/${s.quarter}`}>{s.quarter}</Link>
										</td>
										<td>{formatDate(s.frozenAt)}</td>
										<td>{s.modelLabel}</td>
										<td>
											<code title={s.contentHash}>{s.contentHash.slice(0, 16)}…</code>
										</td>
										<td>
											<code>{s.prevHash ? `${s.prevHash.slice(0, 16)}…` : '—'}</code>
										</td>
										{verification ? <td>{v?.ok ? 'OK: hash, chain and scores reproduce' : `Problem: ${v?.problems.join('; ')}`}</td> : null}
									</tr>
								)
							})}
						</tbody>
					</table>
				</TableScroll>
				{canVerify && verificationJob && verificationJob.status !== 'done' ? <JobProgress job={verificationJob} /> : null}
				<div className="small verify-row">
					{verification && verificationJob ? (
						<span role={canVerify ? 'status' : undefined} className={verification.ok ? 'ok-text' : 'warn-text'}>
							{verification.ok
								? `All ${verification.quarters.length} snapshots verified on ${formatDateTime(verificationJob.finishedAt)}: every hash recomputed, the chain is unbroken and each quarter re-scores to its frozen results. Latest hash ${verification.head}.`
								: `Verification on ${formatDateTime(verificationJob.finishedAt)} found problems: see the table.`}
						</span>
					) : null}
					{canVerify ? (
						<Form method="post">
							<input type="hidden" name="intent" value="verify" />
							<button type="submit" disabled={busy || verifying}>
								{verifying ? 'Verifying…' : verification ? 'Verify again' : 'Verify every snapshot now'}
							</button>
						</Form>
					) : (
						<span>An administrator can verify every snapshot</span>
					)}
					<span>
						(the same check as <code>npm run snapshots:verify</code>)
					</span>
				</div>
			</section>
			{freeze ? (
				<FreezeForm freeze={freeze} error={freezeError ? { message: freezeError.error, field: freezeError.field } : null} busy={busy} />
			) : null}
		</>
	)
}

type FreezeData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['freeze']>

/** Freezing is for ever: the quarter must have ended, the figures it will freeze show first, and the quarter is typed to confirm. */
function FreezeForm({
	freeze,
	error,
	busy,
}: {
	freeze: FreezeData
	error: { message: string; field: string | null } | null
	busy: boolean
}) {
	const { preview } = freeze
	return (
		<Form method="post" className="card no-print" aria-labelledby="freeze-h">
			<h2 id="freeze-h">Freeze a quarter</h2>
			<p className="small">
				Copies the live inventory, the active model version, its results and the scenario decisions taken since the last snapshot into a
				snapshot that can never be changed. One per quarter, once the quarter has ended: {freeze.current} can be frozen from{' '}
				{formatDate(freeze.currentFrom)}.
			</p>
			{preview ? (
				<>
					<p>
						<strong>{preview.quarter}</strong> has ended and is not frozen yet. Frozen now, scored on {formatDate(preview.asOf)} with model{' '}
						{preview.modelLabel}, it would hold:
					</p>
					<dl className="freeze-preview">
						<div>
							<dt>Units</dt>
							<dd>{formatInt(preview.units)}</dd>
						</div>
						<div>
							<dt>People in China</dt>
							<dd>{formatInt(preview.people)}</dd>
						</div>
						<div>
							<dt>Units by overall band</dt>
							<dd>
								{preview.point.critical} critical, {preview.point.high} high, {preview.point.medium} medium, {preview.point.low} low
							</dd>
						</div>
						<div>
							<dt>Mean overall score</dt>
							<dd>{preview.point.meanOverall}</dd>
						</div>
						<div>
							<dt>Flows lacking their mechanism</dt>
							<dd>{formatInt(preview.point.flowsLackingMechanism)}</dd>
						</div>
						<div>
							<dt>Systems overdue for MLPS</dt>
							<dd>{formatInt(preview.point.systemsOverdue)}</dd>
						</div>
						<div>
							<dt>Maximum penalties</dt>
							<dd>RMB {preview.point.penaltyMaxRmbBn}bn</dd>
						</div>
						<div>
							<dt>Scenario decisions recorded</dt>
							<dd>{formatInt(preview.decisions)}</dd>
						</div>
					</dl>
				</>
			) : (
				<p className="small muted">Every ended quarter is frozen.</p>
			)}
			{error ? (
				<p className="notice error" role="alert" id="freeze-error">
					{error.message}
				</p>
			) : null}
			<div className="workflow">
				<div className="field">
					<label htmlFor="freeze-quarter">Quarter</label>
					<input
						id="freeze-quarter"
						name="quarter"
						defaultValue={preview?.quarter ?? ''}
						placeholder="2026-Q3"
						aria-invalid={error?.field === 'quarter' || undefined}
						aria-describedby={error ? 'freeze-error' : undefined}
					/>
				</div>
				<div className="field">
					<label htmlFor="freeze-confirmation">Type the quarter again to confirm</label>
					<input
						id="freeze-confirmation"
						name="confirmation"
						autoComplete="off"
						aria-invalid={error?.field === 'confirmation' || undefined}
					/>
				</div>
				<button className="primary" type="submit" disabled={busy}>
					{busy ? 'Freezing…' : 'Freeze for ever'}
				</button>
			</div>
		</Form>
	)
}

export const meta: MetaFunction = () => [{ title: 'Snapshots · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
