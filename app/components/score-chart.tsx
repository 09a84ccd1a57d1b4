import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts'
import { type Band } from '#models/exposure/index.ts'

const BAND_FILL: Record<Band, string> = {
	none: '#d5d9de',
	low: '#f5d76e',
	medium: '#fdb863',
	high: '#e66101',
	critical: '#6e1f00',
}

/** Score per dimension (0-25) as horizontal bars coloured by band, labelled with the band in words. */
export function ScoreChart({ data }: { data: Array<{ label: string; score: number; band: Band; bandLabel: string }> }) {
	return (
		<figure className="chart">
			<BarChart id="score-chart" width={520} height={44 * data.length + 30} data={data} layout="vertical" margin={{ top: 4, right: 90, bottom: 4, left: 10 }}>
				<XAxis type="number" interval={0} domain={[0, 25]} ticks={[0, 5, 10, 15, 20, 25]} tick={<PlainTick anchor="middle" dy={12} />} />
				<YAxis type="category" interval={0} dataKey="label" width={170} tickLine={false} tick={<PlainTick anchor="end" dy={4} />} />
				<Bar dataKey="score" isAnimationActive={false} radius={[0, 3, 3, 0]} barSize={22}>
					{data.map(d => (
						<Cell key={d.label} fill={BAND_FILL[d.band]} stroke="#1b1f24" strokeOpacity={0.25} />
					))}
					<LabelList dataKey="bandLabel" content={<BarLabel />} />
				</Bar>
			</BarChart>
			<figcaption className="sr-only">{data.map(d => `${d.label}: ${d.bandLabel}, ${d.score} of 25`).join('; ')}</figcaption>
		</figure>
	)
}

// Plain <text> ticks and labels: recharts' own <Text> measures words in the browser to wrap them, which
// the server cannot do, so the two renders differ and hydration fails.
type TickProps = { x?: number; y?: number; payload?: { value: string | number }; anchor: 'start' | 'middle' | 'end'; dy: number; format?: (v: number) => string }
export function PlainTick({ x = 0, y = 0, payload, anchor, dy, format }: TickProps) {
	return (
		<text x={x} y={y} dy={dy} textAnchor={anchor} fontSize={12} fill="#4a525c">
			{format && typeof payload?.value === 'number' ? format(payload.value) : payload?.value}
		</text>
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
