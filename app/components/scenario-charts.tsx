import { useMemo } from 'react'
import { formatUsd } from '#app/utils/format.ts'
import { type OneOffCosts, type ScenarioResult, type ScenarioUncertainty } from '#models/scenario/index.ts'
import { lazyChart } from './lazy-chart.tsx'

const STEPS: Array<[keyof OneOffCosts, string]> = [
	['severance', 'Severance'],
	['noticeInLieu', 'Notice'],
	['premium', 'Premium'],
	['recruitment', 'Hiring'],
	['dualRunning', 'Dual run'],
	['relocation', 'Relocation'],
]
const WIDTH = 600
const HEIGHT = 280

const money = (n: number) => formatUsd(n, { compact: true })
const WaterfallDrawing = lazyChart(() => import('./charts/scenario.tsx').then(m => m.WaterfallDrawing))
const CashDrawing = lazyChart(() => import('./charts/scenario.tsx').then(m => m.CashDrawing))

export type WaterfallStep = ReturnType<typeof waterfallSteps>[number]
export type CashSeries = ReturnType<typeof cashSeries>

function waterfallSteps(oneOff: OneOffCosts) {
	let running = 0
	const steps = STEPS.map(([key, label]) => {
		const value = oneOff[key]
		const row = { label, base: running, value, text: money(value), total: false }
		running += value
		return row
	})
	steps.push({ label: 'Total', base: 0, value: oneOff.total, text: money(oneOff.total), total: true })
	return steps
}

function cashSeries(result: ScenarioResult, uncertainty: ScenarioUncertainty | null) {
	const band = new Map(uncertainty?.cumulative.map(c => [c.month, c]) ?? [])
	const rows = result.monthly.map(m => {
		const b = band.get(m.month)
		return { label: m.label, month: m.month, cumulative: m.cumulativeUsd, band: b ? [b.p10, b.p90] : undefined }
	})
	return { rows, ticks: rows.filter(d => d.month % 12 === 0).map(d => d.label), withBand: uncertainty !== null }
}

// The series are memoised so that a re-render with the same results leaves the (lazy) drawing alone.

/** One-off costs as a waterfall: each step floats on the ones before it, the total stands on zero. */
export function CostWaterfall({ oneOff }: { oneOff: OneOffCosts }) {
	const steps = useMemo(() => waterfallSteps(oneOff), [oneOff])
	return (
		<figure className="chart">
			<WaterfallDrawing steps={steps} width={WIDTH} height={HEIGHT} />
			<figcaption className="sr-only">{steps.map(d => `${d.label}: ${d.text}`).join('; ')}</figcaption>
		</figure>
	)
}

/** Cumulative cash over the horizon (undiscounted), with the P10-P90 band of the Monte Carlo runs. */
export function CashChart({ result, uncertainty }: { result: ScenarioResult; uncertainty: ScenarioUncertainty | null }) {
	const series = useMemo(() => cashSeries(result, uncertainty), [result, uncertainty])
	return (
		<figure className="chart">
			<CashDrawing series={series} paybackLabel={result.paybackLabel} width={WIDTH} height={HEIGHT} />
			<figcaption className="small muted">
				Cumulative net cash in USD, base case (line) and the 10th to 90th percentile of {uncertainty?.runs.toLocaleString('en') ?? '…'} runs
				(band).
				{result.paybackLabel ? ` Pays back in ${result.paybackLabel} (dashed line).` : ' Does not pay back within the horizon.'}
			</figcaption>
		</figure>
	)
}
