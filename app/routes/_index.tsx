import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar } from '#app/components/filter-bar.tsx'
import { FlowSankey } from '#app/components/flow-sankey.tsx'
import { Heatmap } from '#app/components/heatmap.tsx'
import { RiskMatrix } from '#app/components/risk-matrix.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getScoredPortfolioAndVersions, overviewPage } from '#app/utils/exposure.server.ts'
import { formatDate, formatInt, formatRmb } from '#app/utils/format.ts'
import { requireListQuery } from '#app/utils/list-query.server.ts'
import { HEATMAP_SPEC, packSankey, type PackedSankey, unpackSankey } from '#models/overview.ts'
import { loadRegister } from '#app/utils/obligations.server.ts'
import { dueWithin } from '#models/obligations/register.ts'
import { forecastCrossingsThisYear } from '#models/obligations/forecast.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'overview:read')
	const query = requireListQuery(request, HEATMAP_SPEC)
	const db = getDb()
	// One query for the versions both panels depend on; when warm, nothing else is read.
	const versions = await getScoredPortfolioAndVersions(db)
	const [page, register] = await Promise.all([overviewPage(db, query, versions.scored), loadRegister(db, versions)])
	const due = dueWithin(register.rows, 90)
	return json({
		...page,
		sankey: packSankey(page.sankey),
		// Only what the page shows of each duty and crossing: the register's rows carry sources and notes it does not print.
		due: {
			total: due.length,
			overdue: due.filter(r => r.overdue).length,
			rows: due.slice(0, 8).map(({ key, unitId, unitCode, duty, dueOn, overdue }) => ({ key, unitId, unitCode, duty, dueOn, overdue })),
		},
		crossings: forecastCrossingsThisYear(register.forecasts).map(
			({ unitId, unitCode, threshold, label, forecastOn, mechanismLabel, startNow, leadTimeDays }) => ({
				unitId,
				unitCode,
				threshold,
				label,
				forecastOn,
				mechanismLabel,
				startNow,
				leadTimeDays,
			}),
		),
	})
}

