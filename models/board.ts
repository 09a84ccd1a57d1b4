// What the board reads from a frozen quarter: headline figures, the heatmap rows, data-quality notes and
// a one-line trend point. Pure: computed from a snapshot's own frozen inventory and results.
import { type PortfolioInventory } from './domain.ts'
import { type Band, type PortfolioExposure } from './exposure/index.ts'
import { heatmapRows, overviewKpis } from './overview.ts'

export interface TrendPoint {
	quarter: string
	modelLabel: string
	meanOverall: number
	critical: number
	high: number
	medium: number
	low: number
	flowsLackingMechanism: number
	systemsOverdue: number
	penaltyMaxRmbBn: number
}

/** Raise when trendPoint's output changes for the same snapshot: points cached under the old number are derived again. */
export const TREND_POINT_VERSION = 2 // 2: flows lacking their mechanism counted per exporter (rules 2026.12)

export function trendPoint(quarter: string, modelLabel: string, inventory: PortfolioInventory, results: PortfolioExposure): TrendPoint {
	const k = overviewKpis(inventory, results)
	const count = (b: Band) => results.units.filter(u => u.overall.band === b).length
	const mean = results.units.length ? results.units.reduce((n, u) => n + u.overall.score, 0) / results.units.length : 0
	return {
		quarter,
		modelLabel,
		meanOverall: Math.round(mean * 100) / 100,
		critical: count('critical'),
		high: count('high'),
		medium: count('medium'),
		low: count('low'),
		flowsLackingMechanism: k.flowsLackingMechanism,
		systemsOverdue: k.systemsOverdue,
		penaltyMaxRmbBn: Math.round(k.penaltyMaxRmb / 1e8) / 10,
	}
}

/** Gaps in the inventory that limit what the scores can say, in words for the board pack. */
export function dataQualityNotes(inventory: PortfolioInventory): string[] {
	const flows = inventory.units.flatMap(u => u.flows.map(f => ({ unit: u.unit, f })))
	const systems = inventory.units.flatMap(u => u.systems.map(s => ({ unit: u.unit, s })))
	const notes: string[] = []
	const unknownVolumes = flows.filter(x => x.f.personalInfoIndividuals === null || x.f.sensitivePersonalInfoIndividuals === null)
	if (unknownVolumes.length)
		notes.push(
			`${unknownVolumes.length} of ${flows.length} data flows have unknown volumes (${unknownVolumes
				.slice(0, 5)
				.map(x => x.f.code)
				.join(
					', ',
				)}${unknownVolumes.length > 5 ? ', …' : ''}); their required mechanism is assessed on the volumes known, so it may be understated.`,
		)
	const ungraded = systems.filter(x => x.s.mlpsLevel === null)
	if (ungraded.length)
		notes.push(
			`${ungraded.length} of ${systems.length} systems are not yet graded under MLPS (${ungraded
				.slice(0, 5)
				.map(x => x.s.code)
				.join(', ')}${ungraded.length > 5 ? ', …' : ''}); their filing and assessment duties cannot be dated.`,
		)
	const noStaff = inventory.units.filter(u => u.staffing.length === 0)
	if (noStaff.length) notes.push(`${noStaff.length} units have no staffing lines recorded; workforce concentration ignores them.`)
	if (!notes.length) notes.push('No gaps found: every flow has known volumes and every system is graded.')
	return notes
}

export { heatmapRows, overviewKpis }
