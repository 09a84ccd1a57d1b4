import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BandCounts, type BoardData, BoardKpis, Decisions, FrozenHeatmap, Integrity, Movers, TrendChart } from '#app/components/board.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar } from '#app/components/filter-bar.tsx'
import { Pager } from '#app/components/pager.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requireListQuery } from '#app/utils/list-query.server.ts'
import { boardView, requireQuarter } from '#app/utils/snapshot.server.ts'
import { HEATMAP_SPEC } from '#models/overview.ts'

// The board view of a frozen quarter (?compare=2025-Q2 compares with any other frozen quarter). The heatmap is
// paged and filtered in the URL like the overview's (?page=2, ?band=critical, ?q=…): a page of 50 units, highest
// overall score first, under counts of all units by band.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'snapshots:read')
	const quarter = requireQuarter(params.quarter)
	const compare = new URL(request.url).searchParams.get('compare')
	const heatmap = requireListQuery(request, HEATMAP_SPEC)
	const data = await boardView(getDb(), quarter, compare ? requireQuarter(compare, 'compare') : undefined, heatmap)
	return json(data)
}

export default function SnapshotRoute() {
	const data = useLoaderData<typeof loader>() as unknown as BoardData
	const others = data.quarters.filter(q => q !== data.quarter)
	return (
		<>
			<p className="no-print small">
				<Link to="/snapshots">← All quarters</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>{data.quarter}: exposure in China</h1>
					<p>
						Frozen snapshot, scored as of {data.asOf} under model {data.modelLabel}. Nothing on this page changes after the freeze.
					</p>
				</div>
				<div className="page-actions no-print">
					<Link className="button" to={`/snapshots/${data.quarter}/pack`}>
						Board pack
					</Link>
					{/* Printed by a background job (its page shows the progress, then the download); /pack.pdf prints while one waits. */}
					<Form method="post" action="/jobs" className="inline-form">
						<input type="hidden" name="kind" value="pack.print" />
						<input type="hidden" name="quarter" value={data.quarter} />
						<button className="primary" type="submit">
							Print PDF
						</button>
					</Form>
				</div>
			</div>
			<BoardKpis data={data} />
			<div className="two-col">
				<section className="card" aria-labelledby="movers-h">
					<h2 id="movers-h">What moved since {data.previousQuarter ?? 'the previous quarter'}, and why</h2>
					{others.length ? (
						<Form method="get" className="inline-form no-print">
							<label htmlFor="compare">Compare with</label>
							<select id="compare" name="compare" defaultValue={data.previousQuarter ?? ''}>
								{others.map(q => (
									<option key={q}>{q}</option>
								))}
							</select>
							<button type="submit">Compare</button>
						</Form>
					) : null}
					<Movers data={data} />
				</section>
				<div>
					<section className="card" aria-labelledby="trend-h">
						<h2 id="trend-h">Over all quarters</h2>
						<TrendChart data={data.trend} />
					</section>
					<section className="card" aria-labelledby="decisions-h">
						<h2 id="decisions-h">Decisions this quarter</h2>
						<Decisions data={data} />
					</section>
				</div>
			</div>
			<section className="card" aria-labelledby="heat-h" id="heatmap">
				<h2 id="heat-h">Heatmap, as frozen</h2>
				<BandCounts data={data} />
				<FilterBar
					keep={['compare']}
					filters={[
						{ name: 'segment', label: 'Segment', options: HEATMAP_SPEC.filters.segment },
						{ name: 'city', label: 'City', options: HEATMAP_SPEC.filters.city, optionLabel: v => v },
						{ name: 'band', label: 'Overall band', options: HEATMAP_SPEC.filters.band },
					]}
				/>
				<FrozenHeatmap rows={data.heatmap.rows} />
				<Pager page={data.heatmap.page} pageSize={data.heatmap.pageSize} total={data.heatmap.total} noun="Units" anchor="heatmap" />
			</section>
			<div className="two-col">
				<section className="card" aria-labelledby="dq-h">
					<h2 id="dq-h">Assumptions and data quality</h2>
					<ul>
						{data.dataQuality.map((n, i) => (
							<li key={i}>{n}</li>
						))}
						<li>Penalty figures are statutory maxima per legal entity, summed: an upper bound, not an expected loss.</li>
					</ul>
				</section>
				<section className="card" aria-labelledby="integrity-h">
					<h2 id="integrity-h">Integrity</h2>
					<Integrity data={data} />
				</section>
			</div>
		</>
	)
}

export const meta: MetaFunction = ({ params }) => [{ title: `${params.quarter} · Snapshots · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
