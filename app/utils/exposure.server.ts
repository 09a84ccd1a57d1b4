import { type Kysely } from 'kysely'
import { getInventoryVersion } from '#db/repositories/inventory-version.ts'
import { findActiveModelVersion } from '#db/repositories/model-versions.ts'
import { loadPortfolio, loadUnitInventory } from '#db/repositories/portfolio.ts'
import { type Database } from '#db/schema.ts'
import { parseModelSettings, type PortfolioExposure, scorePortfolio, scoreUnit } from '#models/exposure/index.ts'
import { type ModelSettings } from '#models/exposure/settings.ts'
import { heatmapRows, overviewKpis, riskMatrix, sankeyData } from '#models/overview.ts'
import { type PortfolioInventory } from '#models/domain.ts'
import { listGroupHeadcount } from '#db/repositories/staffing.ts'

/** Today as 'YYYY-MM-DD' (UTC): the date every score is computed for. */
export const today = () => new Date().toISOString().slice(0, 10)

export async function requireActiveModel(db: Kysely<Database>) {
	const model = await findActiveModelVersion(db)
	if (!model) throw new Response('No scoring model version is active. An administrator must seed or create one.', { status: 503 })
	const parsed = parseModelSettings(model.settings)
	if (!parsed.ok) throw new Response(`The active model version ${model.label} is invalid: ${parsed.errors.join('; ')}`, { status: 500 })
	return { id: model.id, label: model.label, settings: parsed.value as ModelSettings }
}

interface Scored {
	key: string
	portfolio: PortfolioInventory
	exposure: PortfolioExposure
	model: { id: number; label: string; settings: ModelSettings }
}

// Scores are cached per (inventory version, model version, date): two cheap queries decide whether the
// whole portfolio must be read and scored again. Every inventory write bumps the version.
const g = globalThis as unknown as { __scored?: Scored }

/** What a score depends on besides the scoring code: the inventory version, the active model and the date. */
export async function scoringKey(db: Kysely<Database>) {
	const [version, model] = await Promise.all([getInventoryVersion(db), requireActiveModel(db)])
	const asOf = today()
	return { key: `${version}|${model.id}|${asOf}`, model, asOf }
}

export async function getScoredPortfolio(db: Kysely<Database>): Promise<Scored> {
	const { key, model, asOf } = await scoringKey(db)
	if (g.__scored?.key === key) return g.__scored
	const portfolio = await loadPortfolio(db)
	const exposure = scorePortfolio(portfolio, model.settings, asOf)
	g.__scored = { key, portfolio, exposure, model }
	return g.__scored
}

/** One unit's inventory and exposure (workforce concentration needs the group headcount). */
export async function getScoredUnit(db: Kysely<Database>, unitId: number) {
	const [inv, model, groupHeadcount] = await Promise.all([loadUnitInventory(db, unitId), requireActiveModel(db), listGroupHeadcount(db)])
	if (!inv) return undefined
	const asOf = today()
	return { inv, asOf, model, exposure: scoreUnit(inv, { settings: model.settings, asOf, groupHeadcount }) }
}

// What the overview derives from the scored portfolio (headline figures, every heatmap row, the risk matrix, the
// Sankey) is cached under the same key: at 1,000 units it costs more than the page's own queries.
const o = globalThis as unknown as { __overview?: { key: string; value: ReturnType<typeof deriveOverview> } }

function deriveOverview(s: Scored) {
	const rows = heatmapRows(s.portfolio, s.exposure)
	return { kpis: overviewKpis(s.portfolio, s.exposure), rows, matrix: riskMatrix(rows), sankey: sankeyData(s.portfolio, s.exposure.asOf), model: s.model, asOf: s.exposure.asOf }
}

export async function getOverview(db: Kysely<Database>) {
	const scored = await getScoredPortfolio(db)
	if (o.__overview?.key !== scored.key) o.__overview = { key: scored.key, value: deriveOverview(scored) }
	return o.__overview.value
}
