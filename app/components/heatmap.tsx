import { Link, useSearchParams } from '@remix-run/react'
import { type KeyboardEvent } from 'react'
import { BAND_LABELS, DIMENSION_LABELS, DIMENSION_SHORT } from '#app/utils/labels.ts'
import { humanize } from '#app/utils/format.ts'
import { DIMENSIONS } from '#models/exposure/types.ts' // not the index: see models/overview.ts
import { type HeatmapRow, type HeatmapSortKey } from '#models/overview.ts'
import { formatScore } from './band.tsx'

/**
 * Business units against the six dimensions: an HTML table, each cell a link carrying its band in words
 * and colour. Arrow keys move between cells; Enter opens the unit at that dimension.
 */
export function Heatmap({ rows, sort, desc }: { rows: HeatmapRow[]; sort: HeatmapSortKey; desc: boolean }) {
	const [params] = useSearchParams()
	const sortLink = (key: HeatmapSortKey) => {
		const next = new URLSearchParams(params)
		const nextDesc = sort === key ? !desc : key !== 'name'
		next.set('sort', `${key}.${nextDesc ? 'desc' : 'asc'}`)
		next.delete('page')
		return `?${next}#heatmap`
	}
	const ariaSort = (key: HeatmapSortKey) => (sort === key ? (desc ? 'descending' : 'ascending') : undefined)
	const arrow = (key: HeatmapSortKey) => (sort === key ? (desc ? ' ▼' : ' ▲') : '')
	return (
		<div className="table-wrap heatmap-wrap">
			<table className="heatmap" onKeyDown={moveFocus}>
				<caption className="sr-only">Exposure of each business unit by risk dimension; sorted by {sort}</caption>
				<thead>
					<tr>
						<th aria-sort={ariaSort('name')} scope="col">
							<Link to={sortLink('name')}>Business unit{arrow('name')}</Link>
						</th>
						<th aria-sort={ariaSort('overall')} scope="col" className="heat-col">
							<Link to={sortLink('overall')}>Overall{arrow('overall')}</Link>
						</th>
						{DIMENSIONS.map(d => (
							<th key={d} aria-sort={ariaSort(d)} scope="col" className="heat-col">
								<Link to={sortLink(d)} title={DIMENSION_LABELS[d]}>
									{DIMENSION_SHORT[d]}
									{arrow(d)}
								</Link>
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.length ? (
						rows.map(r => (
							<tr key={r.unitId}>
								<th scope="row">
									<Link to={`/units/${r.unitId}`} className="unit-link">
										{r.name}
									</Link>
									<div className="muted small">
										{r.city} · {humanize(r.segment)}
									</div>
								</th>
								<td className={`heat band-${r.overall.band}`}>
									<Link
										to={`/units/${r.unitId}${r.overall.dimension ? `#${r.overall.dimension}` : ''}`}
										aria-label={`${r.name}, overall: ${BAND_LABELS[r.overall.band]}, score ${formatScore(r.overall.score)} of 25`}
									>
										<span className="heat-band">{BAND_LABELS[r.overall.band]}</span>
										<span className="heat-score">{formatScore(r.overall.score)}</span>
									</Link>
								</td>
								{DIMENSIONS.map(d => {
									const c = r.cells[d]
									return (
										<td key={d} className={`heat band-${c.band}`}>
											<Link
												to={`/units/${r.unitId}?dimension=${d}#${d}`}
												aria-label={`${r.name}, ${DIMENSION_LABELS[d]}: ${BAND_LABELS[c.band]}, score ${c.score} of 25 (likelihood ${c.likelihood}, impact ${c.impact}), ${c.findings} findings`}
											>
												<span className="heat-band">{BAND_LABELS[c.band]}</span>
												<span className="heat-score">{c.band === 'none' ? '—' : c.score}</span>
											</Link>
										</td>
									)
								})}
							</tr>
						))
					) : (
						<tr>
							<td colSpan={2 + DIMENSIONS.length} className="empty">
								No business units match these filters.
							</td>
						</tr>
					)}
				</tbody>
			</table>
		</div>
	)
}

/** Arrow-key movement between the heatmap's links (a grid should not need 300 presses of Tab). */
function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
	const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }
	const move = moves[event.key]
	if (!move) return
	const cell = (event.target as HTMLElement).closest('td, th')
	const row = cell?.parentElement as HTMLTableRowElement | null
	if (!cell || !row || row.parentElement?.tagName !== 'TBODY') return
	const rows = Array.from(row.parentElement.children) as HTMLTableRowElement[]
	const r = rows.indexOf(row) + move[0]
	const c = Array.from(row.children).indexOf(cell) + move[1]
	const target = rows[r]?.children[c]?.querySelector('a') as HTMLElement | null
	if (target) {
		event.preventDefault()
		target.focus()
	}
}
