import { Area, Bar, BarChart, Cell, ComposedChart, LabelList, Line, ReferenceLine, XAxis, YAxis } from 'recharts'
import { formatUsd } from '#app/utils/format.ts'
import { type OneOffCosts, type ScenarioResult, type ScenarioUncertainty } from '#models/scenario.ts'
import { PlainTick } from './score-chart.tsx'

const STEPS: Array<[keyof OneOffCosts, string]> = [
	['severance', 'Severance'],
	['noticeInLieu', 'Notice'],
	['premium', 'Premium'],
	['recruitment', 'Hiring'],
	['dualRunning', 'Dual run'],
	['relocation', 'Relocation'],
]

const money = (n: number) => formatUsd(n, { compact: true })

/** One-off costs as a waterfall: each step floats on the ones before it, the total stands on zero. */
export function CostWaterfall({ oneOff }: { oneOff: OneOffCosts }) {
	let running = 0
	const data = STEPS.map(([key, label]) => {
		const value = oneOff[key]
		const row = { label, base: running, value, text: money(value), total: false }
		running += value
		return row
	})
	data.push({ label: 'Total', base: 0, value: oneOff.total, text: money(oneOff.total), total: true })
	return (
		<figure className="chart">
			<BarChart id="cost-waterfall" width={600} height={280} data={data} margin={{ top: 22, right: 10, bottom: 30, left: 10 }}>
				<XAxis dataKey="label" interval={0} tick={<PlainTick anchor="middle" dy={14} />} tickLine={false} />
				<YAxis width={80} interval={0} tick={<PlainTick anchor="end" dy={4} format={money} />} />
				<Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
				<Bar dataKey="value" stackId="w" isAnimationActive={false}>
					{data.map(d => (
						<Cell key={d.label} fill={d.total ? '#14233a' : '#5e81ac'} />
					))}
					<LabelList dataKey="text" content={<TopLabel />} />
				</Bar>
			</BarChart>
			<figcaption className="sr-only">{data.map(d => `${d.label}: ${d.text}`).join('; ')}</figcaption>
		</figure>
	)
}

/** Cumulative cash over the horizon (undiscounted), with the P10-P90 band of the Monte Carlo runs. */
export function CashChart({ result, uncertainty }: { result: ScenarioResult; uncertainty: ScenarioUncertainty | null }) {
	const band = new Map(uncertainty?.cumulative.map(c => [c.month, c]) ?? [])
	const data = result.monthly.map(m => {
		const b = band.get(m.month)
		return { label: m.label, month: m.month, cumulative: m.cumulativeUsd, band: b ? [b.p10, b.p90] : undefined }
	})
	const ticks = data.filter(d => d.month % 12 === 0).map(d => d.label)
	return (
		<figure className="chart">
			<ComposedChart id="cash-chart" width={600} height={280} data={data} margin={{ top: 10, right: 20, bottom: 24, left: 10 }}>
				<XAxis dataKey="label" ticks={ticks} interval={0} tick={<PlainTick anchor="middle" dy={14} />} />
				<YAxis width={84} interval={0} tick={<PlainTick anchor="end" dy={4} format={money} />} />
				<ReferenceLine y={0} stroke="#4a525c" />
				{uncertainty ? <Area dataKey="band" stroke="none" fill="#5e81ac" fillOpacity={0.22} isAnimationActive={false} name="P10 to P90" /> : null}
				<Line dataKey="cumulative" stroke="#14233a" strokeWidth={2} dot={false} isAnimationActive={false} name="Cumulative cash (base)" />
				{result.paybackLabel ? <ReferenceLine x={result.paybackLabel} stroke="#1a7f37" strokeDasharray="4 3" /> : null}
			</ComposedChart>
			<figcaption className="small muted">
				Cumulative net cash in USD, base case (line) and the 10th to 90th percentile of {uncertainty?.runs.toLocaleString('en') ?? '…'} runs (band).
				{result.paybackLabel ? ` Pays back in ${result.paybackLabel} (dashed line).` : ' Does not pay back within the horizon.'}
			</figcaption>
		</figure>
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
