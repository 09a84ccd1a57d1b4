import { json } from '@remix-run/node'
import { type Kysely } from 'kysely'
import { LRUCache } from 'lru-cache'
import {
	listStoredSnapshotViews,
	pruneSnapshotViews,
	readSnapshotView,
	saveSnapshotView,
	type SnapshotViewKey,
} from '#db/repositories/snapshot-views.ts'
import { listSnapshots, readSnapshot, readTrendPoints, type SnapshotSummary, type StoredSnapshot } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { dataQualityNotes, heatmapRows, overviewKpis } from '#models/board.ts'
import { type Band, BANDS, DIMENSIONS, type Dimension, RULES_VERSION, scorePortfolio } from '#models/exposure/index.ts'
import { type HeatmapQuery, type HeatmapRow, queryHeatmap } from '#models/overview.ts'
import { type FrozenObligations, frozenDueBetween } from '#models/obligations/frozen.ts'
import { isQuarter, nextQuarter, quarterEndDate, quarterStartDate } from '#models/quarter.ts'
import { attributeChanges, topMovers } from '#models/snapshot/index.ts'
import { dueNextQuarter } from '#models/board-summary.ts'
import { log } from './log.server.ts'

/** The board pack lists this many units, highest overall score first, and counts all of them by band. */
export const PACK_UNITS = 50
/** The pack's heatmap: the first PACK_UNITS units in the snapshot page's default order. */
export const PACK_HEATMAP: HeatmapQuery = { sort: 'overall', desc: true, page: 1, pageSize: PACK_UNITS, q: '', filters: {} }

const MOVERS = 8
const MOVER_CHANGES = 4 // inventory changes listed under each mover
const MOVER_FINDINGS = 3 // findings added or resolved listed under each mover
const NAMED_UNITS = 20 // units added or removed named in words; any more are counted

export function requireQuarter(raw: string | null | undefined, param = 'quarter') {
	if (!isQuarter(raw))
		throw json(
			{ message: `${param}: "${String(raw).slice(0, 20)}" is not a quarter like 2026-Q3.`, error: `${param}: not a quarter like 2026-Q3` },
			{ status: 400 },
		)
	return raw
}

const notFrozen = (quarter: string) =>
	json({ message: `${quarter} has not been frozen.`, error: `${quarter} has not been frozen` }, { status: 404 })

export async function requireSnapshot(db: Kysely<Database>, quarter: string): Promise<StoredSnapshot> {
	const s = await readSnapshot(db, quarter)
	if (!s) throw notFrozen(quarter)
	return s
}

/** Throws a 404 unless `quarter` is frozen; reads the list of quarters, not the snapshot. */
export async function requireFrozenQuarter(db: Kysely<Database>, quarter: string) {
	if (!(await listSnapshots(db)).some(s => s.quarter === quarter)) throw notFrozen(quarter)
}

// The board view of a quarter against another is fixed once both are frozen, for a given version of the code that
// derives it. Deriving it decodes and parses two snapshots and re-scores for the attribution (3.5-6 s at 1,000
// units), so it is kept twice: in this process (an LRU keyed by the two hashes) and in the database (snapshot_view,
// verified on read: db/repositories/snapshot-views.ts), where it survives a restart and is shared by every instance.
// It keeps every unit's heatmap row on the server; a request takes the page it shows. See
// docs/decisions/040-frozen-view-cache.md.
const VIEW_CACHE_SIZE = 50
type FrozenView = Awaited<ReturnType<typeof buildFrozenView>>
const viewCache = new LRUCache<string, FrozenView>({ max: VIEW_CACHE_SIZE })
const deriving = new Map<string, Promise<FrozenView>>() // one derivation per key at a time in this process

/**
 * Bump when what buildFrozenView returns changes (its shape, or what it keeps: MOVERS, NAMED_UNITS, ...): views
 * stored under another version are no longer read, and are derived again.
 */
export const FROZEN_VIEW_VERSION = 1
/** Names the code a stored view was derived with: the view's shape and the rules the attribution re-scores with. */
export const FROZEN_VIEW_DERIVATION = `view/${FROZEN_VIEW_VERSION} rules ${RULES_VERSION}`

/**
 * What the board reads of a frozen quarter, compared with `compareWith` (default: the frozen quarter before it),
 * with the heatmap rows that `heatmap` selects (filtered, sorted, one page) and the trend over every quarter.
 */
