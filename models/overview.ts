// The executive overview as pure data: headline figures, the heatmap rows (filtered, sorted, paged),
// the likelihood x impact matrix and the Sankey of data leaving China.
// From the engine's types, not its index: the overview's browser code reaches this file (HEATMAP_SPEC), and esbuild
// gives a page every file it can reach by imports whose code some page uses, so the index would bring in the whole
// scoring engine (12 KB gzip), which only the scenario pages run in the browser.
import {
	type Band,
	BANDS,
	DIMENSIONS,
	type Dimension,
	type PenaltyLaw,
	type PortfolioExposure,
	type UnitExposure,
} from './exposure/types.ts'
import { CHINA_CITIES, type PortfolioInventory, SEGMENTS, type UnitInventory } from './domain.ts'
import { type FlowStatus, flowStatuses } from './flow-status.ts'
import { type ListQuery, type ListSpec } from './list-query.ts'
import { mlpsObligations } from './mlps-obligations.ts'

export const HEATMAP_SPEC = {
	sortKeys: ['name', 'overall', ...DIMENSIONS] as const,
	defaultSort: 'overall' as const,
	defaultDesc: true,
	filters: {
		segment: SEGMENTS,
		city: CHINA_CITIES,
		band: ['critical', 'high', 'medium', 'low', 'none'] as const,
		cell: null, // 'L-I', e.g. '4-3': units whose deciding dimension sits in that matrix cell
	},
} satisfies ListSpec<string, string>
export type HeatmapSortKey = (typeof HEATMAP_SPEC.sortKeys)[number]
export type HeatmapQuery = ListQuery<HeatmapSortKey, keyof typeof HEATMAP_SPEC.filters>

export interface HeatmapCell {
	score: number
	band: Band
	likelihood: number
	impact: number
	findings: number
}

export interface HeatmapRow {
	unitId: number
	code: string
	name: string
	segment: string
	city: string
	overall: { score: number; band: Band; dimension: Dimension | null }
	cells: Record<Dimension, HeatmapCell>
	penaltyMaxRmb: number
	/** Handles consumer data with nothing recorded (absent in snapshots frozen before it existed). */
	incomplete?: boolean
}

/**
 * A heatmap row as the overview page ships it: what the table shows and nothing more, the cells as
 * [score, band] in DIMENSIONS order, the band as its index in BANDS (0 none … 4 critical: a digit, not a word, in
 * three hundred cells). The page's HTML carries the loader data a second time (hydration), so every byte here
 * counts twice; likelihood, impact and findings are read on the unit page.
 */
export interface HeatmapLine {
	unitId: number
	name: string
	segment: string
	city: string
	overall: { score: number; band: Band; dimension: Dimension | null }
	cells: Array<[score: number, band: number]>
	/** Present (true) only for an incomplete unit: absent rather than false on every other row. */
	incomplete?: true
}

export const heatmapLine = (r: HeatmapRow): HeatmapLine => ({
	unitId: r.unitId,
	name: r.name,
	segment: r.segment,
	city: r.city,
	overall: r.overall,
	cells: DIMENSIONS.map(d => [r.cells[d].score, BANDS.indexOf(r.cells[d].band)]),
	...(r.incomplete === true ? { incomplete: true as const } : {}),
})

export interface OverviewKpis {
	units: number
	/** Units that handle consumer data with nothing recorded (absent in snapshots frozen before it existed). */
	unitsIncomplete?: number
	peopleInChina: number
	flows: number
	flowsLackingMechanism: number
	systems: number
	systemsOverdue: number
	/** The statutory ceiling: each legal entity's maximum fines summed, the group's turnover counted at most once. */
	penaltyMaxRmb: number
	penaltyUnverified: boolean
	/** The ceiling by law, whole RMB (absent in snapshots frozen before it existed). */
	penaltyByLaw?: Record<PenaltyLaw, number>
	/** What the ceiling is, in one sentence (absent in snapshots frozen before it existed). */
	penaltyBasis?: string
}

export interface SankeyData {
	nodes: Array<{ name: string; kind: 'unit' | 'country' }>
	links: Array<{ source: number; target: number; value: number; compliant: boolean; flows: number }>
	unknownVolumeFlows: number
}

/**
 * The Sankey as the overview's loader ships it: nodes as [name, 'u' | 'c'] and links as [source, target, value,
 * compliant 1/0, flows] tuples, a third of the JSON of the objects (a hundred links and more at scale). Lossless:
 * `unpackSankey(packSankey(d))` equals `d`.
 */
export interface PackedSankey {
	nodes: Array<[string, 'u' | 'c']>
	links: Array<[number, number, number, 0 | 1, number]>
	unknownVolumeFlows: number
}

export function packSankey(d: SankeyData): PackedSankey {
	return {
		nodes: d.nodes.map(n => [n.name, n.kind === 'unit' ? 'u' : 'c']),
		links: d.links.map(l => [l.source, l.target, l.value, l.compliant ? 1 : 0, l.flows]),
		unknownVolumeFlows: d.unknownVolumeFlows,
	}
}

