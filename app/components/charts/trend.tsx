import { Bar, ComposedChart, Line, XAxis, YAxis } from 'recharts'
import { type BoardData } from '../board.tsx'
import { PlainTick } from './plain-text.tsx'

/**
 * The chart of TrendChart (../board.tsx), loaded lazily: units at each band, stacked, and the mean score. Its legend is
 * HTML below the drawing (TrendChart): recharts' legend is a box positioned over the SVG at its drawn size, so when
 * the SVG scales down (a phone, the printed page) the quarter labels ran under it.
 */
export function TrendDrawing({ data, width, height }: { data: BoardData['trend']; width: number; height: number }) {
	const every = Math.ceil(data.length / TREND_LABELS)
	return (
		<ComposedChart id="trend-chart" width={width} height={height} data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
			<XAxis dataKey="quarter" interval={0} tick={<QuarterTick every={every} last={data.length - 1} />} />
			<YAxis yAxisId="units" interval={0} allowDecimals={false} width={40} tick={<PlainTick anchor="end" dy={4} />} />
			<YAxis yAxisId="score" interval={0} orientation="right" domain={[0, 25]} width={40} tick={<PlainTick anchor="start" dy={4} />} />
			<Bar yAxisId="units" dataKey="critical" stackId="b" name="Critical units" fill="#6e1f00" isAnimationActive={false} />
			<Bar yAxisId="units" dataKey="high" stackId="b" name="High units" fill="#b84a00" isAnimationActive={false} />
			<Bar yAxisId="units" dataKey="medium" stackId="b" name="Medium units" fill="#fdb863" isAnimationActive={false} />
			<Line
				yAxisId="score"
				dataKey="meanOverall"
				name="Mean overall score (right)"
				stroke="#14233a"
				strokeWidth={2}
				strokeDasharray="5 3"
				dot={{ r: 3 }}
				isAnimationActive={false}
			/>
		</ComposedChart>
	)
}

// About this many quarter labels fit under the chart; with more quarters every n-th is labelled, the latest always.
const TREND_LABELS = 10

function QuarterTick({
	index = 0,
	every,
	last,
	...tick
}: {
	index?: number
	every: number
	last: number
	x?: number
	y?: number
	payload?: { value: string }
}) {
	return (last - index) % every === 0 ? <PlainTick {...tick} anchor="middle" dy={14} /> : null
}
