import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BandBadge, formatScore } from '#app/components/band.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ScoreChart } from '#app/components/score-chart.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getScoredUnit } from '#app/utils/exposure.server.ts'
import { formatDate, formatInt, formatRmb, humanize } from '#app/utils/format.ts'
import { BAND_LABELS, DIMENSION_LABELS, MECHANISM_LABELS } from '#app/utils/labels.ts'
import { DIMENSIONS, type Finding } from '#models/exposure/types.ts' // not the index: see models/overview.ts
import { flowStatuses } from '#models/flow-status.ts'
import { findingInputList } from '#models/exposure/inputs.ts'
import { mlpsObligations } from '#models/mlps-obligations.ts'
import { listDutyStatuses } from '#db/repositories/obligations.ts'
import { findUnitArchiveState } from '#db/repositories/unit-archive.ts'
import { ForecastPanel } from '#app/components/forecast-panel.tsx'
import { ObligationsTable } from '#app/components/obligations-table.tsx'
import { deriveUnitDuties } from '#models/obligations/derive.ts'
import { forecastExporter } from '#models/obligations/forecast.ts'
import { buildRegister, queryRegister, DEFAULT_REGISTER_QUERY } from '#models/obligations/register.ts'
import { can } from '#models/permissions.ts'
import { isOfficialLawSource, UNOFFICIAL_LABEL } from '#models/law-links.ts'
import { TableScroll } from '#app/components/table-scroll.tsx'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'overview:read')
	const id = Number(params.unitId)
	if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: `"${params.unitId}" is not a business unit id.` }, { status: 400 })
	const scored = await getScoredUnit(getDb(), id)
	if (!scored) throw json({ message: `No business unit with id ${id}.` }, { status: 404 })
	const { inv, exposure, asOf, model } = scored
	const [statusRows, archive] = await Promise.all([listDutyStatuses(getDb(), id), findUnitArchiveState(getDb(), id)])
	const duties = buildRegister(deriveUnitDuties(inv, asOf), statusRows, asOf)
	const statuses = flowStatuses(inv.unit, inv.flows, asOf)
	return json({
		duties: queryRegister(duties, DEFAULT_REGISTER_QUERY),
		forecast: forecastExporter(inv, asOf),
		unit: inv.unit,
		archivedAt: archive?.archivedAt ?? null,
		exposure,
		asOf,
		modelLabel: model.label,
		canEdit: can(user.role, 'inventory:write'),
		systems: inv.systems.map(s => ({ ...s, mlps: mlpsObligations(s, asOf) })),
		flows: inv.flows.map((f, i) => ({ ...f, status: statuses[i]! })),
		staffing: inv.staffing,
	})
}