export function unpackSankey(p: PackedSankey): SankeyData {
	return {
		nodes: p.nodes.map(([name, kind]) => ({ name, kind: kind === 'u' ? 'unit' : 'country' })),
		links: p.links.map(([source, target, value, compliant, flows]) => ({ source, target, value, compliant: compliant === 1, flows })),
		unknownVolumeFlows: p.unknownVolumeFlows,
	}
}

/** Counts of units by the likelihood and impact of the dimension that decides their overall score. */
export type RiskMatrix = number[][] // [likelihood 1-5][impact 1-5], index 0 unused

/** What the overview counts in one unit on `asOf`: its flows' statuses, and the headline counts they and its rows give. */
export interface UnitOverviewFigures {
	statuses: FlowStatus[]
	sankey: UnitSankeyPart
	flows: number
	lacking: number
	systems: number
	overdue: number
	people: number
}

export function unitOverviewFigures(u: UnitInventory, asOf: string): UnitOverviewFigures {
	const statuses = flowStatuses(u.unit, u.flows, asOf)
	let flows = 0
	let lacking = 0
	let overdue = 0
	let people = 0
	for (const s of statuses) {
		if (!s.leavesChina) continue
		flows++
		if (!s.satisfied) lacking++
	}
	for (const s of u.systems) if (mlpsObligations(s, asOf).overdue) overdue++
	for (const l of u.staffing) people += l.headcount
	return { statuses, sankey: unitSankeyPart(u, statuses), flows, lacking, systems: u.systems.length, overdue, people }
}

/**
 * The headline figures. `figuresOf` gives a unit's counts (by default computed here); a caller that keeps them per
 * unit (the server's cache, decision 025) passes its own, so a write re-counts only the units it changed.
 */
export function overviewKpis(
	p: PortfolioInventory,
	e: PortfolioExposure,
	figuresOf: (u: UnitInventory) => UnitOverviewFigures = u => unitOverviewFigures(u, e.asOf),
): OverviewKpis {
	let flows = 0
	let lacking = 0
	let systems = 0
	let overdue = 0
	let people = 0
	for (const u of p.units) {
		const f = figuresOf(u)
		flows += f.flows
		lacking += f.lacking
		systems += f.systems
		overdue += f.overdue
		people += f.people
	}
	return {
		units: p.units.length,
		unitsIncomplete: e.units.filter(u => u.incomplete === true).length,
		peopleInChina: people,
		flows,
		flowsLackingMechanism: lacking,
		systems,
		systemsOverdue: overdue,
		penaltyMaxRmb: e.penalties.totalMaxRmb,
		penaltyUnverified: e.penalties.unverified,
		penaltyByLaw: e.penalties.byLaw,
		penaltyBasis: e.penalties.basis,
	}
}

function rowOf(u: UnitExposure, p: Map<number, PortfolioInventory['units'][number]>): HeatmapRow {
	const inv = p.get(u.unitId)!
	const cells = {} as Record<Dimension, HeatmapCell>
	for (const d of DIMENSIONS) {
		const x = u.dimensions[d]
		cells[d] = { score: x.score, band: x.band, likelihood: x.likelihood, impact: x.impact, findings: x.findings.length }
	}
	return {
		unitId: u.unitId,
		code: u.unitCode,
		name: u.unitName,
		segment: inv.unit.segment,
		city: inv.unit.city,
		overall: { score: u.overall.score, band: u.overall.band, dimension: u.overall.dimension },
		cells,
		penaltyMaxRmb: u.penalties.totalMaxRmb,
		incomplete: u.incomplete === true,
	}
}

const deciding = (r: HeatmapRow) => (r.overall.dimension ? r.cells[r.overall.dimension] : null)

export function heatmapRows(p: PortfolioInventory, e: PortfolioExposure): HeatmapRow[] {
	const byId = new Map(p.units.map(u => [u.unit.id, u]))
	return e.units.map(u => rowOf(u, byId))
}

/** Filters, sorts (ties by name) and pages the heatmap; `total` counts the filtered rows. */
export function queryHeatmap(rows: HeatmapRow[], q: HeatmapQuery) {
	const f = q.filters
	const needle = q.q.toLowerCase()
	const filtered = rows.filter(
		r =>
			(!f.segment || r.segment === f.segment) &&
			(!f.city || r.city === f.city) &&
			(!f.band || r.overall.band === f.band) &&
			(!f.cell || `${deciding(r)?.likelihood}-${deciding(r)?.impact}` === f.cell) &&
			(!needle || r.name.toLowerCase().includes(needle) || r.code.toLowerCase().includes(needle)),
	)
	const key = (r: HeatmapRow): number | string =>
		q.sort === 'name' ? r.name : q.sort === 'overall' ? r.overall.score : r.cells[q.sort].score
	const dir = q.desc ? -1 : 1
	filtered.sort((a, b) => {
		const ka = key(a)
		const kb = key(b)
		if (ka < kb) return -dir
		if (ka > kb) return dir
		return a.name.localeCompare(b.name)
	})
	const start = (q.page - 1) * q.pageSize
	return { rows: filtered.slice(start, start + q.pageSize), total: filtered.length }
}

