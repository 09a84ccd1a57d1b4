import { Link, useNavigate, useSearchParams } from '@remix-run/react'
import { type KeyboardEvent, type MouseEvent } from 'react'
import { BAND_LABELS, DIMENSION_LABELS, DIMENSION_SHORT } from '#app/utils/labels.ts'
import { type Band, BANDS } from '#models/exposure/types.ts'
import { humanize } from '#app/utils/format.ts'
import { DIMENSIONS } from '#models/exposure/types.ts' // not the index: see models/overview.ts
import { type HeatmapLine, type HeatmapSortKey } from '#models/overview.ts'
import { formatScore } from './band.tsx'
import { TableScroll } from './table-scroll.tsx'

/**
 * Business units against the six dimensions: an HTML table, each cell a link whose text is its band and score
 * (colour repeats the band). A screen reader names a cell by that text and its row and column headers, as the
 * eye reads it; likelihood, impact and findings are on the unit page the cell opens. Kept small on purpose
 * (50 rows are 350 links): plain anchors, no per-cell label, one click handler for the body that navigates
 * inside the app. Arrow keys move between cells; Enter opens the unit at that dimension.
 */
export function Heatmap({ rows, sort, desc }: { rows: HeatmapLine[]; sort: HeatmapSortKey; desc: boolean }) {
	const [params] = useSearchParams()
	const navigate = useNavigate()
	const followLink = (event: MouseEvent<HTMLElement>) => {
		const a = (event.target as HTMLElement).closest('a')
		if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
		event.preventDefault()
		navigate(a.getAttribute('href')!)
	}
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
		<TableScroll label="Exposure by business unit" className="heatmap-wrap">
			<table className="heatmap" onKeyDown={moveFocus}>
				<caption className="sr-only">Exposure of each business unit by risk dimension; sorted by {sort}</caption>
				<thead>
					<tr>
						<th aria-sort={ariaSort('name')} scope="col">
							<Link discover="none" to={sortLink('name')}>
								Business unit{arrow('name')}
							</Link>
						</th>
						<th aria-sort={ariaSort('overall')} scope="col" className="heat-col">
							<Link discover="none" to={sortLink('overall')}>
								Overall{arrow('overall')}
							</Link>
						</th>
						{DIMENSIONS.map(d => (
							<th key={d} aria-sort={ariaSort(d)} scope="col" className="heat-col">
								<Link discover="none" to={sortLink(d)} title={DIMENSION_LABELS[d]}>
									{DIMENSION_SHORT[d]}
									{arrow(d)}
								</Link>
							</th>
						))}
					</tr>
				</thead>
				<tbody onClick={followLink}>
					{rows.length ? (
						rows.map(r => (
							<tr key={r.unitId}>
								<th scope="row">
									<a href={`/units/${r.unitId}`}>{r.name}</a>
									<small>
										{`${r.city} · ${humanize(r.segment)}`}
										{r.incomplete ? <span className="incomplete-tag"> · ⚠ Incomplete: nothing recorded</span> : null}
									</small>
								</th>
								<Cell
									href={`/units/${r.unitId}${r.overall.dimension ? `#${r.overall.dimension}` : ''}`}
									score={r.overall.score}
									band={r.overall.band}
								/>
								{DIMENSIONS.map((d, i) => (
									<Cell
										key={d}
										href={`/units/${r.unitId}#${d}`}
										score={r.cells[i]![0]}
										band={BANDS[r.cells[i]![1]] ?? 'none'}
										unknown={r.incomplete}
									/>
								))}
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
		</TableScroll>
	)
}

/** A cell; `unknown`: the unit's record is incomplete, so a dimension nothing raised is unknown, not "None". */
function Cell({ href, score, band, unknown }: { href: string; score: number; band: Band; unknown?: boolean }) {
	return (
		<td className={`band-${band}`}>
			<a href={href}>
				{unknown && band === 'none' ? 'Unknown ' : `${BAND_LABELS[band]} `}
				{band === 'none' ? null : <b>{formatScore(score)}</b>}
			</a>
		</td>
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
