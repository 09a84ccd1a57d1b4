import { formatDate, formatInt } from '#app/utils/format.ts'
import { type ExporterForecast } from '#models/obligations/forecast.ts'

const W = 420
const H = 190
const PAD = { left: 70, right: 10, top: 14, bottom: 28 }

/**
 * This year's cumulative individuals by month (solid to date, dashed where projected) against the thresholds,
 * drawn as SVG on the server so it is in the first paint and in print. One chart per series (non-sensitive,
 * sensitive) because their thresholds differ by two orders of magnitude.
 */
export function ForecastChart({ forecast, series }: { forecast: ExporterForecast; series: 'nonSensitive' | 'sensitive' }) {
	const thresholds = series === 'nonSensitive' ? [100_000, 1_000_000] : [10_000]
	const values = forecast.months.map(m => m[series])
	const top = Math.max(...values, ...thresholds.map(t => (t <= Math.max(...values) * 1.5 ? t : 0)), thresholds[0]!) * 1.1
	const x = (i: number) => PAD.left + (i / 11) * (W - PAD.left - PAD.right)
	const y = (v: number) => H - PAD.bottom - (Math.min(v, top) / top) * (H - PAD.top - PAD.bottom)
	const actual = forecast.months.map((m, i) => ({ i, v: m[series], projected: m.projected }))
	const lastActual = actual.filter(p => !p.projected).at(-1)
	const path = (pts: typeof actual) => pts.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')
	const label = series === 'nonSensitive' ? 'Non-sensitive individuals' : 'Sensitive individuals'
	const crossings = forecast.crossings.filter(c => thresholds.includes(c.value))
	const summary = `${label}, ${forecast.year}: ${formatInt(forecast.ytd[series])} to ${formatDate(forecast.asOf)}, projected ${formatInt(values[11] ?? 0)} by 31 December. ${crossings
		.map(c =>
			c.crossed
				? `${c.label}: already crossed.`
				: c.forecastOn
					? `${c.label}: forecast ${formatDate(c.forecastOn)}.`
					: `${c.label}: not this year.`,
		)
		.join(' ')}`
	return (
		<figure className="chart forecast-chart">
			<svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} width="100%">
				{thresholds
					.filter(t => t <= top)
					.map(t => (
						<g key={t}>
							<line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#a4161a" strokeDasharray="4 3" />
							<text x={W - PAD.right} y={y(t) - 4} textAnchor="end" fontSize="13" fill="#a4161a">
								{formatInt(t)}
							</text>
						</g>
					))}
				<line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#6b7480" />
				<text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize="13" fill="#4a525c">
					0
				</text>
				<text x={PAD.left - 6} y={PAD.top + 8} textAnchor="end" fontSize="13" fill="#4a525c">
					{formatInt(Math.round(top))}
				</text>
				{['Jan', 'Apr', 'Jul', 'Oct', 'Dec'].map(m => {
					const i = { Jan: 0, Apr: 3, Jul: 6, Oct: 9, Dec: 11 }[m]!
					return (
						<text key={m} x={x(i)} y={H - 8} textAnchor="middle" fontSize="13" fill="#4a525c">
							{m}
						</text>
					)
				})}
				<path d={path(actual.filter(p => !p.projected))} fill="none" stroke="#1f4e8c" strokeWidth="2.5" />
				<path
					d={path([...(lastActual ? [lastActual] : []), ...actual.filter(p => p.projected)])}
					fill="none"
					stroke="#1f4e8c"
					strokeWidth="2"
					strokeDasharray="5 4"
				/>
			</svg>
			<figcaption className="muted small">
				{label}: solid to date (months interpolated from the run rate), dashed projected; red lines are the thresholds.
			</figcaption>
		</figure>
	)
}
