import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ConfirmDelete } from '#app/components/confirm-delete.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TableScroll } from '#app/components/table-scroll.tsx'
import { removeFlowMonth } from '#app/services/flow-months.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatInt } from '#app/utils/format.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { answerFailure } from '#app/utils/service-response.server.ts'
import { listFlowMonthsWithCodes } from '#db/repositories/flow-months.ts'
import { flowMonthFilter } from '#models/obligations/flow-months.ts'
import { can } from '#models/permissions.ts'

// The optional monthly counts per flow that refine the threshold forecast: listed (optionally one flow's or unit's), exported
// and imported as CSV; a writer removes one month after confirming.

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'inventory:read')
	const filter = flowMonthFilter(new URL(request.url).searchParams)
	const rows = await listFlowMonthsWithCodes(getDb(), filter)
	const scope = [filter.unit, filter.flow].filter(Boolean).join(' · ') || null
	const qs = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1]))).toString()
	return json({ rows, scope, qs, canWrite: can(user.role, 'inventory:write') })
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const form = await request.formData()
	if (form.get('intent') !== 'delete') throw json({ message: 'Unknown action; use delete.' }, { status: 400 })
	const flowCode = String(form.get('flow_code') ?? '')
	const month = String(form.get('month') ?? '')
	const removed = await removeFlowMonth(getDb(), user, serviceContext(request), { flowCode, month })
	if (!removed.ok) return answerFailure(removed)
	return redirect(`/flows/months?flow=${encodeURIComponent(flowCode)}`)
}

export default function FlowMonthsRoute() {
	const { rows, scope, qs, canWrite } = useLoaderData<typeof loader>()
	const failed = useActionData<typeof action>() as { errors?: Record<string, string[]> } | undefined
	const busy = useNavigation().state === 'submitting'
	return (
		<>
			<p className="no-print small">
				<Link to="/flows">← Cross-border data flows</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>Monthly counts per flow{scope ? `: ${scope}` : ''}</h1>
					<p>
						Optional. Where every flow that counts towards an exporter&rsquo;s thresholds has its months recorded from January, the forecast
						follows the pace of the last three complete months instead of the run rate since 1 January.
					</p>
				</div>
				<div className="page-actions no-print">
					<a className="button" href={`/flows/months/export${qs ? `?${qs}` : ''}`} download>
						Export CSV
					</a>
					{canWrite ? (
						<Link className="button primary" to="/flows/months/import">
							Import CSV
						</Link>
					) : null}
				</div>
			</div>
			{failed?.errors ? (
				<div className="notice error" role="alert">
					{Object.values(failed.errors).flat().join(' ')}
				</div>
			) : null}
			{rows.length ? (
				<TableScroll label="Monthly counts per flow">
					<table>
						<caption className="sr-only">Individuals provided abroad per flow and month</caption>
						<thead>
							<tr>
								<th scope="col">Flow</th>
								<th scope="col">Unit</th>
								<th scope="col">Month</th>
								<th scope="col" className="num">
									Individuals (PI)
								</th>
								<th scope="col" className="num">
									Individuals (sensitive)
								</th>
								{canWrite ? <th scope="col">Remove</th> : null}
							</tr>
						</thead>
						<tbody>
							{rows.map(r => (
								<tr key={`${r.flowId}-${r.month}`}>
									<td>
										<Link to={`/flows/months?flow=${encodeURIComponent(r.flowCode)}`}>{r.flowCode}</Link>
									</td>
									<td>
										<Link to={`/flows/months?unit=${encodeURIComponent(r.unitCode)}`}>{r.unitCode}</Link>
									</td>
									<td>{r.month}</td>
									<td className="num">{formatInt(r.personalInfoIndividuals)}</td>
									<td className="num">{formatInt(r.sensitivePersonalInfoIndividuals)}</td>
									{canWrite ? (
										<td>
											<ConfirmDelete
												id={`remove-${r.flowId}-${r.month}`}
												label={`Remove ${r.month}`}
												question={`Remove the count of ${r.flowCode} for ${r.month}? The forecast goes back to the run rate unless every month is recorded again.`}
												fields={{ flow_code: r.flowCode, month: r.month }}
												busy={busy}
											/>
										</td>
									) : null}
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			) : (
				<p className="muted">No monthly counts are recorded{scope ? ` for ${scope}` : ''}: forecasts use the year-to-date run rate.</p>
			)}
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Monthly counts per flow · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
