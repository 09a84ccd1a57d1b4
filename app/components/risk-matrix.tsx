import { Link } from '@remix-run/react'
import { BAND_LABELS } from '#app/utils/labels.ts'
import { type RatedBand } from '#models/exposure/index.ts'
import { type RiskMatrix as Matrix } from '#models/overview.ts'

/**
 * Likelihood (rows, 5 at the top) by impact (columns); each cell counts the units whose deciding
 * dimension sits there and links to them. Cell colour comes from the model's risk matrix; each cell names its band in words too.
 */
export function RiskMatrix({ counts, bands, activeCell }: { counts: Matrix; bands: RatedBand[][]; activeCell?: string }) {
	const levels = [1, 2, 3, 4, 5]
	return (
		<table className="risk-matrix">
			<caption className="sr-only">Units by likelihood and impact of their deciding dimension</caption>
			<thead>
				<tr>
					<th scope="col" className="axis">
						<span className="sr-only">Likelihood</span>
					</th>
					{levels.map(i => (
						<th key={i} scope="col">
							{i}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{[...levels].reverse().map(l => (
					<tr key={l}>
						<th scope="row">{l}</th>
						{levels.map(i => {
							const n = counts[l]?.[i] ?? 0
							const band = bands[l - 1]?.[i - 1] ?? 'low'
							const key = `${l}-${i}`
							return (
								<td key={i} className={`band-${band}${activeCell === key ? ' active' : ''}`}>
									{n > 0 ? (
										<Link to={`?cell=${key}#heatmap`} aria-label={`${n} units at likelihood ${l}, impact ${i}`}>
											{n}
										</Link>
									) : (
										<span aria-label={`no units at likelihood ${l}, impact ${i}`} className="zero">
											·
										</span>
									)}
									<span className="cell-band">{BAND_LABELS[band]}</span>
								</td>
							)
						})}
					</tr>
				))}
			</tbody>
			<tfoot>
				<tr>
					<td />
					<td colSpan={5} className="axis-label">
						Impact →
					</td>
				</tr>
			</tfoot>
		</table>
	)
}
