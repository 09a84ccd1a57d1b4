import { Area, Bar, BarChart, Cell, ComposedChart, LabelList, Line, ReferenceLine, XAxis, YAxis } from 'recharts'
import { formatUsd } from '#app/utils/format.ts'
import { type CashSeries, type WaterfallStep } from '../scenario-charts.tsx'
import { PlainTick } from './plain-text.tsx'

const money = (n: number) => formatUsd(n, { compact: true })

/** The bars of CostWaterfall (../scenario-charts.tsx), loaded lazily: each step floats on the ones before it. */
export function WaterfallDrawing({ steps, width, height }: { steps: WaterfallStep[]; width: number; height: number }) {
	return (
		<BarChart id="cost-waterfall" width={width} height={height} data={steps} margin={{ top: 22, right: 10, bottom: 30, left: 10 }}>
			<XAxis dataKey="label" interval={0} tick={<PlainTick anchor="middle" dy={14} />} tickLine={false} />
			<YAxis width={80} interval={0} tick={<PlainTick anchor="end" dy={4} format={money} />} />
			<Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
			<Bar dataKey="value" stackId="w" isAnimationActive={false}>
				{steps.map(d => (
					<Cell key={d.label} fill={d.total ? '#14233a' : '#5e81ac'} />
				))}
				<LabelList dataKey="text" content={<TopLabel />} />
			</Bar>
		</BarChart>
	)
}

/** The lines of CashChart (../scenario-charts.tsx), loaded lazily. */
export function CashDrawing({
	series,
	paybackLabel,
	width,
	height,
}: {
	series: CashSeries
	paybackLabel: string | null
	width: number
	height: number
}) {
	return (
		<ComposedChart id="cash-chart" width={width} height={height} data={series.rows} margin={{ top: 10, right: 20, bottom: 24, left: 10 }}>
			<XAxis dataKey="label" ticks={series.ticks} interval={0} tick={<PlainTick anchor="middle" dy={14} />} />
			<YAxis width={84} interval={0} tick={<PlainTick anchor="end" dy={4} format={money} />} />
			<ReferenceLine y={0} stroke="#4a525c" />
			{series.withBand ? (
				<Area dataKey="band" stroke="none" fill="#5e81ac" fillOpacity={0.22} isAnimationActive={false} name="P10 to P90" />
			) : null}
			<Line dataKey="cumulative" stroke="#14233a" strokeWidth={2} dot={false} isAnimationActive={false} name="Cumulative cash (base)" />
			{paybackLabel ? <ReferenceLine x={paybackLabel} stroke="#1a7f37" strokeDasharray="4 3" /> : null}
		</ComposedChart>
	)
}

// A plain <text> label above a bar (recharts' own <Text> measures in the browser and breaks hydration).
type LabelProps = { x?: number | string; y?: number | string; width?: number | string; value?: string | number }
function TopLabel({ x = 0, y = 0, width = 0, value }: LabelProps) {
	return (
		<text x={Number(x) + Number(width) / 2} y={Number(y) - 6} textAnchor="middle" fontSize={12} fill="#1b1f24">
			{value}
		</text>
	)
}
