import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BandCounts, type BoardData, BoardKpis, Decisions, FrozenHeatmap, Integrity, Movers, TrendChart } from '#app/components/board.tsx'
import { DueNextQuarter, ForecastCrossings } from '#app/components/board-obligations.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ExecutiveSummary } from '#app/components/executive-summary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { formatInt } from '#app/utils/format.ts'
import { boardView, PACK_HEATMAP, requireQuarter } from '#app/utils/snapshot.server.ts'

// The board pack: the quarter as an A4 document. The same page prints from the browser and is what
// the PDF download renders in headless Chromium (see docs/decisions/005-board-pack-pdf.md). Its heatmap lists the
// PACK_UNITS units with the highest overall scores under counts of every unit by band: a large group's pack stays a
// few pages long, and the snapshot page lists every unit.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'snapshots:read')
	return json(await boardView(getDb(), requireQuarter(params.quarter), undefined, PACK_HEATMAP))
}

const SECTIONS = [
	['executive-summary', 'Executive summary'],
	['summary', 'Headline figures'],
	['movers', 'What moved, and why'],
	['heatmap', 'Heatmap'],
	['trend', 'Exposure over the quarters'],
	['decisions', 'Decisions this quarter'],
	['due', 'Due next quarter'],
	['crossings', 'Forecast threshold crossings'],
	['notes', 'Assumptions and data quality'],
	['integrity', 'Integrity of this snapshot'],
] as const

export default function BoardPackRoute() {
	const data = useLoaderData<typeof loader>() as unknown as BoardData
	return (
		<article className="pack">
			<p className="no-print pack-toolbar">
				<Link to={`/snapshots/${data.quarter}`}>← Back to {data.quarter}</Link>
				<a className="button primary" href={`/snapshots/${data.quarter}/pack.pdf`} download>
					Download PDF
				</a>
				<span className="small muted">or print this page (A4).</span>
			</p>
			<header className="pack-cover">
				<p className="pack-kicker">Board pack · confidential</p>
				<h1>China regulatory exposure</h1>
				<p className="pack-quarter">{data.quarter}</p>
				<p>
					Scored as of {formatDate(data.asOf)} under model version {data.modelLabel}; frozen {data.frozenAt.slice(0, 10)}.
				</p>
				<p className="small">
					Snapshot hash <code>{data.contentHash}</code>
				</p>
				<nav className="pack-contents" aria-label="Contents">
					<h2>Contents</h2>
					<ol>
						{SECTIONS.map(([id, title]) => (
							<li key={id}>
								<a href={`#${id}`}>{title}</a>
							</li>
						))}
					</ol>
				</nav>
			</header>
			<ExecutiveSummary data={data} />
			<section id="summary" className="pack-section page-break">
				<h2>1. Headline figures</h2>
				<BoardKpis data={data} />
			</section>
			<section id="movers" className="pack-section">
				<h2>2. What moved, and why</h2>
				<Movers data={data} />
			</section>
			<section id="heatmap" className="pack-section page-break">
				<h2>3. Heatmap</h2>
				<BandCounts data={data} />
				{data.heatmap.total > data.heatmap.rows.length ? (
					<p className="small">
						The {formatInt(data.heatmap.rows.length)} units with the highest overall scores, of {formatInt(data.heatmap.total)}; every unit
						is on the snapshot page in the dashboard.
					</p>
				) : null}
				<FrozenHeatmap rows={data.heatmap.rows} />
			</section>
			<section id="trend" className="pack-section page-break">
				<h2>4. Exposure over the quarters</h2>
				<TrendChart data={data.trend} />
			</section>
			<section id="decisions" className="pack-section">
				<h2>5. Decisions this quarter</h2>
				<Decisions data={data} />
			</section>
			<section id="due" className="pack-section page-break">
				<h2>6. Due next quarter</h2>
				<DueNextQuarter data={data} />
			</section>
			<section id="crossings" className="pack-section">
				<h2>7. Forecast threshold crossings</h2>
				<ForecastCrossings data={data} />
			</section>
			<section id="notes" className="pack-section">
				<h2>8. Assumptions and data quality</h2>
				<ul>
					{data.dataQuality.map((n, i) => (
						<li key={i}>{n}</li>
					))}
					<li>Penalty figures are statutory maxima per legal entity, summed: an upper bound, not an expected loss.</li>
					<li>Scores follow the model version named above; its weights and thresholds are data, recorded in the snapshot.</li>
				</ul>
			</section>
			<section id="integrity" className="pack-section">
				<h2>9. Integrity of this snapshot</h2>
				<Integrity data={data} />
				<p className="small">
					Anyone with database access can re-check this pack: <code>npm run snapshots:verify</code> recomputes every hash and the chain, and
					re-scores each quarter from its frozen inputs.
				</p>
			</section>
		</article>
	)
}

export const meta: MetaFunction = ({ params }) => [{ title: `Board pack ${params.quarter} · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
