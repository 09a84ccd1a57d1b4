import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatInt, formatUsd, humanize } from '#app/utils/format.ts'
import { loadScenarioContext, requireVisibleScenario } from '#app/utils/scenario.server.ts'
import { compareScenarios, runScenario } from '#models/scenario/index.ts'
import { TableScroll } from '#app/components/table-scroll.tsx'

// GET /scenarios/compare?id=1&id=2[&id=3&id=4]: two to four scenarios side by side.
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'scenarios:read-approved')
	const raw = new URL(request.url).searchParams.getAll('id')
	const ids = [...new Set(raw)].map(Number)
	if (ids.length < 2 || ids.length > 4 || ids.some(id => !Number.isSafeInteger(id) || id <= 0))
		throw json(
			{ message: 'Tick two to four scenarios to compare (id=…&id=…).', error: 'id: give two to four scenario ids' },
			{ status: 400 },
		)
	const db = getDb()
	const scenarios = await Promise.all(ids.map(id => requireVisibleScenario(db, user, id)))
	const { ctx } = await loadScenarioContext(db) // the whole inventory
	const rows = compareScenarios(
		scenarios.map(s => ({ name: s.name, result: runScenario({ assumptions: s.assumptions, moves: s.moves }, ctx) })),
	)
	return json({ scenarios: scenarios.map(s => ({ id: s.id, name: s.name, status: s.status })), rows })
}

export default function CompareRoute() {
	const { scenarios, rows } = useLoaderData<typeof loader>()
	const measures: Array<{ label: string; cell: (r: (typeof rows)[number]) => string; best?: keyof (typeof rows)[number]['best'] }> = [
		{ label: 'One-off cost', cell: r => formatUsd(r.oneOffUsd), best: 'oneOff' },
		{ label: 'Annual saving (run-rate)', cell: r => formatUsd(r.annualSavingUsd), best: 'annualSaving' },
		{ label: 'NPV', cell: r => formatUsd(r.npvUsd), best: 'npv' },
		{ label: 'Payback', cell: r => (r.paybackMonth === null ? 'Never' : `${r.paybackLabel} (month ${r.paybackMonth})`), best: 'payback' },
		{
			label: 'Exposure change (sum of scores; lower is better)',
			cell: r => `${r.exposureScoreDelta > 0 ? '+' : ''}${r.exposureScoreDelta}`,
			best: 'exposure',
		},
		{ label: 'Bands improved / worsened', cell: r => `${r.bandsImproved} / ${r.bandsWorsened}` },
		{ label: 'Units under the art. 41 procedure', cell: r => formatInt(r.massLayoffUnits) },
		{
			label: 'New transfer obligations',
			cell: r =>
				r.newTransfers
					? Object.entries(r.newTransferMechanisms)
							.filter(([, n]) => n)
							.map(([m, n]) => `${n} ${humanize(m)}`)
							.join(', ')
					: 'None',
		},
		{ label: 'Localisation issues', cell: r => formatInt(r.localisationIssues) },
	]
	return (
		<>
			<p className="no-print small">
				<Link to="/scenarios">← Scenarios</Link>
			</p>
			<h1>Compare scenarios</h1>
			<p className="muted">
				★ best marks the lowest one-off cost, the highest saving and NPV, the earliest payback and the lowest exposure change (a fall in
				exposure beats a rise). Where all scenarios are equal nothing is marked.
			</p>
			<TableScroll label="Scenarios compared">
				<table className="compare">
					<caption className="sr-only">
						Scenarios side by side; the best value of each measure (lowest one-off cost and exposure change, highest saving and NPV,
						earliest payback) is marked “best”
					</caption>
					<thead>
						<tr>
							<th scope="col">Measure</th>
							{scenarios.map(s => (
								<th key={s.id} scope="col">
									<Link to={`/scenarios/${s.id}`}>{s.name}</Link>
									<div className="small muted">{humanize(s.status)}</div>
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{measures.map(m => (
							<tr key={m.label}>
								<th scope="row">{m.label}</th>
								{rows.map((r, i) => (
									<td key={i} className={m.best && r.best[m.best] ? 'best' : undefined}>
										{m.cell(r)}
										{m.best && r.best[m.best] ? (
											<span className="best-tag">
												{' '}
												<span aria-hidden="true">★</span> best
											</span>
										) : null}
									</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
			</TableScroll>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Compare scenarios · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
