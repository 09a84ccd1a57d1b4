import { type ScoreBar } from './charts/score-bars.tsx'
import { lazyChart } from './lazy-chart.tsx'

const WIDTH = 520
const BAR_ROW = 44
const AXIS = 30
const ScoreBars = lazyChart(() => import('./charts/score-bars.tsx').then(m => m.ScoreBars))

/** Score per dimension (0-25) as horizontal bars coloured by band, labelled with the band in words. */
export function ScoreChart({ data }: { data: ScoreBar[] }) {
	return (
		<figure className="chart">
			<ScoreBars data={data} width={WIDTH} height={BAR_ROW * data.length + AXIS} />
			<figcaption className="sr-only">{data.map(d => `${d.label}: ${d.bandLabel}, ${d.score} of 25`).join('; ')}</figcaption>
		</figure>
	)
}
