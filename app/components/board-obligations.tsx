import { formatDate, formatInt } from '#app/utils/format.ts'
import { MECHANISM_LABELS } from '#app/utils/labels.ts'
import { type BoardData } from './board.tsx'
import { TableScroll } from './table-scroll.tsx'

/** The pack's "due next quarter": open duties due then and those already overdue when the quarter was frozen. */
export function DueNextQuarter({ data }: { data: BoardData }) {
	const o = data.obligations
	if (!o) return <p className="muted">This quarter was frozen before the obligations register existed.</p>
	return (
		<>
			<p>
				{formatInt(o.dueTotal)} open duties fall due in {o.nextQuarter} or were already overdue on {formatDate(data.asOf)} (
				{formatInt(o.overdue)} overdue).
				{o.dueTotal > o.due.length ? ` The ${o.due.length} soonest are listed; the register holds them all.` : ''}
			</p>
			{o.due.length ? (
				<TableScroll label="Duties due next quarter">
					<table>
						<caption className="sr-only">Duties due next quarter</caption>
						<thead>
							<tr>
								<th scope="col">Due</th>
								<th scope="col">Unit</th>
								<th scope="col">Duty</th>
								<th scope="col">Source</th>
								<th scope="col">Owner</th>
							</tr>
						</thead>
						<tbody>
							{o.due.map(d => (
								<tr key={d.key}>
									<td className={d.overdue ? 'status-gap' : undefined}>
										{formatDate(d.dueOn)}
										{d.overdue ? ' (overdue)' : ''}
									</td>
									<td>{d.unitCode}</td>
									<td>{d.duty}</td>
									<td>
										{d.certainty === 'practice' ? `${d.law}: market practice, not law` : `${d.law} ${d.article}`}
										{d.source.verified || d.certainty === 'practice' ? '' : ' ⚠ unverified'}
									</td>
									<td>{d.owner ?? 'unassigned'}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			) : null}
		</>
	)
}

/** The pack's "forecast crossings": which exporters cross a threshold this year, and whether they can be ready. */
export function ForecastCrossings({ data }: { data: BoardData }) {
	const o = data.obligations
	if (!o) return <p className="muted">This quarter was frozen before the threshold forecast existed.</p>
	if (!o.crossings.length)
		return <p>No exporter was forecast to cross a transfer threshold before 31 December without the mechanism it needs.</p>
	const late = o.crossings.filter(c => c.startNow).length
	return (
		<>
			<p>
				{formatInt(o.crossings.length)} forecast crossings; {formatInt(late)} of them cannot be ready in time unless the work has started
				(the lead time reaches the crossing).
			</p>
			<TableScroll label="Forecast threshold crossings">
				<table>
					<caption className="sr-only">Forecast threshold crossings</caption>
					<thead>
						<tr>
							<th scope="col">Crossing</th>
							<th scope="col">Exporter</th>
							<th scope="col">Threshold</th>
							<th scope="col">Mechanism needed</th>
							<th scope="col">Start by</th>
						</tr>
					</thead>
					<tbody>
						{o.crossings.map(c => (
							<tr key={`${c.unitCode}-${c.threshold}`}>
								<td>{formatDate(c.forecastOn)}</td>
								<td>{c.unitCode}</td>
								<td>{c.label}</td>
								<td>{MECHANISM_LABELS[c.mechanism] ?? c.mechanism}</td>
								<td className={c.startNow ? 'start-now' : undefined}>
									{formatDate(c.startBy)}
									{c.startNow ? ' (late: start now)' : ''}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</TableScroll>
		</>
	)
}