export function riskMatrix(rows: HeatmapRow[]): RiskMatrix {
	const m = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => 0))
	for (const r of rows) {
		const c = deciding(r)
		if (c && c.likelihood > 0 && c.impact > 0) m[c.likelihood]![c.impact]!++
	}
	return m
}

/**
 * Units to destination countries, width by individuals (personal plus sensitive), split by whether the
 * required mechanism is in place. The `maxUnits` largest exporters are drawn; the rest join 'Other units'.
 */
/** One unit's share of the Sankey: its flows leaving China with a known volume, by destination and compliance. */
export interface UnitSankeyPart {
	/** Individuals in its flows leaving China (the unit's width in the Sankey); 0 when none has a volume. */
	total: number
	/** Its flows leaving China whose volume is unknown. */
	unknown: number
	/** By destination country and whether the flow's required mechanism is in place, in the order first met. */
	links: Array<{ key: string; country: string; compliant: boolean; value: number; flows: number }>
}

export function unitSankeyPart(u: UnitInventory, statuses: readonly FlowStatus[]): UnitSankeyPart {
	const links = new Map<string, UnitSankeyPart['links'][number]>()
	let total = 0
	let unknown = 0
	for (const [i, f] of u.flows.entries()) {
		const s = statuses[i]!
		if (!s.leavesChina) continue
		if (s.volumeUnknown) unknown++
		const value = (f.personalInfoIndividuals ?? 0) + (f.sensitivePersonalInfoIndividuals ?? 0)
		if (value <= 0) continue
		const key = `${f.destinationCountry}|${s.satisfied}`
		const l = links.get(key) ?? { key, country: f.destinationCountry, compliant: s.satisfied, value: 0, flows: 0 }
		l.value += value
		l.flows++
		links.set(key, l)
		total += value
	}
	return { total, unknown, links: [...links.values()] }
}

/**
 * The Sankey of individuals' data leaving China: the `maxUnits` largest units by volume (the rest as "Other units")
 * to destination countries, split by whether the required mechanism is in place. `partOf` gives a unit's share (by
 * default computed here); a caller that keeps them per unit passes its own (decision 025).
 */
export function sankeyData(
	p: PortfolioInventory,
	asOf: string,
	maxUnits = 12,
	partOf: (u: UnitInventory) => UnitSankeyPart = u => unitSankeyPart(u, flowStatuses(u.unit, u.flows, asOf)),
): SankeyData {
	type Agg = { unit: string; country: string; compliant: boolean; value: number; flows: number }
	const parts = p.units.map(partOf)
	const unitTotals = new Map<string, number>()
	let unknown = 0
	for (const [i, u] of p.units.entries()) {
		const part = parts[i]!
		unknown += part.unknown
		if (part.total > 0) unitTotals.set(u.unit.name, (unitTotals.get(u.unit.name) ?? 0) + part.total)
	}
	const top = new Set(
		[...unitTotals.entries()]
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.slice(0, maxUnits)
			.map(([n]) => n),
	)
	// By unit (a top unit's name, or "Other units"), then destination and compliance; `merged` in the order first met.
	const byUnit = new Map<string, Map<string, Agg>>()
	const merged: Agg[] = []
	for (const [i, u] of p.units.entries()) {
		const links = parts[i]!.links
		if (!links.length) continue
		const unit = top.has(u.unit.name) ? u.unit.name : 'Other units'
		let aggs = byUnit.get(unit)
		if (!aggs) byUnit.set(unit, (aggs = new Map()))
		for (const l of links) {
			let a = aggs.get(l.key)
			if (!a) {
				aggs.set(l.key, (a = { unit, country: l.country, compliant: l.compliant, value: 0, flows: 0 }))
				merged.push(a)
			}
			a.value += l.value
			a.flows += l.flows
		}
	}
	const units = [...new Set(merged.map(a => a.unit))].sort((a, b) => (unitTotals.get(b) ?? 0) - (unitTotals.get(a) ?? 0))
	const countries = [...new Set(merged.map(a => a.country))].sort()
	const nodes = [...units.map(name => ({ name, kind: 'unit' as const })), ...countries.map(name => ({ name, kind: 'country' as const }))]
	const index = new Map(nodes.map((n, i) => [`${n.kind}:${n.name}`, i]))
	const links = merged
		.map(a => ({
			source: index.get(`unit:${a.unit}`)!,
			target: index.get(`country:${a.country}`)!,
			value: a.value,
			compliant: a.compliant,
			flows: a.flows,
		}))
		.sort((a, b) => a.source - b.source || a.target - b.target || Number(a.compliant) - Number(b.compliant))
	return { nodes, links, unknownVolumeFlows: unknown }
}