export default function UnitRoute() {
	const { unit, archivedAt, canEdit, exposure, asOf, modelLabel, systems, flows, staffing, duties, forecast } =
		useLoaderData<typeof loader>()
	const chart = DIMENSIONS.map(d => ({
		label: DIMENSION_LABELS[d],
		score: exposure.dimensions[d].score,
		band: exposure.dimensions[d].band,
		bandLabel:
			exposure.incomplete && !exposure.dimensions[d].applicable
				? 'Unknown'
				: `${BAND_LABELS[exposure.dimensions[d].band]} ${exposure.dimensions[d].score}`,
	}))
	return (
		<>
			<p className="no-print small">
				<Link to="/">← Overview</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>{unit.name}</h1>
					<p>
						{unit.code} · {unit.city} · {humanize(unit.segment)} · {ENTITY[unit.legalEntityType]} · {humanize(unit.sector)}
						{unit.isCiio ? ' · CIIO' : ''}
						{unit.handlesConsumerData ? ' · handles consumer data' : ''}
					</p>
				</div>
				<div className="unit-summary">
					<div>
						Overall <BandBadge band={exposure.overall.band} score={exposure.overall.score} />
					</div>
					<div className="muted small">
						Maximum statutory fines: <strong>{formatRmb(exposure.penalties.totalMaxRmb)}</strong>
						{exposure.penalties.unverified ? ' (includes unverified amounts)' : ''}
					</div>
					<div className="muted small">
						As of {formatDate(asOf)} · model {modelLabel} · China revenue {formatRmb(unit.chinaRevenueRmb, { compact: true })}
					</div>
				</div>
			</div>

			{archivedAt ? (
				<div className="notice warn" role="note">
					<p>
						<strong>Archived</strong> on {archivedAt} UTC: this unit is left out of the lists, the scoring, the overview and every total,
						and kept for the record. The scores below are what it would score today.
					</p>
					{canEdit ? (
						<Form method="post" action={`/inventory/units/${unit.id}`}>
							<button type="submit" name="intent" value="restore">
								Restore business unit
							</button>
						</Form>
					) : null}
				</div>
			) : null}
			{exposure.incomplete ? (
				<p className="notice warn" role="note">
					<strong>Incomplete.</strong> This unit handles consumer data, but no system, flow or staff is recorded. It is scored on its
					enforcement profile alone; the other dimensions are unknown, not safe, until its inventory is recorded.
				</p>
			) : null}

			<div className="unit-top">
				<section className="card" aria-labelledby="breakdown-h">
					<h2 id="breakdown-h">Score by dimension</h2>
					<ScoreChart data={chart} />
				</section>
				<section className="card" aria-labelledby="penalties-h">
					<h2 id="penalties-h">Penalty exposure</h2>
					{exposure.penalties.byLaw.length ? (
						<table>
							<thead>
								<tr>
									<th>Law</th>
									<th>Article</th>
									<th className="num">Maximum</th>
								</tr>
							</thead>
							<tbody>
								{exposure.penalties.byLaw.map(p => (
									<tr key={`${p.law}-${p.article}`}>
										<td>{p.law}</td>
										<td>
											{p.article}
											{p.verified ? '' : ' ⚠'}
										</td>
										<td className="num">{formatRmb(p.maxRmb)}</td>
									</tr>
								))}
							</tbody>
						</table>
					) : (
						<p className="muted">No finding points to a statutory fine.</p>
					)}
					<p className="muted small">⚠ amount not verified against the primary text; check before relying on it.</p>
				</section>
			</div>

			<h2>Findings</h2>
			{DIMENSIONS.map(d => {
				const x = exposure.dimensions[d]
				return (
					<section key={d} id={d} className="card dimension" aria-labelledby={`${d}-h`}>
						<header className="dimension-head">
							<h3 id={`${d}-h`}>{DIMENSION_LABELS[d]}</h3>
							{exposure.incomplete && !x.applicable ? (
								<span className="band band-none">Unknown</span>
							) : (
								<BandBadge band={x.band} score={x.score} />
							)}
							<span className="muted small">
								{x.applicable
									? `likelihood ${x.likelihood} × impact ${x.impact} = ${formatScore(x.score)} of 25`
									: exposure.incomplete
										? 'unknown: nothing recorded for this unit'
										: 'not applicable to this unit'}
								{x.escalated ? ' · likelihood raised: several gaps coincide' : ''}
							</span>
						</header>
						{x.findings.length ? (
							<ol className="findings">
								{x.findings.map(f => (
									<FindingItem key={f.id} f={f} />
								))}
							</ol>
						) : (
							<p className="muted">Nothing in this unit raises this dimension.</p>
						)}
					</section>
				)
			})}

			<h2>Systems</h2>
			<TableScroll label="Systems">
				<table>
					<thead>
						<tr>
							<th>System</th>
							<th className="num">MLPS level</th>
							<th>Filed</th>
							<th>Last assessed</th>
							<th>Status</th>
						</tr>
					</thead>
					<tbody>
						{systems.length ? (
							systems.map(s => (
								<tr key={s.id}>
									<td>
										{s.name} <span className="muted small">{s.code}</span>
									</td>
									<td className="num">{s.mlpsLevel ?? 'Ungraded'}</td>
									<td>{s.filedOn ? formatDate(s.filedOn) : 'Not filed'}</td>
									<td>{formatDate(s.lastAssessedOn)}</td>
									<td>
										{s.mlps.obligations
											.filter(o => o.state === 'overdue' || o.state === 'undated')
											.map(o => (
												<div key={o.kind} className="status-gap">
													{o.title}: {o.state === 'overdue' ? `overdue ${formatInt(o.daysOverdue)} days` : 'owed, date unknown'}
												</div>
											))}
										{s.mlps.obligations.every(o => o.state === 'met' || o.state === 'scheduled') ? (
											<span className="status-ok">Up to date</span>
										) : null}
									</td>
								</tr>
							))
						) : (
							<tr>
								<td colSpan={5} className="empty">
									No systems recorded.
								</td>
							</tr>
						)}
					</tbody>
				</table>
			</TableScroll>

			<h2>Data flows</h2>
			<ExporterTotalsNote unit={unit} totals={flows.find(f => f.status.exporterTotals)?.status.exporterTotals ?? null} />
			<TableScroll label="Data flows">
				<table>
					<thead>
						<tr>
							<th>Flow</th>
							<th>To</th>
							<th className="num">Individuals</th>
							<th className="num">Sensitive</th>
							<th>Required</th>
							<th>In place</th>
							<th>Expires</th>
						</tr>
					</thead>
					<tbody>
						{flows.length ? (
							flows.map(f => (
								<tr key={f.id}>
									<td>
										{f.name} <span className="muted small">{f.code}</span>
										{f.isRemoteAccess ? <div className="muted small">remote access from abroad</div> : null}
									</td>
									<td>
										{f.destinationCountry} · {f.destinationEntity}
									</td>
									<td className="num">{f.personalInfoIndividuals == null ? 'Unknown' : formatInt(f.personalInfoIndividuals)}</td>
									<td className="num">
										{f.sensitivePersonalInfoIndividuals == null ? 'Unknown' : formatInt(f.sensitivePersonalInfoIndividuals)}
									</td>
									<td>
										{MECHANISM_LABELS[f.status.required]}
										<div className="muted small">{f.status.articles.join(', ')}</div>
									</td>
									<td className={f.status.satisfied ? 'status-ok' : 'status-gap'}>
										{f.status.satisfied ? '✓ ' : '✗ '}
										{MECHANISM_LABELS[f.mechanismInPlace]}
										{f.status.expired ? ' (expired)' : ''}
									</td>
									<td>{formatDate(f.mechanismExpiresOn)}</td>
								</tr>
							))
						) : (
							<tr>
								<td colSpan={7} className="empty">
									No data flows recorded.
								</td>
							</tr>
						)}
					</tbody>
				</table>
			</TableScroll>

			<section aria-labelledby="duties-h">
				<h2 id="duties-h">Obligations</h2>
				<p className="muted small">
					{duties.length} duties, {duties.filter(d => d.overdue).length} overdue.{' '}
					<Link to={`/obligations?unit=${encodeURIComponent(unit.code)}`}>Open in the register</Link> to change a status.
				</p>
				<ObligationsTable rows={duties} canWrite={false} showUnit={false} />
			</section>

			<ForecastPanel forecast={forecast} />

			<h2>Staffing</h2>
			<TableScroll label="Staffing">
				<table>
					<thead>
						<tr>
							<th>Line</th>
							<th>Function</th>
							<th>City</th>
							<th className="num">Headcount</th>
							<th className="num">Avg monthly wage</th>
							<th className="num">Avg tenure</th>
							<th>PI access</th>
						</tr>
					</thead>
					<tbody>
						{staffing.length ? (
							staffing.map(s => (
								<tr key={s.id}>
									<td>{s.code}</td>
									<td>{humanize(s.function)}</td>
									<td>{s.city}</td>
									<td className="num">{formatInt(s.headcount)}</td>
									<td className="num">{formatRmb(s.avgMonthlyWageRmb)}</td>
									<td className="num">{(s.avgTenureMonths / 12).toFixed(1)} yrs</td>
									<td>{s.accessToPersonalData ? 'Yes' : 'No'}</td>
								</tr>
							))
						) : (
							<tr>
								<td colSpan={7} className="empty">
									No staffing recorded.
								</td>
							</tr>
						)}
					</tbody>
				</table>
			</TableScroll>
		</>
	)
}