export async function boardView(db: Kysely<Database>, quarter: string, compareWith: string | undefined, heatmap: HeatmapQuery) {
	const summaries = await listSnapshots(db)
	const current = summaries.find(s => s.quarter === quarter)
	if (!current) throw notFrozen(quarter)
	const previousQuarter = compareWith ?? previousFrozen(summaries, quarter)?.quarter ?? null
	const previous = previousQuarter ? summaries.find(s => s.quarter === previousQuarter) : null
	if (previousQuarter && !previous) throw notFrozen(previousQuarter)
	const { rows, ...rest } = await frozenView(db, current, previous ?? null)
	const page = queryHeatmap(rows, heatmap)
	return {
		...rest,
		quarters: summaries.map(s => s.quarter),
		heatmap: { rows: page.rows.map(frozenCells), total: page.total, page: heatmap.page, pageSize: heatmap.pageSize },
		trend: (await readTrendPoints(db)).points, // the quarters page shows which are still being derived
	}
}

const previousFrozen = (summaries: SnapshotSummary[], quarter: string) => [...summaries].reverse().find(s => s.quarter < quarter)

const viewKey = (current: SnapshotSummary, previous: SnapshotSummary | null): SnapshotViewKey => ({
	contentHash: current.contentHash,
	comparedHash: previous?.contentHash ?? null,
	derivation: FROZEN_VIEW_DERIVATION,
})

/** The frozen view of `current` against `previous`: from this process's LRU, else the verified table, else derived and stored. */
export async function frozenView(db: Kysely<Database>, current: SnapshotSummary, previous: SnapshotSummary | null): Promise<FrozenView> {
	const key = viewKey(current, previous)
	const lruKey = `${key.contentHash}|${key.comparedHash ?? ''}`
	const cached = viewCache.get(lruKey)
	if (cached) return cached
	let pending = deriving.get(lruKey)
	if (!pending) {
		pending = storedOrDerived(db, key, current.quarter, previous?.quarter ?? null).finally(() => deriving.delete(lruKey))
		deriving.set(lruKey, pending)
	}
	const view = await pending
	viewCache.set(lruKey, view)
	return view
}

/** Empties this process's LRU of frozen views, as a restart does (the stored views stay). */
export function forgetFrozenViews() {
	viewCache.clear()
}

async function storedOrDerived(db: Kysely<Database>, key: SnapshotViewKey, quarter: string, previousQuarter: string | null) {
	const stored = await readSnapshotView(db, key)
	if (stored.kind === 'hit') return stored.value as FrozenView
	if (stored.kind === 'rejected')
		log('warn', 'stored snapshot view rejected; deriving it again', { quarter, previousQuarter, reason: stored.reason })
	const view = await buildFrozenView(db, quarter, previousQuarter)
	await saveSnapshotView(db, key, view, { replace: stored.kind === 'rejected' })
	return view
}

/** The frozen quarters whose default view (against the frozen quarter before) is not stored under today's derivation. */
async function quartersMissingAView(db: Kysely<Database>) {
	const summaries = await listSnapshots(db)
	const stored = await listStoredSnapshotViews(db, FROZEN_VIEW_DERIVATION)
	const missing = summaries.flatMap((current, i) => {
		const previous = summaries[i - 1] ?? null
		return stored.has(`${current.contentHash}|${previous?.contentHash ?? ''}`) ? [] : [{ current, previous }]
	})
	return { quarters: summaries.length, missing }
}

/** How many frozen quarters have no stored default view: whether a start-up needs to run warmFrozenViews. */
export async function countMissingFrozenViews(db: Kysely<Database>) {
	return (await quartersMissingAView(db)).missing.length
}

/**
 * Derives and stores the default view (each quarter against the frozen quarter before it) of every frozen quarter
 * whose view is not stored under the current derivation, oldest first, calling (and awaiting) `onProgress(done,
 * total)` before the first and after each (total: the quarters missing one). For a job after a freeze and at
 * start-up; safe to run on several instances at once (they may derive the same view twice, and store it once). It
 * checks presence, not validity: a row that does not verify is replaced by the next read. Then deletes the views
 * stored under another derivation (`pruned`).
 */
