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
				<span className="muted">Width: individuals since 1 January.{data.unknownVolumeFlows ? ` ${formatInt(data.unknownVolumeFlows)} flows with unknown volumes are drawn at their known part only.` : ''}</span>
			</figcaption>
		</figure>
	)
}
