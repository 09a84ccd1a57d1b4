import { Layer, Rectangle, Sankey, Tooltip } from 'recharts'
import { formatInt } from '#app/utils/format.ts'
import { type SankeyData } from '#models/overview.ts'

// Fixed-size SVG, scaled by CSS through its viewBox: recharts 2.x renders it on the server, so the chart
// is in the first paint and in print (ResponsiveContainer would render nothing until measured).
const WIDTH = 960
const COLORS = { ok: '#1f4e8c', gap: '#e66101' } as const

export function FlowSankey({ data }: { data: SankeyData }) {
	if (!data.links.length) return <p className="empty">No personal information leaves China in the inventory.</p>
	const height = Math.max(260, Math.min(560, 32 * Math.max(data.nodes.filter(n => n.kind === 'unit').length, 6)))
	return (
		<figure className="chart sankey">
			<Sankey
				width={WIDTH}
				height={height}
				data={data}
				nodePadding={14}
				nodeWidth={10}
				margin={{ top: 8, right: 130, bottom: 8, left: 250 }}
				link={<SankeyLink />}
				node={<SankeyNode />}
				iterations={32}
			>
				<Tooltip
					formatter={(value: number) => `${formatInt(value)} individuals`}
					isAnimationActive={false}
				/>
			</Sankey>
			<figcaption className="legend">
				<span>
					<i className="swatch" style={{ background: COLORS.ok }} /> Required mechanism in place
				</span>
				<span>
					<i className="swatch hatched" style={{ background: COLORS.gap }} /> Required mechanism missing or expired (dashed)
				</span>
				<span className="muted">Width: individuals since 1 January.{data.unknownVolumeFlows ? ` ${data.unknownVolumeFlows} flows with unknown volumes are drawn at their known part only.` : ''}</span>
			</figcaption>
		</figure>
	)
}

type LinkProps = {
	sourceX?: number
	targetX?: number
	sourceY?: number
	targetY?: number
	sourceControlX?: number
	targetControlX?: number
	linkWidth?: number
	payload?: { compliant: boolean }
}

function SankeyLink(props: LinkProps) {
	const { sourceX = 0, targetX = 0, sourceY = 0, targetY = 0, sourceControlX = 0, targetControlX = 0, linkWidth = 0, payload } = props
	const ok = payload?.compliant ?? true
	return (
		<path
			d={`M${sourceX},${sourceY} C${sourceControlX},${sourceY} ${targetControlX},${targetY} ${targetX},${targetY}`}
			fill="none"
			stroke={ok ? COLORS.ok : COLORS.gap}
			strokeOpacity={ok ? 0.35 : 0.6}
			strokeWidth={Math.max(linkWidth, 1.5)}
			strokeDasharray={ok ? undefined : '6 3'}
		/>
	)
}

type NodeProps = { x?: number; y?: number; width?: number; height?: number; payload?: { name: string; kind: 'unit' | 'country'; value: number } }

function SankeyNode({ x = 0, y = 0, width = 0, height = 0, payload }: NodeProps) {
	if (!payload) return null
	const isUnit = payload.kind === 'unit'
	return (
		<Layer>
			<Rectangle x={x} y={y} width={width} height={height} fill="#14233a" fillOpacity={0.85} />
			<text
				x={isUnit ? x - 6 : x + width + 6}
				y={y + height / 2}
				textAnchor={isUnit ? 'end' : 'start'}
				dominantBaseline="middle"
				fontSize={12}
				fill="#1b1f24"
			>
				<title>{`${payload.name}: ${formatInt(payload.value)} individuals`}</title>
				{truncate(payload.name, 34)}
				<tspan fill="#6b7480"> {formatInt(payload.value)}</tspan>
			</text>
		</Layer>
	)
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
