import { BandBadge } from '#app/components/band.tsx'
import { formatDate, formatInt, formatRmb, formatUsd, humanize } from '#app/utils/format.ts'
import { DIMENSION_SHORT, MECHANISM_LABELS } from '#app/utils/labels.ts'
import { type CityAverageWage } from '#models/domain.ts'
import { DIMENSIONS } from '#models/exposure/index.ts'
import { type ScenarioResult, type ScenarioUncertainty } from '#models/scenario/index.ts'
import { CashChart, CostWaterfall } from './scenario-charts.tsx'
import { TableScroll } from './table-scroll.tsx'

const usd = (n: number) => formatUsd(n)
const big = (n: number) => formatUsd(n, { compact: true })
const monthOf = (r: ScenarioResult) => (r.paybackMonth === null ? 'Not within the horizon' : `Month ${r.paybackMonth} (${r.paybackLabel})`)

/**
 * Every figure of a scenario run, in the order a strategy team reads them. Where they are recomputed in the browser,
 * `status` says what they wait for or rest on (empty when nothing; its line is always there, so nothing jumps),
 * `busy` dims them until it arrives, and `uncertaintyPending` marks the Monte Carlo bands as not yet recomputed.
 */
export function ScenarioResults(props: {
	result: ScenarioResult
	uncertainty: ScenarioUncertainty | null
	uncertaintyPending?: boolean
	status?: string
	busy?: boolean
	/** The cities' published average wages (the cap's row first per city), shown with source and year. */
	wages?: ReadonlyArray<CityAverageWage & { usedForCap: boolean }>
}) {
	const { result, uncertainty, uncertaintyPending, status, busy, wages } = props
	const changed = new Map<number, ScenarioResult['exposure']['diff']>()
	for (const d of result.exposure.diff) if (d.delta !== 0) changed.set(d.unitId, [...(changed.get(d.unitId) ?? []), d])
	const diffUnits = result.exposure.before.units.filter(u => changed.has(u.unitId) || result.lines.some(l => l.unitId === u.unitId))
	const after = new Map(result.exposure.after.units.map(u => [u.unitId, u]))
	return (
		<div className="scenario-results" aria-live="polite" aria-busy={busy || undefined}>
			{status === undefined ? null : (
				<p className="results-status small muted" role="status">
					{status}
				</p>
			)}
			<section className="kpis" aria-label="Headline figures" aria-busy={uncertaintyPending || undefined}>
				<Kpi
					label="One-off cost"
					value={big(result.oneOff.total)}
					exact={usd(result.oneOff.total)}
					hint={
						uncertainty
							? `P10–P90 ${formatUsd(uncertainty.oneOffUsd.p10, { compact: true })} – ${formatUsd(uncertainty.oneOffUsd.p90, { compact: true })}`
							: undefined
					}
				/>
				<Kpi
					label="Annual saving (run-rate)"
					value={big(result.annualSavingUsd)}
					exact={usd(result.annualSavingUsd)}
					hint={`China ${formatUsd(result.annualChinaCostUsd, { compact: true })} → destination ${formatUsd(result.annualDestinationCostUsd, { compact: true })}`}
					alert={result.annualSavingUsd < 0}
				/>
				<Kpi
					label={`NPV over ${result.horizonMonths / 12} years`}
					value={big(result.npvUsd)}
					exact={usd(result.npvUsd)}
					hint={
						uncertainty
							? `P10 ${formatUsd(uncertainty.npvUsd.p10, { compact: true })} · P50 ${formatUsd(uncertainty.npvUsd.p50, { compact: true })} · P90 ${formatUsd(uncertainty.npvUsd.p90, { compact: true })}`
							: undefined
					}
					alert={result.npvUsd < 0}
				/>
				<Kpi
					label="Payback"
					value={result.paybackMonth === null ? 'Never' : `${result.paybackLabel}`}
					hint={
						uncertainty
							? `P10–P90 month ${uncertainty.paybackMonth.p10 ?? '—'} to ${uncertainty.paybackMonth.p90 ?? 'never'}; ${Math.round(uncertainty.neverPaysBackShare * 100)}% of runs never`
							: monthOf(result)
					}
				/>
				<Kpi
					label="New transfers created"
					value={formatInt(result.newTransfers.length)}
					hint={
						result.newTransfers.length
							? result.newTransfers.map(t => MECHANISM_LABELS[t.requirement.mechanism] ?? humanize(t.requirement.mechanism)).join(', ')
							: 'none'
					}
					alert={result.newTransfers.length > 0}
				/>
				<Kpi
					label="Exposure change"
					value={`${result.exposure.totals.scoreDelta > 0 ? '+' : ''}${result.exposure.totals.scoreDelta}`}
					hint={`${result.exposure.totals.bandsImproved} bands better, ${result.exposure.totals.bandsWorsened} worse`}
					alert={result.exposure.totals.bandsWorsened > 0}
				/>
			</section>

			{result.issues.length ? (
				<div className="notice warn" role="status">
					<strong>Check these inputs:</strong>
					<ul>
						{result.issues.map((i, k) => (
							<li key={k}>
								{i.severity === 'error' ? 'Error: ' : ''}
								{i.message}
							</li>
						))}
					</ul>
				</div>
			) : null}

			<div className="two-col">
				<section className="card" aria-labelledby="oneoff-h">
					<h2 id="oneoff-h">One-off costs</h2>
					<CostWaterfall oneOff={result.oneOff} />
				</section>
				<section className="card" aria-labelledby="cash-h">
					<h2 id="cash-h">Cumulative cash</h2>
					<CashChart result={result} uncertainty={uncertainty} />
				</section>
			</div>

			<section className="card" aria-labelledby="lines-h">
				<h2 id="lines-h">Severance and savings per staffing line</h2>
				<TableScroll label="Severance and savings per staffing line">
					<table className="compact">
						<thead>
							<tr>
								<th scope="col">Line</th>
								<th scope="col">Move</th>
								<th scope="col" className="num">
									People
								</th>
								<th scope="col" className="num">
									Leave first
									<div className="th-help">resign before the date, no severance</div>
								</th>
								<th scope="col" className="num">
									Years counted
								</th>
								<th scope="col" className="num">
									Severance per head
								</th>
								<th scope="col" className="num">
									Notice in lieu
								</th>
								<th scope="col" className="num">
									Premium
								</th>
								<th scope="col" className="num">
									One-off (USD)
								</th>
								<th scope="col" className="num">
									Saving a year (USD)
								</th>
							</tr>
						</thead>
						<tbody>
							{result.lines.map(l => (
								<tr key={l.moveIndex}>
									<td>
										{l.staffingLineCode}
										<div className="small muted">
											{l.unitCode} · {humanize(l.function)} · {l.city}
										</div>
									</td>
									<td>
										{l.kind === 'cut' ? 'Cut' : `${l.destination} (${l.destinationCountry})`}
										<div className="small muted">
											{l.startQuarter} · {l.route === 'art41_mass_layoff' ? 'art. 41' : 'art. 40'}
											{l.destinationCostEvidence === 'estimate' ? ' · cost is an estimate' : ''}
										</div>
									</td>
									<td className="num">{formatInt(l.headcount)}</td>
									<td className="num">{formatInt(l.leavers)}</td>
									<td className="num">
										{l.severance.yearsCounted}
										{l.severance.capped ? ' (capped)' : ''}
									</td>
									<td className="num">{formatRmb(l.severance.perHeadRmb.statutory)}</td>
									<td className="num">{l.severance.noticeInLieuPaid ? formatRmb(l.severance.perHeadRmb.noticeInLieu) : '—'}</td>
									<td className="num">{formatRmb(l.severance.perHeadRmb.premium)}</td>
									<td className="num">{usd(l.oneOffUsd.total)}</td>
									<td className="num">{usd(l.annualSavingUsd)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
				<p className="small muted">
					Severance per Labour Contract Law art. 47: a month’s wage per year of service (six months or more counts as a year), capped at
					three times the city’s average wage and twelve years for high earners. Figures per head in RMB at the effective date. “Leave
					first” is the people expected to resign of their own accord before the effective date (the attrition assumption): they are not
					replaced and get no severance, so severance is paid on the rest.
				</p>
				{wages ? <CapWages wages={wages} cities={[...new Set(result.lines.map(l => l.city))]} /> : null}
			</section>

			<section className="card" aria-labelledby="art41-h">
				<h2 id="art41-h">Mass layoff (Labour Contract Law art. 41)</h2>
				{result.massLayoff.length ? (
					<ul className="plain stack">
						{result.massLayoff.map(m => (
							<li key={m.unitId}>
								<strong>{m.unitName}</strong>: {m.applies ? 'the procedure applies' : 'the procedure does not apply'}. {m.why}
								{m.applies && m.earliestEffectiveDateFromAsOf
									? ` Announced today, the earliest effective date is ${formatDate(m.earliestEffectiveDateFromAsOf)}.`
									: ''}
							</li>
						))}
					</ul>
				) : (
					<p className="muted">No roles leave a unit in this scenario.</p>
				)}
			</section>

			<section className="card" aria-labelledby="timeline-h">
				<h2 id="timeline-h">Timeline</h2>
				<TableScroll label="Timeline">
					<table className="compact">
						<thead>
							<tr>
								<th scope="col">Line</th>
								<th scope="col">Announced</th>
								<th scope="col">Consultation ends</th>
								<th scope="col">Union told the reasons (art. 43)</th>
								<th scope="col">Team hired</th>
								<th scope="col">Dual running ends</th>
								<th scope="col">China contracts end</th>
							</tr>
						</thead>
						<tbody>
							{result.timeline.map(t => (
								<tr key={t.moveIndex}>
									<td>{t.staffingLineCode}</td>
									<td>{formatDate(t.noticeStart)}</td>
									<td>{formatDate(t.consultationEnd)}</td>
									<td>{t.unionNotifiedBy ? `by ${formatDate(t.unionNotifiedBy)}` : 'in the art. 41 explanation'}</td>
									<td>{formatDate(t.hiringDone)}</td>
									<td>{formatDate(t.dualRunningEnd)}</td>
									<td>{formatDate(t.effective)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
				{result.timeline
					.filter(t => t.techExport)
					.map(t => (
						<p key={t.moveIndex} className="notice warn small">
							<strong>
								{t.staffingLineCode}: {t.techExport!.step}.
							</strong>{' '}
							{t.techExport!.note} Source: {t.techExport!.source.instrument}, {t.techExport!.source.article}
							{t.techExport!.source.verified ? '' : ' (⚠ review periods not verified against the primary text)'}.
							{t
								.techExport!.systems.filter(s => s.catalogue)
								.map(
									s => ` ${s.code}: ${s.catalogue!.name}, ${s.catalogue!.covers}${s.catalogue!.verified ? '' : ' (⚠ item not verified)'}.`,
								)
								.join('')}
						</p>
					))}
			</section>

			<section className="card" aria-labelledby="diff-h">
				<h2 id="diff-h">Exposure before and after</h2>
				{diffUnits.length ? (
					<TableScroll label="Exposure before and after">
						<table className="heatmap diff">
							<caption className="sr-only">Each affected unit's band per dimension, before and after the moves</caption>
							<thead>
								<tr>
									<th scope="col">Unit</th>
									{DIMENSIONS.map(d => (
										<th key={d} scope="col" className="heat-col">
											{DIMENSION_SHORT[d]}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{diffUnits.map(u => (
									<tr key={u.unitId}>
										<th scope="row">{u.unitName}</th>
										{DIMENSIONS.map(d => {
											const b = u.dimensions[d]
											const a = after.get(u.unitId)!.dimensions[d]
											const delta = a.score - b.score
											return (
												<td key={d} className="diff-cell">
													<BandBadge band={b.band} score={b.score} />
													<span
														aria-label={delta === 0 ? 'unchanged' : delta < 0 ? 'better' : 'worse'}
														className={`arrow ${delta < 0 ? 'better' : delta > 0 ? 'worse' : ''}`}
													>
														{delta === 0 ? '=' : delta < 0 ? '↓' : '↑'}
													</span>
													<BandBadge band={a.band} score={a.score} />
												</td>
											)
										})}
									</tr>
								))}
							</tbody>
						</table>
					</TableScroll>
				) : (
					<p className="muted">No unit’s exposure changes.</p>
				)}
			</section>

			<section className="card" aria-labelledby="transfers-h">
				<h2 id="transfers-h">New cross-border transfers the move creates</h2>
				{result.newTransfers.length ? (
					<TableScroll label="New cross-border transfers">
						<table className="compact">
							<thead>
								<tr>
									<th scope="col">From</th>
									<th scope="col">To</th>
									<th scope="col">Data</th>
									<th scope="col">Mechanism required</th>
									<th scope="col">Destination’s privacy regime</th>
								</tr>
							</thead>
							<tbody>
								{result.newTransfers.map(t => (
									<tr key={t.moveIndex}>
										<td>
											{t.unitCode}
											<div className="small muted">{t.staffingLineCode}</div>
										</td>
										<td>
											{t.destinationCity} ({t.destinationCountry})
											<div className="small muted">
												{t.dataHandling === 'remote_access' ? 'data stays in China, reached from abroad' : 'data migrates with the roles'}
											</div>
										</td>
										<td className="small">
											PI {t.flow.personalInfoIndividuals === null ? 'unknown' : formatInt(t.flow.personalInfoIndividuals)}, sensitive{' '}
											{t.flow.sensitivePersonalInfoIndividuals === null ? 'unknown' : formatInt(t.flow.sensitivePersonalInfoIndividuals)}
											{t.flow.includesImportantData ? ', important data' : ''}
											<div className="muted">{t.basis.personalInfoIndividuals}</div>
										</td>
										<td>
											<strong>{MECHANISM_LABELS[t.requirement.mechanism] ?? humanize(t.requirement.mechanism)}</strong>
											<div className="small">{t.requirement.articles.join(', ')} of the CAC Provisions 2024</div>
											<div className="small muted">{t.requirement.reasons.join(' ')}</div>
											{t.localisation.issue ? <div className="small warn-text">Localisation: {t.localisation.reason}</div> : null}
										</td>
										<td className="small">
											{t.privacyLaw}
											<div className="muted clamp-3" title={t.privacyCrossBorder}>
												{t.privacyCrossBorder}
											</div>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</TableScroll>
				) : (
					<p className="muted">None: no role moved abroad keeps reaching data held in China, and no data moves out.</p>
				)}
				<RaisedFlows transfers={result.newTransfers} />
			</section>

			<details className="card small">
				<summary>How these figures are computed</summary>
				<ul>
					{result.notes.map((n, i) => (
						<li key={i}>{n}</li>
					))}
				</ul>
			</details>
		</div>
	)
}

function Kpi({ label, value, exact, hint, alert }: { label: string; value: string; exact?: string; hint?: string; alert?: boolean }) {
	return (
		<div className={`kpi${alert ? ' alert' : ''}`}>
			<div className="label">{label}</div>
			<div className="value" title={exact}>
				{value}
			</div>
			{exact ? <div className="hint">{exact}</div> : null}
			{hint ? <div className="hint">{hint}</div> : null}
		</div>
	)
}

/**
 * Existing flows the new transfers push up a mechanism: the 2024 Provisions count per exporter, so a moved team's
 * remote access adds to its unit's totals since 1 January and can lift the unit's other flows over a threshold.
 */
function RaisedFlows({ transfers }: { transfers: ScenarioResult['newTransfers'] }) {
	const seen = new Set<number>()
	const raised = transfers.flatMap(t =>
		t.raisedFlows.filter(f => !seen.has(f.flowId) && seen.add(f.flowId)).map(f => ({ ...f, unitCode: t.unitCode })),
	)
	if (!raised.length) return null
	return (
		<div className="table-wrap">
			<h3>Existing flows pushed up a mechanism</h3>
			<p className="small">
				The new transfers add to their exporter’s totals since 1 January (2024 Provisions arts 5(4), 7(2), 8 count per exporter), so these
				flows of the same unit now need more than before.
			</p>
			<table className="compact">
				<thead>
					<tr>
						<th scope="col">Unit</th>
						<th scope="col">Flow</th>
						<th scope="col">Required before</th>
						<th scope="col">Required after</th>
						<th scope="col">In place</th>
					</tr>
				</thead>
				<tbody>
					{raised.map(f => (
						<tr key={f.flowId}>
							<td>{f.unitCode}</td>
							<td>
								{f.name} <span className="muted small">{f.code}</span>
							</td>
							<td>{MECHANISM_LABELS[f.before] ?? humanize(f.before)}</td>
							<td>
								<strong>{MECHANISM_LABELS[f.after] ?? humanize(f.after)}</strong>
							</td>
							<td>{MECHANISM_LABELS[f.inPlace] ?? humanize(f.inPlace)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

/** The average wage each city's cap rests on, with its year and source; other published figures beside it. */
function CapWages({ wages, cities }: { wages: ReadonlyArray<CityAverageWage & { usedForCap: boolean }>; cities: string[] }) {
	if (!cities.length) return null
	return (
		<div className="cap-wages">
			<h3>Local average wages behind the cap</h3>
			<ul className="plain stack small">
				{cities.map(city => {
					const rows = wages.filter(w => w.city === city)
					const used = rows.find(w => w.usedForCap)
					if (!used) return <li key={city}>{city}: no published average wage, so the cap is not applied.</li>
					return (
						<li key={city}>
							<strong>{city}</strong>: RMB {formatInt(used.monthlyRmb)} a month, {used.yearOfData} (<WageSource wage={used} />)
							{used.verified ? '' : ', unverified'}. {used.note}
							{rows
								.filter(w => w !== used)
								.map((w, i) => (
									<span key={i}>
										{' '}
										Also published: RMB {formatInt(w.monthlyRmb)}, {w.yearOfData} ({w.statistic}; <WageSource wage={w} />
										).
									</span>
								))}
						</li>
					)
				})}
			</ul>
		</div>
	)
}

function WageSource({ wage }: { wage: CityAverageWage }) {
	return /^https?:\/\//.test(wage.source) ? (
		<a href={wage.source} rel="noreferrer">
			source, {wage.asOf}
		</a>
	) : (
		<>{wage.source}</>
	)
}
