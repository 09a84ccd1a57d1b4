import { type Kysely } from 'kysely'
import { LRUCache } from 'lru-cache'
import { getScoreInputsVersion } from '#db/repositories/inventory-version.ts'
import { findModelVersionById } from '#db/repositories/model-versions.ts'
import { loadPortfolio, loadUnitInventory } from '#db/repositories/portfolio.ts'
import { type Database } from '#db/schema.ts'
import { parseModelSettings, type PortfolioExposure, scorePortfolio, scoreUnit } from '#models/exposure/index.ts'
import { type ModelSettings } from '#models/exposure/settings.ts'
import { type HeatmapQuery, heatmapLine, heatmapRows, overviewKpis, queryHeatmap, riskMatrix, sankeyData } from '#models/overview.ts'
import { type PortfolioInventory } from '#models/domain.ts'
import { listGroupHeadcount } from '#db/repositories/staffing.ts'
import { type FlowStatus, flowStatuses } from '#models/flow-status.ts'
import { mlpsObligations } from '#models/mlps-obligations.ts'

/** Today as 'YYYY-MM-DD' (UTC): the date every score is computed for. */
export const today = () => new Date().toISOString().slice(0, 10)

async function requireActiveModel(db: Kysely<Database>) {
	const { modelId } = await getScoreInputsVersion(db)
	return modelById(db, modelId)
}

type ActiveModel = { id: number; label: string; settings: ModelSettings }

// Model versions are never edited (a change is a new version), so a parsed version is kept by its id.
const models = new Map<number, ActiveModel>()

async function modelById(db: Kysely<Database>, id: number | null): Promise<ActiveModel> {
	const cached = id === null ? undefined : models.get(id)
	if (cached) return cached
	const model = id === null ? undefined : await findModelVersionById(db, id)
	if (!model) throw new Response('No scoring model version is active. An administrator must seed or create one.', { status: 503 })
	const parsed = parseModelSettings(model.settings)
	if (!parsed.ok) throw new Response(`The active model version ${model.label} is invalid: ${parsed.errors.join('; ')}`, { status: 500 })
	const value = { id: model.id, label: model.label, settings: parsed.value as ModelSettings }
	models.set(model.id, value)
	return value
}

export interface Scored {
	key: string
	portfolio: PortfolioInventory
	exposure: PortfolioExposure
	model: { id: number; label: string; settings: ModelSettings }
}

// Scores are cached per (inventory version, model version, date): one small query decides whether the
// whole portfolio must be read and scored again. Every inventory write bumps the version.
const g = globalThis as unknown as { __scored?: Scored }

/**
 * What a score depends on besides the scoring code: the inventory version, the active model and the date; with the
 * obligations version read in the same query (the register's cache key adds it).
 */
export async function scoringKey(db: Kysely<Database>) {
	const { inventoryVersion, modelId, obligationsVersion } = await getScoreInputsVersion(db)
	const asOf = today()
	return { key: `${inventoryVersion}|${modelId}|${asOf}`, modelId, asOf, obligationsVersion }
}

/** The scored portfolio and the obligations version, from one small query when the scores are cached. */
export async function getScoredPortfolioAndVersions(db: Kysely<Database>): Promise<{ scored: Scored; obligationsVersion: number }> {
	const { key, modelId, asOf, obligationsVersion } = await scoringKey(db)
	if (g.__scored?.key === key) return { scored: g.__scored, obligationsVersion }
	const model = await modelById(db, modelId)
	const portfolio = await loadPortfolio(db)
	const exposure = scorePortfolio(portfolio, model.settings, asOf)
	g.__scored = { key, portfolio, exposure, model }
	return { scored: g.__scored, obligationsVersion }
}

export async function getScoredPortfolio(db: Kysely<Database>): Promise<Scored> {
	return (await getScoredPortfolioAndVersions(db)).scored
}

/** One unit's inventory and exposure (workforce concentration needs the group headcount). */
export async function getScoredUnit(db: Kysely<Database>, unitId: number) {
	const [inv, model, groupHeadcount] = await Promise.all([loadUnitInventory(db, unitId), requireActiveModel(db), listGroupHeadcount(db)])
	if (!inv) return undefined
	const asOf = today()
	return { inv, asOf, model, exposure: scoreUnit(inv, { settings: model.settings, asOf, groupHeadcount }) }
}

