// Plain <text> ticks and labels: recharts' own <Text> measures words in the browser to wrap them, which
// the server cannot do, so the two renders differ and hydration fails.
type TickProps = {
	x?: number
	y?: number
	payload?: { value: string | number }
	anchor: 'start' | 'middle' | 'end'
	dy: number
	format?: (v: number) => string
}
export function PlainTick({ x = 0, y = 0, payload, anchor, dy, format }: TickProps) {
	return (
		<text x={x} y={y} dy={dy} textAnchor={anchor} fontSize={12} fill="#4a525c">
			{format && typeof payload?.value === 'number' ? format(payload.value) : payload?.value}
		</text>
	)
}
