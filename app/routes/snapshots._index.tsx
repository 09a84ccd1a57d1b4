import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { TrendChart } from '#app/components/board.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { verifySnapshots } from '#app/services/snapshot-verification.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { requireQuarter } from '#app/utils/snapshot.server.ts'
import { freezeSnapshot, lastCompleteQuarter, listSnapshots, loadTrendPoints, SnapshotFreezeError } from '#db/repositories/snapshots.ts'
import { can } from '#models/permissions.ts'
import { quarterOf } from '#models/quarter.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'snapshots:read')
	const db = getDb()
	const verify = new URL(request.url).searchParams.get('verify') === '1'
	const [snapshots, trend] = await Promise.all([listSnapshots(db), loadTrendPoints(db)])
	const verified = verify ? await verifySnapshots(db, user, serviceContext(request)) : null
	const verification = verified?.ok ? verified.value : null
	return json({
		snapshots: [...snapshots].reverse(),
		trend,
		canFreeze: can(user.role, 'snapshots:freeze'),
		freezable: [quarterOf(new Date()), lastCompleteQuarter()].filter(q => !snapshots.some(s => s.quarter === q)),
		verification: verification && { ok: verification.ok, head: verification.head, quarters: verification.quarters.map(q => ({ quarter: q.quarter, ok: q.ok, problems: q.problems.map(p => p.message) })) },
	})
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'snapshots:freeze')
	const form = await request.formData()
	const quarter = requireQuarter(String(form.get('quarter') ?? ''))
	try {
		await freezeSnapshot(getDb(), { quarter, frozenBy: user.id }) // records its own audit event in the same transaction
	} catch (error) {
		if (error instanceof SnapshotFreezeError) return json({ error: error.message }, { status: error.code === 'already_frozen' ? 409 : 400 })
		throw error
	}
	return redirect(`/snapshots/${quarter}`)
}

export default function SnapshotsRoute() {
	const { snapshots, trend, canFreeze, freezable, verification } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
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
			{actionData?.error ? (
				<p className="notice error" role="alert">
					{actionData.error}
				</p>
			) : null}
			{trend.length ? (
				<section className="card" aria-labelledby="trend-h">
					<h2 id="trend-h">Exposure over the quarters</h2>
					<TrendChart data={trend} />
				</section>
			) : (
				<p className="card muted">No quarter has been frozen yet.{canFreeze ? ' Freeze the last complete quarter below.' : ''}</p>
			)}
			<section className="card" aria-labelledby="list-h">
				<h2 id="list-h">Frozen quarters</h2>
				<div className="table-wrap">
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
				</div>
				<p className="small">
					{verification ? (
						<span role="status" className={verification.ok ? 'ok-text' : 'warn-text'}>
							{verification.ok
								? `All ${verification.quarters.length} snapshots verified: every hash recomputed, the chain is unbroken and each quarter re-scores to its frozen results. Latest hash ${verification.head}.`
								: 'Verification found problems: see the table.'}
						</span>
					) : (
						<Link to="?verify=1">Verify every snapshot now</Link>
					)}{' '}
					(the same check as <code>npm run snapshots:verify</code>)
				</p>
			</section>
			{canFreeze ? (
				<Form method="post" className="card no-print" aria-labelledby="freeze-h">
					<h2 id="freeze-h">Freeze a quarter</h2>
					<p className="small">Copies the live inventory, the active model version and its results into a snapshot that can never be changed. One per quarter.</p>
					<div className="workflow">
						<div className="field">
							<label htmlFor="freeze-quarter">Quarter</label>
							<input id="freeze-quarter" name="quarter" defaultValue={freezable[freezable.length - 1] ?? ''} placeholder="2026-Q4" />
						</div>
						<button className="primary" type="submit" disabled={busy}>
							{busy ? 'Freezing…' : 'Freeze'}
						</button>
					</div>
				</Form>
			) : null}
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Snapshots · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