// What the overview derives from the scored portfolio (headline figures, every heatmap row, the risk matrix, the
// Sankey) is cached under the same key, and so is each heatmap page asked for: at 1,000 units filtering and
// sorting the rows costs more than the page's one query. A steady-state overview is one small query.
interface OverviewCache {
	key: string
	value: ReturnType<typeof deriveOverview>
	pages: LRUCache<string, ReturnType<typeof queryHeatmap>>
}
const o = globalThis as unknown as { __overview?: OverviewCache }
const MAX_CACHED_PAGES = 200

function deriveOverview(s: Scored) {
	const rows = heatmapRows(s.portfolio, s.exposure)
	return {
		kpis: overviewKpis(s.portfolio, s.exposure),
		rows,
		matrix: riskMatrix(rows),
		sankey: sankeyData(s.portfolio, s.exposure.asOf),
		model: s.model,
		asOf: s.exposure.asOf,
	}
}

async function overviewCache(db: Kysely<Database>, given?: Scored): Promise<OverviewCache> {
	const scored = given ?? (await getScoredPortfolio(db))
	if (o.__overview?.key !== scored.key)
		o.__overview = { key: scored.key, value: deriveOverview(scored), pages: new LRUCache({ max: MAX_CACHED_PAGES }) }
	return o.__overview
}

/** The overview's data for one heatmap query: headline figures, the matrix, the Sankey and one page of rows. */
export async function overviewPage(db: Kysely<Database>, query: HeatmapQuery, scored?: Scored) {
	const cache = await overviewCache(db, scored)
	const pageKey = JSON.stringify(query)
	let heatmap = cache.pages.get(pageKey)
	if (!heatmap) {
		heatmap = queryHeatmap(cache.value.rows, query)
		cache.pages.set(pageKey, heatmap)
	}
	const { kpis, matrix, sankey, model, asOf } = cache.value
	return {
		kpis,
		heatmap: { total: heatmap.total, rows: heatmap.rows.map(heatmapLine) },
		matrix,
		matrixBands: model.settings.riskMatrix,
		sankey,
		query,
		asOf,
		modelLabel: model.label,
	}
}

// Each flow's status (required mechanism counted per exporter, in place, satisfied) on today's date, from the same
// cached portfolio the overview reads, so the flow list's "lacking" rows are exactly the overview's count.
const fs = globalThis as unknown as { __flowStatuses?: { key: string; index: Map<number, FlowStatus> } }

export async function getFlowStatusIndex(db: Kysely<Database>): Promise<Map<number, FlowStatus>> {
	const scored = await getScoredPortfolio(db)
	if (fs.__flowStatuses?.key !== scored.key) {
		const index = new Map<number, FlowStatus>()
		for (const u of scored.portfolio.units) for (const s of flowStatuses(u.unit, u.flows, scored.exposure.asOf)) index.set(s.flowId, s)
		fs.__flowStatuses = { key: scored.key, index }
	}
	return fs.__flowStatuses.index
}

// The ids of the systems overdue for MLPS filing or assessment on today's date, from the same cached portfolio the
// overview counts them in, so /systems?overdue=yes lists exactly the overview's "Systems overdue for MLPS" figure.
const so = globalThis as unknown as { __overdueSystems?: { key: string; ids: Set<number> } }

export async function getOverdueSystemIds(db: Kysely<Database>): Promise<Set<number>> {
	const scored = await getScoredPortfolio(db)
	if (so.__overdueSystems?.key !== scored.key) {
		const ids = new Set<number>()
		for (const u of scored.portfolio.units) for (const s of u.systems) if (mlpsObligations(s, scored.exposure.asOf).overdue) ids.add(s.id)
		so.__overdueSystems = { key: scored.key, ids }
	}
	return so.__overdueSystems.ids
}

/**
 * GET /api/portfolio: the overview's headline figures, from the same cache, so the overview, the snapshot frozen
 * today and the board pack show what this answers. Amounts in whole RMB.
 */
export async function portfolioSummary(db: Kysely<Database>) {
	const { kpis, model, asOf } = (await overviewCache(db)).value
	return {
		asOf,
		modelVersion: model.label,
		units: kpis.units,
		unitsIncomplete: kpis.unitsIncomplete ?? 0,
		peopleInChina: kpis.peopleInChina,
		flowsLackingMechanism: kpis.flowsLackingMechanism,
		systemsOverdue: kpis.systemsOverdue,
		penaltyCeilingRmb: kpis.penaltyMaxRmb,
		penaltyCeilingByLaw: kpis.penaltyByLaw,
		penaltyCeilingBasis: kpis.penaltyBasis,
		penaltyCeilingUnverified: kpis.penaltyUnverified,
	}
}
