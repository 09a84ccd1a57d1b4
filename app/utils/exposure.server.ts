import { type Kysely } from 'kysely'
import { LRUCache } from 'lru-cache'
import { getScoreInputsVersion, listChangedUnits } from '#db/repositories/inventory-version.ts'
import { findModelVersionById } from '#db/repositories/model-versions.ts'
import { listUnitIdsInOrder, loadPortfolio, loadUnitInventories, loadUnitInventory } from '#db/repositories/portfolio.ts'
import { type Database } from '#db/schema.ts'
import {
	parseModelSettings,
	type PortfolioExposure,
	portfolioExposureOf,
	scorePortfolio,
	scoreUnit,
	type UnitExposure,
} from '#models/exposure/index.ts'
import { type ModelSettings } from '#models/exposure/settings.ts'
import {
	type HeatmapQuery,
	heatmapLine,
	heatmapRows,
	overviewKpis,
	queryHeatmap,
	riskMatrix,
	sankeyData,
	type UnitOverviewFigures,
	unitOverviewFigures,
} from '#models/overview.ts'
import { type PortfolioInventory, type UnitInventory } from '#models/domain.ts'
import { listGroupHeadcount } from '#db/repositories/staffing.ts'
import { type FlowStatus } from '#models/flow-status.ts'
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
	inventoryVersion: number
	modelId: number | null
	asOf: string
	/** How many units were scored to bring the cache to this version (all of them, or those a write changed). */
	rescored: number
	portfolio: PortfolioInventory
	exposure: PortfolioExposure
	model: { id: number; label: string; settings: ModelSettings }
}

// Scores are cached per (inventory version, model version, date): one small query decides whether they stand.
// Every inventory write bumps the version and logs the units it changed; a cache a few versions old re-reads and
// re-scores only those units (decision 025), and the whole portfolio only when the model or the date changed, a
// change concerned every unit, or the log cannot tell.
const g = globalThis as unknown as { __scored?: Scored }

/**
 * What a score depends on besides the scoring code: the inventory version, the active model and the date; with the
 * obligations version read in the same query (the register's cache key adds it).
 */
export async function scoringKey(db: Kysely<Database>) {
	const { inventoryVersion, modelId, obligationsVersion } = await getScoreInputsVersion(db)
	const asOf = today()
	return { key: `${inventoryVersion}|${modelId}|${asOf}`, inventoryVersion, modelId, asOf, obligationsVersion }
}

/** The scored portfolio and the obligations version, from one small query when the scores are cached. */
export async function getScoredPortfolioAndVersions(db: Kysely<Database>): Promise<{ scored: Scored; obligationsVersion: number }> {
	const inputs = await scoringKey(db)
	return { scored: await scoredFor(db, inputs), obligationsVersion: inputs.obligationsVersion }
}

export async function getScoredPortfolio(db: Kysely<Database>): Promise<Scored> {
	return scoredFor(db, await scoringKey(db))
}

// A refresh in progress, by key: concurrent requests after a write all find the cache stale; they share one refresh.
const pending = globalThis as unknown as { __scoring?: { key: string; promise: Promise<Scored> } }

async function scoredFor(db: Kysely<Database>, inputs: Awaited<ReturnType<typeof scoringKey>>): Promise<Scored> {
	const cached = g.__scored
	if (cached?.key === inputs.key) return cached
	if (pending.__scoring?.key === inputs.key) return pending.__scoring.promise
	const promise: Promise<Scored> = refreshScores(db, cached, inputs).finally(() => {
		if (pending.__scoring?.promise === promise) pending.__scoring = undefined
	})
	pending.__scoring = { key: inputs.key, promise }
	return promise
}

async function refreshScores(db: Kysely<Database>, cached: Scored | undefined, inputs: Awaited<ReturnType<typeof scoringKey>>) {
	const { key, inventoryVersion, modelId, asOf } = inputs
	const model = await modelById(db, modelId)
	const changed =
		cached && cached.modelId === modelId && cached.asOf === asOf && cached.inventoryVersion < inventoryVersion
			? await listChangedUnits(db, cached.inventoryVersion, inventoryVersion)
			: null
	const updated = changed && (await rescoreUnits(db, cached!, changed))
	if (updated) g.__scored = { ...updated, key, inventoryVersion }
	else {
		const portfolio = await loadPortfolio(db)
		const exposure = scorePortfolio(portfolio, model.settings, asOf)
		g.__scored = { key, inventoryVersion, modelId, asOf, rescored: portfolio.units.length, portfolio, exposure, model }
	}
	return g.__scored
}

/**
 * The cached portfolio with `unitIds` read and scored again (created, changed or deleted), every other unit's score
 * kept: the same result as scoring the whole portfolio, in a fraction of the time. Null when the units read do not
 * fit the cache (a unit neither cached nor changed: a write the log missed), so the caller scores everything.
 */
async function rescoreUnits(
	db: Kysely<Database>,
	cached: Scored,
	unitIds: Set<number>,
): Promise<Omit<Scored, 'key' | 'inventoryVersion'> | null> {
	const [order, fresh] = await Promise.all([listUnitIdsInOrder(db), loadUnitInventories(db, [...unitIds])])
	const { settings } = cached.model
	const ctx = { settings, asOf: cached.asOf, groupHeadcount: cached.portfolio.groupHeadcount }
	const kept = new Map<number, { inv: UnitInventory; exposure: UnitExposure }>()
	cached.portfolio.units.forEach((inv, i) => kept.set(inv.unit.id, { inv, exposure: cached.exposure.units[i]! }))
	for (const [id, inv] of fresh) kept.set(id, { inv, exposure: scoreUnit(inv, ctx) })
	const units: UnitInventory[] = []
	const exposures: UnitExposure[] = []
	for (const id of order) {
		const unit = unitIds.has(id) ? (fresh.has(id) ? kept.get(id) : undefined) : kept.get(id)
		if (!unit) return null
		units.push(unit.inv)
		exposures.push(unit.exposure)
	}
	const portfolio = { units, groupHeadcount: cached.portfolio.groupHeadcount }
	return {
		modelId: cached.modelId,
		asOf: cached.asOf,
		rescored: fresh.size,
		portfolio,
		exposure: portfolioExposureOf(portfolio, exposures, settings, cached.asOf),
		model: cached.model,
	}
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

// Each unit's flow statuses and headline counts, kept per unit inventory: an incremental re-score keeps the unchanged
// units' inventory objects, so after a write only the changed units are counted again (decision 025). Weak: a unit
// dropped from the cache frees its entry.
const uf = globalThis as unknown as { __unitFigures?: WeakMap<UnitInventory, { asOf: string; figures: UnitOverviewFigures }> }

function figuresOf(u: UnitInventory, asOf: string): UnitOverviewFigures {
	uf.__unitFigures ??= new WeakMap()
	const kept = uf.__unitFigures.get(u)
	if (kept?.asOf === asOf) return kept.figures
	const figures = unitOverviewFigures(u, asOf)
	uf.__unitFigures.set(u, { asOf, figures })
	return figures
}

function deriveOverview(s: Scored) {
	const rows = heatmapRows(s.portfolio, s.exposure)
	const asOf = s.exposure.asOf
	return {
		kpis: overviewKpis(s.portfolio, s.exposure, u => figuresOf(u, asOf)),
		rows,
		matrix: riskMatrix(rows),
		sankey: sankeyData(s.portfolio, asOf, undefined, u => figuresOf(u, asOf).sankey),
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
		for (const u of scored.portfolio.units) for (const s of figuresOf(u, scored.exposure.asOf).statuses) index.set(s.flowId, s)
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
