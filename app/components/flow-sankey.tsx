import { formatInt } from '#app/utils/format.ts'
import { type SankeyData } from '#models/overview.ts'
import { FLOW_COLORS as COLORS } from './charts/palette.ts'
import { lazyChart } from './lazy-chart.tsx'

// Fixed-size SVG, scaled by CSS through its viewBox: recharts 2.x renders it on the server, so the chart
// is in the first paint and in print (ResponsiveContainer would render nothing until measured).
const WIDTH = 960
const SankeyDrawing = lazyChart(() => import('./charts/sankey.tsx').then(m => m.SankeyDrawing))

export function FlowSankey({ data }: { data: SankeyData }) {
	if (!data.links.length) return <p className="empty">No personal information leaves China in the inventory.</p>
	const height = Math.max(260, Math.min(560, 32 * Math.max(data.nodes.filter(n => n.kind === 'unit').length, 6)))
	return (
		<figure className="chart sankey">
			<SankeyDrawing data={data} width={WIDTH} height={height} />
			<figcaption className="legend">
				<span>
					<i className="swatch" style={{ background: COLORS.ok }} /> Required mechanism in place
				</span>
				<span>
					<i className="swatch hatched" style={{ background: COLORS.gap }} /> Required mechanism missing or expired (dashed)
				</span>
				<span className="muted">
					Width: individuals since 1 January.
					{data.unknownVolumeFlows
						? ` ${formatInt(data.unknownVolumeFlows)} flows with unknown volumes are drawn at their known part only.`
						: ''}
				</span>
			</figcaption>
			<SankeyTable data={data} />
		</figure>
	)
}

/**
 * The drawing's text alternative, and its reading on a phone or on paper: one row per unit (as drawn, the largest
 * exporters and 'Other units'), its individuals, those whose required mechanism is missing, and where they go.
 */
function SankeyTable({ data }: { data: SankeyData }) {
	const units = new Map<number, { total: number; missing: number; to: Map<string, number> }>()
	for (const l of data.links) {
		const u = units.get(l.source) ?? { total: 0, missing: 0, to: new Map() }
		u.total += l.value
		if (!l.compliant) u.missing += l.value
		const country = data.nodes[l.target]?.name ?? ''
		u.to.set(country, (u.to.get(country) ?? 0) + l.value)
		units.set(l.source, u)
	}
	const rows = [...units].sort((a, b) => b[1].total - a[1].total)
	return (
		<details className="sankey-table">
			<summary>The same flows as a table</summary>
			<div className="table-wrap" role="region" aria-label="Personal information leaving China, by unit" tabIndex={0}>
				<table className="compact">
					<thead>
						<tr>
							<th scope="col">Business unit</th>
							<th scope="col" className="num">
								Individuals
							</th>
							<th scope="col" className="num">
								Mechanism missing
							</th>
							<th scope="col">To</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(([source, u]) => (
							<tr key={source}>
								<th scope="row">{data.nodes[source]?.name}</th>
								<td className="num">{formatInt(u.total)}</td>
								<td className="num">{formatInt(u.missing)}</td>
								<td>
									{[...u.to]
										.sort((a, b) => b[1] - a[1])
										.map(([country, n]) => `${country} ${formatInt(n)}`)
										.join('; ')}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</details>
	)
}
