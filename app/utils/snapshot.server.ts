import { json } from '@remix-run/node'
import { type Kysely } from 'kysely'
import { findSnapshotByQuarter, listSnapshots, readSnapshot, type StoredSnapshot } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { dataQualityNotes, heatmapRows, overviewKpis, trendPoint, type TrendPoint } from '#models/board.ts'
import { attributeChanges, isQuarter, parseSnapshotContent, topMovers } from '#models/snapshot.ts'
import { scorePortfolio } from '#models/exposure/index.ts'
import { frozenFromRow } from '#db/repositories/snapshots.ts'

// Snapshots never change, so what is derived from one is cached by its content hash.
const trendCache = new Map<string, TrendPoint>()

export function requireQuarter(raw: string | null | undefined, param = 'quarter') {
	if (!isQuarter(raw)) throw json({ message: `${param}: "${String(raw).slice(0, 20)}" is not a quarter like 2026-Q3.`, error: `${param}: not a quarter like 2026-Q3` }, { status: 400 })
	return raw
}

export async function requireSnapshot(db: Kysely<Database>, quarter: string): Promise<StoredSnapshot> {
	const s = await readSnapshot(db, quarter)
	if (!s) throw json({ message: `${quarter} has not been frozen.`, error: `${quarter} has not been frozen` }, { status: 404 })
	return s
}

/** One point per frozen quarter, oldest first; a snapshot's texts are read and parsed once per process. */
export async function loadTrend(db: Kysely<Database>): Promise<TrendPoint[]> {
	const out: TrendPoint[] = []
	for (const s of await listSnapshots(db)) {
		let point = trendCache.get(s.contentHash)
		if (!point) {
			const row = await findSnapshotByQuarter(db, s.quarter)
			const c = parseSnapshotContent(frozenFromRow(row!))
			point = trendPoint(c.quarter, c.model.label, c.inventory, c.results)
			trendCache.set(s.contentHash, point)
		}
		out.push(point)
	}
	return out
}

// The board view of a quarter against another is fixed once both are frozen: cached by their hashes.
const viewCache = new Map<string, Omit<Awaited<ReturnType<typeof buildBoardView>>, 'trend'>>()

export async function boardView(db: Kysely<Database>, quarter: string, compareWith?: string) {
	const summaries = await listSnapshots(db)
	const current = summaries.find(s => s.quarter === quarter)
	if (!current) throw json({ message: `${quarter} has not been frozen.`, error: `${quarter} has not been frozen` }, { status: 404 })
	const previousQuarter = compareWith ?? [...summaries].reverse().find(s => s.quarter < quarter)?.quarter ?? null
	const previous = previousQuarter ? summaries.find(s => s.quarter === previousQuarter) : null
	if (previousQuarter && !previous) throw json({ message: `${previousQuarter} has not been frozen.`, error: `${previousQuarter} has not been frozen` }, { status: 404 })
	const key = `${current.contentHash}|${previous?.contentHash ?? ''}`
	let view = viewCache.get(key)
	if (!view) {
		const { trend: _trend, ...built } = await buildBoardView(db, quarter, previousQuarter ?? undefined)
		view = built
		if (viewCache.size > 50) viewCache.clear()
		viewCache.set(key, view)
	}
	return { ...view, quarters: summaries.map(s => s.quarter), trend: await loadTrend(db) }
}

/** Everything the board view of one quarter shows, plain data. */
async function buildBoardView(db: Kysely<Database>, quarter: string, compareWith?: string) {
	const current = await requireSnapshot(db, quarter)
	const quarters = (await listSnapshots(db)).map(s => s.quarter)
	const previousQuarter = compareWith ?? [...quarters].reverse().find(q => q < quarter) ?? null
	const previous = previousQuarter ? await requireSnapshot(db, previousQuarter) : null
	const attribution = previous ? attributeChanges(previous, current, scorePortfolio) : null
	const heat = heatmapRows(current.inventory, current.results).sort((a, b) => b.overall.score - a.overall.score || a.name.localeCompare(b.name))
	return {
		quarter,
		quarters,
		asOf: current.asOf,
		frozenAt: current.frozenAt,
		modelLabel: current.model.label,
		rulesVersion: current.rulesVersion,
		contentHash: current.contentHash,
		prevHash: current.prevHash,
		kpis: overviewKpis(current.inventory, current.results),
		heatmap: heat.map(r => ({ code: r.code, name: r.name, city: r.city, overall: r.overall, cells: r.cells })),
		previousQuarter,
		attribution: attribution && {
			from: attribution.from,
			to: attribution.to,
			modelChanged: attribution.modelChanged,
			rulesChanged: attribution.rulesChanged,
			settingsChanges: attribution.settingsChanges.slice(0, 20),
			totals: attribution.totals,
			unitsAdded: attribution.unitsAdded,
			unitsRemoved: attribution.unitsRemoved,
			units: attribution.units.map(u => ({ unitCode: u.unitCode, unitName: u.unitName, overall: u.overall, inputChanges: u.inputChanges.filter(c => c.material).map(c => c.text) })),
		},
		movers: attribution ? topMovers(attribution, 8) : [],
		decisions: current.decisions,
		dataQuality: dataQualityNotes(current.inventory),
		trend: await loadTrend(db),
	}
}
