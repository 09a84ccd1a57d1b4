import { formatDate, formatInt, formatRmb, formatUsd, humanize } from '#app/utils/format.ts'
import { BAND_LABELS, DIMENSION_LABELS, DIMENSION_SHORT } from '#app/utils/labels.ts'
import { type boardView } from '#app/utils/snapshot.server.ts'
import { DIMENSIONS } from '#models/exposure/types.ts' // not the index: see models/overview.ts
import { formatScore } from './band.tsx'
import { lazyChart } from './lazy-chart.tsx'
import { TableScroll } from './table-scroll.tsx'

export type BoardData = Awaited<ReturnType<typeof boardView>>

const CAUSE_LABELS = {
	inputs: 'changed inputs',
	time: 'deadlines falling due',
	model: 'changed model version',
	rules: 'changed rules',
} as const

export function BoardKpis({ data }: { data: BoardData }) {
	const k = data.kpis
	const prev = data.trend.find(t => t.quarter === data.previousQuarter)
	const now = data.trend.find(t => t.quarter === data.quarter)
	const delta = (a?: number, b?: number) =>
		a === undefined || b === undefined
			? ''
			: a === b
				? ' (no change)'
				: ` (${b > a ? '+' : '−'}${formatInt(Math.abs(b - a))} since ${data.previousQuarter})`
	return (
		<section className="kpis" aria-label="Headline figures">
			<Kpi label="Business units" value={formatInt(k.units)} />
			<Kpi label="People in China" value={formatInt(k.peopleInChina)} />
			<Kpi
				label="Units at high or critical"
				value={formatInt((now?.critical ?? 0) + (now?.high ?? 0))}
				hint={delta(prev && prev.critical + prev.high, now && now.critical + now.high)}
				alert={(now?.critical ?? 0) > 0}
			/>
			<Kpi
				label="Flows lacking their mechanism"
				value={formatInt(k.flowsLackingMechanism)}
				hint={`of ${formatInt(k.flows)}${delta(prev?.flowsLackingMechanism, now?.flowsLackingMechanism)}`}
				alert={k.flowsLackingMechanism > 0}
			/>
			<Kpi
				label="Systems overdue (MLPS)"
				value={formatInt(k.systemsOverdue)}
				hint={`of ${formatInt(k.systems)}${delta(prev?.systemsOverdue, now?.systemsOverdue)}`}
				alert={k.systemsOverdue > 0}
			/>
			<Kpi
				label="Statutory penalty ceiling"
				value={formatRmb(k.penaltyMaxRmb, { compact: true })}
				hint={k.penaltyBasis ?? 'sum of each entity’s maximum fines'}
			/>
		</section>
	)
}

function Kpi({ label, value, hint, alert }: { label: string; value: string; hint?: string; alert?: boolean }) {
	return (
		<div className={`kpi${alert ? ' alert' : ''}`}>
			<div className="label">{label}</div>
			<div className="value">{value}</div>
			{hint ? <div className="hint">{hint}</div> : null}
		</div>
	)
}

const TrendDrawing = lazyChart(() => import('./charts/trend.tsx').then(m => m.TrendDrawing))

