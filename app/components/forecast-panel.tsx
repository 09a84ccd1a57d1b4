import { Link } from '@remix-run/react'
import { formatDate, formatInt } from '#app/utils/format.ts'
import { MECHANISM_LABELS } from '#app/utils/labels.ts'
import { type ExporterForecast } from '#models/obligations/forecast.ts'
import { ForecastChart } from './forecast-chart.tsx'

/** A unit's threshold forecast: the charts, each crossing with its mechanism, lead time and start-by date. */
export function ForecastPanel({ forecast }: { forecast: ExporterForecast }) {
	return (
		<section aria-labelledby="forecast-h" className="card forecast">
			<h2 id="forecast-h">Threshold forecast, {forecast.year}</h2>
			{!forecast.applicable ? (
				<p>{forecast.reason}</p>
			) : (
				<>
					<p className="muted small">
						Individuals provided abroad since 1 January, counted over the flows no exemption covers: {formatInt(forecast.ytd.nonSensitive)}{' '}
						non-sensitive and {formatInt(forecast.ytd.sensitive)} sensitive to {formatDate(forecast.asOf)}. {forecast.basis.note}
						{forecast.unknownFlows ? ` ${forecast.unknownFlows} flow(s) have unknown counts: these are lower bounds.` : ''}{' '}
						<Link to={`/flows/months?unit=${encodeURIComponent(forecast.unitCode)}`}>Monthly counts</Link>
					</p>
					<div className="card-grid">
						<ForecastChart forecast={forecast} series="nonSensitive" />
						<ForecastChart forecast={forecast} series="sensitive" />
					</div>
					<div className="table-wrap">
						<table>
							<caption className="sr-only">Forecast threshold crossings</caption>
							<thead>
								<tr>
									<th scope="col">Threshold</th>
									<th scope="col">Crossing</th>
									<th scope="col">Mechanism then</th>
									<th scope="col" className="num">
										Lead time
									</th>
									<th scope="col">Start by</th>
								</tr>
							</thead>
							<tbody>
								{forecast.crossings.map(c => (
									<tr key={c.threshold}>
										<td>
											{c.label} <span className="muted small">({c.article})</span>
										</td>
										<td>{c.crossed ? 'Already crossed' : c.forecastOn ? formatDate(c.forecastOn) : 'Not this year'}</td>
										<td>
											{MECHANISM_LABELS[c.mechanism]}
											{c.covered ? <div className="status-ok small">already in place</div> : null}
										</td>
										<td className="num">{c.leadTimeDays === null ? '—' : `${c.leadTimeDays} days`}</td>
										<td>
											{c.startBy ? formatDate(c.startBy) : '—'}
											{c.startNow ? <div className="start-now">Start now: the lead time reaches the crossing</div> : null}
											{c.basis === 'weekdays_only' ? (
												<div className="muted small">holidays of next year not published: Monday-Friday counted</div>
											) : null}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<p className="muted small">
						Lead times: security assessment = about 60 days of preparation (estimate) + 5 + 7 + 45 working days of CAC steps (2022 Measures,
						extendable); standard contract = about 45 days of preparation (estimate), filed within 10 working days after it takes effect.
					</p>
				</>
			)}
			<p className="small">{forecast.resetNote}</p>
		</section>
	)
}