const ENTITY = { wfoe: 'WFOE', jv: 'Joint venture', rep_office: 'Rep office' } as const

const KIND_LABELS: Record<Finding['kind'], string> = {
	gap: 'Gap',
	warning: 'Warning',
	exposure: 'Exposure',
	data_quality: 'Data quality',
}

function FindingItem({ f }: { f: Finding }) {
	return (
		<li className={`finding finding-${f.kind}`}>
			<div className="finding-head">
				<span className={`kind kind-${f.kind}`}>{KIND_LABELS[f.kind]}</span>
				<strong>{f.title}</strong>
				<span className="muted small">
					L{f.contribution.likelihood} × I{f.contribution.impact}
					{f.decisive ? ' · sets the score' : ''}
				</span>
			</div>
			<p>{f.detail}</p>
			<dl className="finding-meta">
				<dt>Rule</dt>
				<dd>
					<code>{f.ruleId}</code> on {f.entity.kind} {f.entity.code}
				</dd>
				<dt>Law</dt>
				<dd>
					{f.articles.map((a, i) => (
						<span key={i} className="article">
							{a.source.startsWith('http') ? (
								<a href={a.source} target="_blank" rel="noreferrer noopener">
									{a.law} {a.article}
								</a>
							) : (
								`${a.law} ${a.article}`
							)}
							{a.source.startsWith('http') && !isOfficialLawSource(a.source) ? ` (${UNOFFICIAL_LABEL})` : ''}
							{a.verified ? '' : ' ⚠ unverified'}
						</span>
					))}
				</dd>
				<dt>Inputs</dt>
				<dd className="inputs">
					{findingInputList(f.inputs).map(([k, text]) => (
						<span key={k}>
							{humanize(k)}: <strong>{text}</strong>
						</span>
					))}
				</dd>
				<dt>Remedy</dt>
				<dd>{f.remedy}</dd>
			</dl>
		</li>
	)
}

/** The totals the required mechanisms were read on: the unit is one exporter, counted over all its transfers. */
function ExporterTotalsNote({
	unit,
	totals,
}: {
	unit: { distinctIndividualsAbroad: number | null; distinctSensitiveIndividualsAbroad: number | null }
	totals: { personalInfoIndividuals: number; sensitivePersonalInfoIndividuals: number; unknownVolumes: number } | null
}) {
	if (!totals) return null
	const how = (given: number | null) => (given === null ? 'sum over flows, an upper bound' : 'distinct count given')
	return (
		<p className="small">
			Required mechanisms are counted per exporter (2024 Provisions arts 5(4), 7(2), 8: totals since 1 January over all transfers that are
			not exempt): {formatInt(totals.personalInfoIndividuals)} non-sensitive individuals ({how(unit.distinctIndividualsAbroad)}) and{' '}
			{formatInt(totals.sensitivePersonalInfoIndividuals)} sensitive ({how(unit.distinctSensitiveIndividualsAbroad)})
			{totals.unknownVolumes > 0 ? `; ${totals.unknownVolumes} flow(s) of unknown volume are not in the totals, so they may be higher` : ''}
			.
		</p>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.unit.name ?? 'Unit'} · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