export function TrendChart({ data }: { data: BoardData['trend'] }) {
	return (
		<figure className="chart">
			<TrendDrawing data={data} width={680} height={240} />
			<figcaption className="legend">
				<span>
					<i className="swatch band-critical" aria-hidden="true" /> Critical units
				</span>
				<span>
					<i className="swatch band-high" aria-hidden="true" /> High units
				</span>
				<span>
					<i className="swatch band-medium" aria-hidden="true" /> Medium units
				</span>
				<span>
					<i className="swatch trend-mean" aria-hidden="true" /> Mean overall score (right axis)
				</span>
			</figcaption>
			<div className="trend-table" role="region" aria-label="Trend figures by quarter" tabIndex={0}>
				<table className="compact small">
					<caption className="sr-only">The same figures as a table</caption>
					<thead>
						<tr>
							<th scope="col">Quarter</th>
							<th scope="col">Model</th>
							<th scope="col" className="num">
								Critical
							</th>
							<th scope="col" className="num">
								High
							</th>
							<th scope="col" className="num">
								Mean score
							</th>
							<th scope="col" className="num">
								Flows lacking
							</th>
							<th scope="col" className="num">
								Systems overdue
							</th>
						</tr>
					</thead>
					<tbody>
						{data.map(t => (
							<tr key={t.quarter}>
								<td>{t.quarter}</td>
								<td>{t.modelLabel}</td>
								<td className="num">{t.critical}</td>
								<td className="num">{t.high}</td>
								<td className="num">{t.meanOverall.toFixed(1)}</td>
								<td className="num">{t.flowsLackingMechanism}</td>
								<td className="num">{t.systemsOverdue}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</figure>
	)
}

/** A quarter's label under the trend chart, or nothing for the quarters between labelled ones. */
/** How many units stand in each overall band: the whole group, whatever page of the heatmap is shown. */
export function BandCounts({ data }: { data: BoardData }) {
	const total = data.bandCounts.reduce((n, b) => n + b.units, 0)
	return (
		<p className="band-counts">
			{formatInt(total)} units by overall band:{' '}
			{data.bandCounts.map((b, i) => (
				<span key={b.band}>
					{i ? ' · ' : ''}
					<span className={`swatch band-${b.band}`} aria-hidden="true" />
					{BAND_LABELS[b.band]} {formatInt(b.units)}
				</span>
			))}
		</p>
	)
}

/** The frozen heatmap: colour and the band in words; no links (the live units may have changed since). */
export function FrozenHeatmap({ rows }: { rows: BoardData['heatmap']['rows'] }) {
	return (
		<TableScroll label="Exposure by business unit, as frozen" className="heatmap-wrap">
			<table className="heatmap">
				<caption className="sr-only">Exposure of each business unit by risk dimension, as frozen; highest overall first</caption>
				<thead>
					<tr>
						<th scope="col">Business unit</th>
						<th scope="col" className="heat-col">
							Overall
						</th>
						{DIMENSIONS.map(d => (
							<th key={d} scope="col" className="heat-col" title={DIMENSION_LABELS[d]}>
								{DIMENSION_SHORT[d]}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.length ? (
						rows.map(r => (
							<tr key={r.code}>
								<th scope="row">
									{r.name}
									<div className="muted small">
										{r.code} · {r.city}
									</div>
								</th>
								<td className={`heat band-${r.overall.band}`}>
									<span className="heat-band">{BAND_LABELS[r.overall.band]}</span>{' '}
									<span className="heat-score">{formatScore(r.overall.score)}</span>
								</td>
								{DIMENSIONS.map(d => (
									<td key={d} className={`heat band-${r.cells[d].band}`}>
										<span className="heat-band">{BAND_LABELS[r.cells[d].band]}</span>{' '}
										<span className="heat-score">{r.cells[d].band === 'none' ? '—' : r.cells[d].score}</span>
									</td>
								))}
							</tr>
						))
					) : (
						<tr>
							<td colSpan={2 + DIMENSIONS.length} className="muted">
								No unit matches these filters.
							</td>
						</tr>
					)}
				</tbody>
			</table>
		</TableScroll>
	)
}

export function Movers({ data }: { data: BoardData }) {
	if (!data.attribution) return <p className="muted">This is the first frozen quarter: there is nothing to compare it with.</p>
	const a = data.attribution
	const totals = Object.entries(a.totals).filter(([, v]) => v !== 0)
	return (
		<>
			<p>
				Against {a.from.quarter} (model {a.from.modelLabel}
				{a.modelChanged ? `, now ${a.to.modelLabel}` : ''}):{' '}
				{totals.length
					? totals
							.map(
								([c, v]) =>
									`${v > 0 ? '+' : '−'}${Math.abs(Math.round(v * 10) / 10)} points from ${CAUSE_LABELS[c as keyof typeof CAUSE_LABELS]}`,
							)
							.join(', ')
					: 'no score moved'}
				.{a.rulesChanged ? ' The scoring rules changed between the two quarters.' : ''}
			</p>
			{data.movers.length ? (
				<ol className="movers">
					{data.movers.map(m => (
						<li key={`${m.unitCode}-${m.dimension}`}>
							<div className="mover-head">
								<strong>{m.unitName}</strong> · {DIMENSION_LABELS[m.dimension]}: {BAND_LABELS[m.from.band]} {m.from.score} →{' '}
								{BAND_LABELS[m.to.band]} {m.to.score}{' '}
								<span className={m.delta < 0 ? 'arrow better' : 'arrow worse'} aria-label={m.delta < 0 ? 'better' : 'worse'}>
									{m.delta < 0 ? '↓' : '↑'}
								</span>
							</div>
							<div className="small">
								Why: {CAUSE_LABELS[m.primaryCause]}
								{Object.entries(m.causes)
									.filter(([c, v]) => v !== 0 && c !== m.primaryCause)
									.map(([c, v]) => `; ${v > 0 ? '+' : '−'}${Math.abs(v)} from ${CAUSE_LABELS[c as keyof typeof CAUSE_LABELS]}`)
									.join('')}
								.
							</div>
							{m.primaryCause === 'inputs' && a.moverChanges[m.unitCode]?.length ? (
								<ul className="small">
									{a.moverChanges[m.unitCode]!.map((t, i) => (
										<li key={i}>{t}</li>
									))}
								</ul>
							) : null}
							{m.findingsAdded.length ? <div className="small muted">New: {m.findingsAdded.join('; ')}</div> : null}
							{m.findingsResolved.length ? <div className="small muted">Resolved: {m.findingsResolved.join('; ')}</div> : null}
						</li>
					))}
				</ol>
			) : (
				<p className="muted">No unit’s score moved.</p>
			)}
			{a.unitsAdded.named.length || a.unitsRemoved.named.length ? (
				<p className="small">
					{a.unitsAdded.named.length ? `Added: ${unitList(a.unitsAdded)}. ` : ''}
					{a.unitsRemoved.named.length ? `Removed: ${unitList(a.unitsRemoved)}.` : ''}
				</p>
			) : null}
			{a.settingsChanges.length ? (
				<details className="small">
					<summary>Model settings that changed ({a.settingsChanges.length})</summary>
					<ul>
						{a.settingsChanges.map(s => (
							<li key={s.path}>
								{s.path}: {JSON.stringify(s.from)} → {JSON.stringify(s.to)}
							</li>
						))}
					</ul>
				</details>
			) : null}
		</>
	)
}

const unitList = ({ named, more }: { named: string[]; more: number }) => `${named.join(', ')}${more ? ` and ${formatInt(more)} more` : ''}`

export function Decisions({ data }: { data: BoardData }) {
	return data.decisions.length ? (
		<ul className="plain stack">
			{data.decisions.map((d, i) => (
				<li key={i}>
					<strong>{d.scenario}</strong>: {humanize(d.status)} on {formatDate(d.decidedAt)}
					{d.decidedBy ? ` by ${d.decidedBy}` : ''}
					{d.comment ? <div className="small">“{d.comment}”</div> : null}
					<DecisionFiguresLine decision={d} />
				</li>
			))}
		</ul>
	) : (
		<p className="muted">No relocation scenario was decided this quarter.</p>
	)
}

/** The figures frozen with a decision (its record), never a recomputation on today's inventory. */
export function DecisionFiguresLine({ decision: d }: { decision: BoardData['decisions'][number] }) {
	return d.figures ? (
		<div className="small decision-figures">
			As decided: {formatInt(d.figures.headcount)} people; one-off {formatUsd(d.figures.oneOffUsd)}, saving{' '}
			{formatUsd(d.figures.annualSavingUsd)} a year, NPV {formatUsd(d.figures.npvUsd)}, payback {d.figures.paybackLabel ?? 'never'};
			exposure change {d.figures.exposureScoreDelta > 0 ? '+' : ''}
			{d.figures.exposureScoreDelta} ({d.figures.bandsImproved} bands improved, {d.figures.bandsWorsened} worsened). Frozen record{' '}
			<code>{d.figures.recordHash.slice(0, 12)}…</code>
		</div>
	) : (
		<div className="small muted">Decided before decisions were frozen with their figures.</div>
	)
}

export function Integrity({ data }: { data: BoardData }) {
	return (
		<dl className="integrity small">
			<dt>Scored as of</dt>
			<dd>{formatDate(data.asOf)}</dd>
			<dt>Frozen</dt>
			<dd>{data.frozenAt.replace('T', ' ').replace('Z', ' UTC')}</dd>
			<dt>Model version</dt>
			<dd>
				{data.modelLabel} (rules {data.rulesVersion})
			</dd>
			<dt>Content hash (SHA-256)</dt>
			<dd>
				<code>{data.contentHash}</code>
			</dd>
			<dt>Previous snapshot’s hash</dt>
			<dd>
				<code>{data.prevHash ?? 'none: the first snapshot'}</code>
			</dd>
		</dl>
	)
}
