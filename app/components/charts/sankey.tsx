import { Sankey, Tooltip } from 'recharts'
import { formatInt } from '#app/utils/format.ts'
import { type SankeyData } from '#models/overview.ts'

/** The Sankey itself, loaded lazily by FlowSankey (../flow-sankey.tsx). */
export function SankeyDrawing({ data, width, height }: { data: SankeyData; width: number; height: number }) {
	return (
		<Sankey
			width={width}
			height={height}
			data={data}
			nodePadding={14}
			nodeWidth={10}
			margin={{ top: 8, right: 130, bottom: 8, left: 250 }}
			link={<SankeyLink />}
			node={<SankeyNode />}
			iterations={32}
		>
			<Tooltip formatter={(value: number) => `${formatInt(value)} individuals`} isAnimationActive={false} />
		</Sankey>
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

// A tenth of a pixel is finer than any screen or printer shows; full precision tripled the SVG in the page's HTML.
const r = (n: number) => Math.round(n * 10) / 10

function SankeyLink(props: LinkProps) {
	const { sourceX = 0, targetX = 0, sourceY = 0, targetY = 0, sourceControlX = 0, targetControlX = 0, linkWidth = 0, payload } = props
	const ok = payload?.compliant ?? true
	return (
		<path
			// Relative cubic (c): the same curve, a few bytes shorter per link than absolute coordinates.
			d={`M${r(sourceX)} ${r(sourceY)}c${r(sourceControlX - sourceX)} 0 ${r(targetControlX - sourceX)} ${r(targetY - sourceY)} ${r(targetX - sourceX)} ${r(targetY - sourceY)}`.replaceAll(
				' -',
				'-',
			)}
			className={ok ? 'link-ok' : 'link-gap'} // colours in app.css (FLOW_COLORS): a hundred links repeat them otherwise
			strokeWidth={r(Math.max(linkWidth, 1.5))}
		/>
	)
}

type NodeProps = {
	x?: number
	y?: number
	width?: number
	height?: number
	payload?: { name: string; kind: 'unit' | 'country'; value: number }
}

function SankeyNode({ x = 0, y = 0, width = 0, height = 0, payload }: NodeProps) {
	if (!payload) return null
	const isUnit = payload.kind === 'unit'
	return (
		<>
			{/* Fill, font and anchor come from classes in app.css (.sankey .sk-*): twenty nodes repeated them otherwise.
			    No group of its own: recharts already wraps each node in one. */}
			<rect x={r(x)} y={r(y)} width={r(width)} height={r(height)} className="sk-node" />
			<text x={r(isUnit ? x - 6 : x + width + 6)} y={r(y + height / 2)} className={isUnit ? 'sk-unit' : 'sk-country'}>
				<title>{`${payload.name}: ${formatInt(payload.value)} individuals`}</title>
				{isUnit ? truncate(payload.name, UNIT_LABEL_CHARS - formatInt(payload.value).length) : payload.name}
				<tspan className="sk-count"> {formatInt(payload.value)}</tspan>
			</text>
		</>
	)
}

// A unit's name and count fit the left margin (250 px at 12 px): long counts leave fewer characters for the name.
const UNIT_LABEL_CHARS = 34
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