export default function OverviewRoute() {
	const { kpis, heatmap, matrix, matrixBands, sankey, query, asOf, modelLabel, due, crossings } = useLoaderData<typeof loader>()
	const pages = Math.max(1, Math.ceil(heatmap.total / query.pageSize))
	const flows = useMemo(() => unpackSankey(sankey as PackedSankey), [sankey])
	return (
		<>
			<div className="page-head">
				<div>
					<h1>China exposure overview</h1>
					<p>
						As of {formatDate(asOf)} · scoring model {modelLabel}
					</p>
				</div>
			</div>
			<section className="kpis" aria-label="Headline figures">
				<Kpi
					label="Business units"
					value={formatInt(kpis.units)}
					hint={kpis.unitsIncomplete ? `⚠ ${formatInt(kpis.unitsIncomplete)} incomplete: consumer data, nothing recorded` : undefined}
					alert={!!kpis.unitsIncomplete}
				/>
				<Kpi label="People in China" value={formatInt(kpis.peopleInChina)} />
				<Kpi
					label="Flows lacking their required mechanism"
					value={formatInt(kpis.flowsLackingMechanism)}
					hint={`of ${formatInt(kpis.flows)} flows leaving China`}
					alert={kpis.flowsLackingMechanism > 0}
					to="/flows?status=lacking"
				/>
				<Kpi
					label="Systems overdue for MLPS filing or assessment"
					value={formatInt(kpis.systemsOverdue)}
					hint={`of ${formatInt(kpis.systems)} systems`}
					alert={kpis.systemsOverdue > 0}
					to="/systems?overdue=yes"
				/>
				<Kpi
					label="Statutory penalty ceiling"
					value={formatRmb(kpis.penaltyMaxRmb, { compact: true })}
					hint={`${kpis.penaltyBasis ?? 'the sum of each entity’s maximum fines'}${kpis.penaltyUnverified ? ' Includes unverified amounts.' : ''}`}
				/>
			</section>

			<div className="overview-grid">
				<section className="card" aria-labelledby="matrix-h">
					<h2 id="matrix-h">Risk matrix</h2>
					<p className="muted small">Units by the likelihood and impact of their worst dimension. Select a count to list them.</p>
					<div className="matrix-block">
						<span className="y-label">Likelihood →</span>
						<RiskMatrix counts={matrix} bands={matrixBands} activeCell={query.filters.cell} />
					</div>
				</section>
				<section className="card" aria-labelledby="sankey-h">
					<h2 id="sankey-h">Personal information leaving China</h2>
					<FlowSankey data={flows} />
				</section>
			</div>

			<div className="overview-grid obligations-grid">
				<section className="card" aria-labelledby="due-h">
					<h2 id="due-h">Due in the next 90 days</h2>
					<p className="muted small">
						{formatInt(due.total)} open duties, {formatInt(due.overdue)} of them overdue.{' '}
						<Link discover="none" to="/obligations?within=90">
							See them all
						</Link>
					</p>
					<ul className="due-list">
						{due.rows.map(r => (
							<li key={r.key}>
								<span className={r.overdue ? 'status-gap' : undefined}>
									{r.overdue ? `Overdue since ${formatDate(r.dueOn)}` : formatDate(r.dueOn)}
								</span>{' '}
								·{' '}
								<Link discover="none" to={`/units/${r.unitId}`}>
									{r.unitCode}
								</Link>{' '}
								· {r.duty}
							</li>
						))}
					</ul>
				</section>
				<section className="card" aria-labelledby="crossings-h">
					<h2 id="crossings-h">Threshold crossings forecast this year</h2>
					{crossings.length ? (
						<ul className="due-list">
							{crossings.map(c => (
								<li key={`${c.unitCode}-${c.threshold}`}>
									{formatDate(c.forecastOn)} ·{' '}
									<Link discover="none" to={`/units/${c.unitId}#forecast-h`}>
										{c.unitCode}
									</Link>{' '}
									crosses {c.label}: {c.mechanismLabel}
									{c.startNow ? <span className="start-now"> · start now (lead time {c.leadTimeDays} days)</span> : null}
								</li>
							))}
						</ul>
					) : (
						<p className="muted">No exporter is forecast to cross a threshold before 31 December.</p>
					)}
				</section>
			</div>

			<section aria-labelledby="heatmap-h" id="heatmap">
				<h2 id="heatmap-h">Exposure by business unit</h2>
				<FilterBar
					filters={[
						{ name: 'segment', label: 'Segment', options: HEATMAP_SPEC.filters.segment },
						{ name: 'city', label: 'City', options: HEATMAP_SPEC.filters.city, optionLabel: v => v },
						{ name: 'band', label: 'Overall band', options: HEATMAP_SPEC.filters.band },
					]}
				/>
				{query.filters.cell ? (
					<p className="notice warn">
						Showing units at likelihood {query.filters.cell.split('-')[0]}, impact {query.filters.cell.split('-')[1]}.{' '}
						<Link discover="none" to="?#heatmap">
							Show all
						</Link>
					</p>
				) : null}
				<Heatmap rows={heatmap.rows} sort={query.sort} desc={query.desc} />
				<nav className="pager" aria-label="Heatmap pages">
					<span className="muted">
						{formatInt(heatmap.total)} units{pages > 1 ? ` · page ${query.page} of ${pages}` : ''}
					</span>
					{pages > 1 ? (
						<span>
							{query.page > 1 ? <PageLink page={query.page - 1}>← Previous</PageLink> : null}{' '}
							{query.page < pages ? <PageLink page={query.page + 1}>Next →</PageLink> : null}
						</span>
					) : null}
				</nav>
			</section>
		</>
	)
}

// Links here say discover="none": route discovery is not lazy in this app (remix.config.js), so the attribute the
// default adds to each link (data-discover) only weighed the page.
function PageLink({ page, children }: { page: number; children: string }) {
	const [current] = useSearchParams()
	const params = new URLSearchParams(current)
	params.set('page', String(page))
	return (
		<Link discover="none" to={`?${params}#heatmap`}>
			{children}
		</Link>
	)
}

function Kpi({ label, value, hint, alert, to }: { label: string; value: string; hint?: string; alert?: boolean; to?: string }) {
	return (
		<div className={`kpi${alert ? ' alert' : ''}`}>
			<div className="label">{label}</div>
			<div className="value">
				{to ? (
					<Link discover="none" to={to}>
						{value}
					</Link>
				) : (
					value
				)}
			</div>
			{hint ? <div className="hint">{hint}</div> : null}
		</div>
	)
}

export const meta: MetaFunction = () => [{ title: 'Overview · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
