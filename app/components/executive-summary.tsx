import { formatDate, formatInt, formatRmb } from '#app/utils/format.ts'
import { BAND_LABELS, DIMENSION_LABELS } from '#app/utils/labels.ts'
import { type BoardData, DecisionFiguresLine } from './board.tsx'

const CAUSES = { inputs: 'changed inputs', time: 'deadlines falling due', model: 'the new model version', rules: 'changed rules' } as const

/** What changed, in a sentence each, against the previous frozen quarter: at most five. */
export function quarterMessages(data: BoardData): string[] {
	const k = data.kpis
	const now = data.trend.find(t => t.quarter === data.quarter)
	const prev = data.trend.find(t => t.quarter === data.previousQuarter)
	const since = (a: number | undefined, b: number) =>
		a === undefined
			? ''
			: a === b
				? `, unchanged since ${data.previousQuarter}`
				: `, ${b > a ? 'up' : 'down'} ${formatInt(Math.abs(b - a))} since ${data.previousQuarter}`
	const severe = (now?.critical ?? 0) + (now?.high ?? 0)
	const messages = [
		`${formatInt(severe)} of ${formatInt(k.units)} business units are at high or critical exposure (${formatInt(now?.critical ?? 0)} critical)${since(prev && prev.critical + prev.high, severe)}.`,
	]
	for (const m of data.movers.slice(0, 2))
		messages.push(
			`${m.unitName}, ${DIMENSION_LABELS[m.dimension]}: ${m.delta > 0 ? 'rose' : 'fell'} from ${BAND_LABELS[m.from.band].toLowerCase()} ${m.from.score} to ${BAND_LABELS[m.to.band].toLowerCase()} ${m.to.score}, through ${CAUSES[m.primaryCause]}.`,
		)
	messages.push(
		`${formatInt(k.flowsLackingMechanism)} of ${formatInt(k.flows)} data flows leaving China lack the mechanism the law requires${since(prev?.flowsLackingMechanism, k.flowsLackingMechanism)}.`,
	)
	messages.push(
		`${formatInt(k.systemsOverdue)} of ${formatInt(k.systems)} systems are overdue for MLPS filing or assessment${since(prev?.systemsOverdue, k.systemsOverdue)}.`,
	)
	if (data.attribution?.modelChanged)
		messages.push(
			`Scores were recomputed under model version ${data.modelLabel}; the pack attributes each change to inputs, deadlines, model or rules.`,
		)
	return messages.slice(0, 5)
}

/** The pack's first page: the quarter's messages, decisions, what the board is asked, what falls due next quarter. */
export function ExecutiveSummary({ data }: { data: BoardData }) {
	const k = data.kpis
	const due = data.dueNext
	return (
		<section id="executive-summary" className="pack-section executive-summary" aria-labelledby="exec-h">
			<h2 id="exec-h">Executive summary, {data.quarter}</h2>
			<h3>The quarter in brief</h3>
			<ul>
				{quarterMessages(data).map((m, i) => (
					<li key={i}>{m}</li>
				))}
			</ul>
			<h3>Decisions taken</h3>
			{data.decisions.length ? (
				<ul>
					{data.decisions.map((d, i) => (
						<li key={i}>
							<strong>{d.scenario}</strong>: {d.status} on {formatDate(d.decidedAt)}
							{d.decidedBy ? ` by ${d.decidedBy}` : ''}
							{d.comment ? ` (“${d.comment}”)` : ''}.
							<DecisionFiguresLine decision={d} />
						</li>
					))}
				</ul>
			) : (
				<p>No relocation scenario was approved or rejected this quarter.</p>
			)}
			<h3>The board is asked to</h3>
			<ul>
				<li>
					<strong>Note</strong> the exposure above and the statutory penalty ceiling of {formatRmb(k.penaltyMaxRmb, { compact: true })} (the
					sum of each entity’s maximum fines: an upper bound, not an expected loss).
				</li>
				{k.flowsLackingMechanism ? (
					<li>
						<strong>Decide</strong> whether the {formatInt(k.flowsLackingMechanism)} data flows without their required mechanism are
						remedied by the end of {due.quarter}, or stopped.
					</li>
				) : null}
				{k.systemsOverdue ? (
					<li>
						<strong>Decide</strong> whether the {formatInt(k.systemsOverdue)} overdue MLPS filings and assessments are completed by the end
						of {due.quarter}.
					</li>
				) : null}
			</ul>
			<h3>Falling due in {due.quarter}</h3>
			<FallingDue data={data} />
		</section>
	)
}

// The summary names the soonest duties of the obligations register as frozen with the quarter, and counts the rest.
const DUE_NAMED = 8

/** What falls due next quarter, from the obligations register frozen with the quarter (open duties due then, and
 * those already overdue); a quarter frozen before the register existed falls back to its dated MLPS duties and
 * mechanism expiries. */
function FallingDue({ data }: { data: BoardData }) {
	const o = data.obligations
	if (o) {
		const named = o.due.slice(0, DUE_NAMED)
		return o.dueTotal ? (
			<ul>
				{named.map(d => (
					<li key={d.key}>
						{formatDate(d.dueOn!)}
						{d.overdue ? ' (already overdue)' : ''}: {d.unitName}, {d.duty.charAt(0).toLowerCase()}
						{d.duty.slice(1)} ({d.law} {d.article}
						{d.source.verified || d.certainty === 'practice' ? '' : ', unverified'}; {d.owner ? `owner ${d.owner}` : 'no owner yet'}).
					</li>
				))}
				{o.dueTotal > named.length ? (
					<li>
						and {formatInt(o.dueTotal - named.length)} more open duties in the register ({formatInt(o.overdue)} overdue in all).
					</li>
				) : null}
			</ul>
		) : (
			<p>No open duty of the obligations register falls due in {o.nextQuarter}, and none was overdue.</p>
		)
	}
	const due = data.dueNext
	return due.items.length ? (
		<ul>
			{due.items.map((d, i) => (
				<li key={i}>
					{formatDate(d.dueOn)}: {d.unit}, {d.what}.
				</li>
			))}
			{due.total > due.items.length ? <li>and {formatInt(due.total - due.items.length)} more dated obligations in the quarter.</li> : null}
		</ul>
	) : (
		<p>No dated obligation or mechanism expiry falls in {due.quarter} in the frozen inventory.</p>
	)
}
