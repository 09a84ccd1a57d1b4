import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts'
import { type Band } from '#models/exposure/index.ts'
import { PlainTick } from './plain-text.tsx'

const BAND_FILL: Record<Band, string> = {
	none: '#d5d9de',
	low: '#f5d76e',
	medium: '#fdb863',
	high: '#b84a00',
	critical: '#6e1f00',
}

export type ScoreBar = { label: string; score: number; band: Band; bandLabel: string }

/** The bars of ScoreChart (../score-chart.tsx), loaded lazily. */
export function ScoreBars({ data, width, height }: { data: ScoreBar[]; width: number; height: number }) {
	return (
		<BarChart
			id="score-chart"
			width={width}
			height={height}
			data={data}
			layout="vertical"
			margin={{ top: 4, right: 90, bottom: 4, left: 10 }}
		>
			<XAxis type="number" interval={0} domain={[0, 25]} ticks={[0, 5, 10, 15, 20, 25]} tick={<PlainTick anchor="middle" dy={12} />} />
			<YAxis type="category" interval={0} dataKey="label" width={170} tickLine={false} tick={<PlainTick anchor="end" dy={4} />} />
			<Bar dataKey="score" isAnimationActive={false} radius={[0, 3, 3, 0]} barSize={22}>
				{data.map(d => (
					<Cell key={d.label} fill={BAND_FILL[d.band]} stroke="#1b1f24" strokeOpacity={0.25} />
				))}
				<LabelList dataKey="bandLabel" content={<BarLabel />} />
			</Bar>
		</BarChart>
	)
}

type LabelProps = { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: string | number }
function BarLabel({ x = 0, y = 0, width = 0, height = 0, value }: LabelProps) {
	return (
		<text x={Number(x) + Number(width) + 6} y={Number(y) + Number(height) / 2} dominantBaseline="middle" fontSize={12} fill="#1b1f24">
			{value}
		</text>
	)
}