export async function warmFrozenViews(db: Kysely<Database>, onProgress?: (done: number, total: number) => void | Promise<void>) {
	const { quarters, missing } = await quartersMissingAView(db)
	await onProgress?.(0, missing.length)
	let done = 0
	for (const { current, previous } of missing) {
		const key = viewKey(current, previous)
		// Derived, not taken from this process's LRU: the table is what is being filled.
		await saveSnapshotView(db, key, await buildFrozenView(db, current.quarter, previous?.quarter ?? null))
		await onProgress?.(++done, missing.length)
	}
	// Views derived by earlier code are never read again; the ones of other comparisons under today's code stay
	// (at most one per pair of quarters someone compared).
	return { quarters, derived: missing.length, pruned: await pruneSnapshotViews(db, FROZEN_VIEW_DERIVATION) }
}

/** A heatmap row as the frozen page shows it: no ids (the live units may have changed since), no counts. */
const frozenCells = (r: HeatmapRow) => ({
	code: r.code,
	name: r.name,
	city: r.city,
	overall: { score: r.overall.score, band: r.overall.band },
	cells: Object.fromEntries(DIMENSIONS.map(d => [d, { score: r.cells[d].score, band: r.cells[d].band }])) as Record<
		Dimension,
		{ score: number; band: Band }
	>,
})

// The executive summary names the first few obligations of the next quarter and counts the rest.
const DUE_NAMED = 8
const shortList = (d: ReturnType<typeof dueNextQuarter>) => ({
	quarter: d.quarter,
	items: d.items.slice(0, DUE_NAMED),
	total: d.items.length,
})

/** Everything the board view of one quarter shows, trimmed to what the page and the pack print. */
export async function buildFrozenView(db: Kysely<Database>, quarter: string, previousQuarter: string | null) {
	const current = await requireSnapshot(db, quarter)
	const previous = previousQuarter ? await requireSnapshot(db, previousQuarter) : null
	const attribution = previous ? attributeChanges(previous, current, scorePortfolio) : null
	const rows = heatmapRows(current.inventory, current.results)
	const movers = attribution ? topMovers(attribution, MOVERS) : []
	const moverCodes = new Set(movers.map(m => m.unitCode))
	const named = <T>(list: T[]) => ({ named: list.slice(0, NAMED_UNITS), more: Math.max(0, list.length - NAMED_UNITS) })
	return {
		quarter,
		asOf: current.asOf,
		frozenAt: current.frozenAt,
		modelLabel: current.model.label,
		rulesVersion: current.rulesVersion,
		contentHash: current.contentHash,
		prevHash: current.prevHash,
		kpis: overviewKpis(current.inventory, current.results),
		bandCounts: [...BANDS].reverse().map(band => ({ band, units: rows.filter(r => r.overall.band === band).length })), // worst first
		rows,
		previousQuarter,
		attribution: attribution && {
			from: attribution.from,
			to: attribution.to,
			modelChanged: attribution.modelChanged,
			rulesChanged: attribution.rulesChanged,
			settingsChanges: attribution.settingsChanges.slice(0, 20),
			totals: attribution.totals,
			unitsAdded: named(attribution.unitsAdded.map(u => u.unitName)),
			unitsRemoved: named(attribution.unitsRemoved.map(u => u.unitName)),
			// Only the movers' inventory changes are shown: the other units' would be sent for nothing.
			moverChanges: Object.fromEntries(
				attribution.units
					.filter(u => moverCodes.has(u.unitCode))
					.map(u => [
						u.unitCode,
						u.inputChanges
							.filter(c => c.material)
							.slice(0, MOVER_CHANGES)
							.map(c => c.text),
					]),
			),
		},
		movers: movers.map(m => ({
			...m,
			findingsAdded: m.findingsAdded.slice(0, MOVER_FINDINGS),
			findingsResolved: m.findingsResolved.slice(0, MOVER_FINDINGS),
		})),
		decisions: current.decisions,
		dataQuality: dataQualityNotes(current.inventory),
		obligations: frozenObligationsView(quarter, current.obligations),
		dueNext: shortList(dueNextQuarter(current.inventory, quarter, current.asOf)),
	}
}

const PACK_DUTIES = 40

/** The pack's "due next quarter" (with what was already overdue) and "forecast crossings", as frozen. */
function frozenObligationsView(quarter: string, frozen: FrozenObligations | null) {
	if (!frozen) return null
	const next = nextQuarter(quarter)
	const due = frozenDueBetween(frozen, quarterStartDate(next), quarterEndDate(next))
	return {
		nextQuarter: next,
		dueTotal: due.length,
		overdue: due.filter(d => d.overdue).length,
		due: due.slice(0, PACK_DUTIES),
		crossings: frozen.crossings,
	}
}
