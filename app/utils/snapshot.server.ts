import { json } from '@remix-run/node'
import { type Kysely } from 'kysely'
import { listSnapshotRows, readSnapshot, type StoredSnapshot } from '#db/repositories/snapshots.ts'
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

/** One point per frozen quarter, oldest first. */
export async function loadTrend(db: Kysely<Database>): Promise<TrendPoint[]> {
	const rows = await listSnapshotRows(db)
	return rows.map(r => {
		const hit = trendCache.get(r.content_hash)
		if (hit) return hit
		const c = parseSnapshotContent(frozenFromRow(r))
		const point = trendPoint(c.quarter, c.model.label, c.inventory, c.results)
		trendCache.set(r.content_hash, point)
		return point
	})
}

/** Everything the board view of one quarter shows, plain data. */
export async function boardView(db: Kysely<Database>, quarter: string, compareWith?: string) {
	const current = await requireSnapshot(db, quarter)
	const rows = await listSnapshotRows(db)
	const quarters = rows.map(r => r.quarter)
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
