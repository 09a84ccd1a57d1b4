// Reading the obligations register for pages, the CSV, the calendar feed and the API: the portfolio's duties
// derived today, joined with the recorded statuses. The inventory comes from the scored portfolio (cached per
// inventory version), so the register costs one small query for the statuses.
import ical from 'ical-generator'
import { type Kysely } from 'kysely'
import { listDutyStatuses } from '#db/repositories/obligations.ts'
import { loadUnitInventory } from '#db/repositories/portfolio.ts'
import { type Database } from '#db/schema.ts'
import { type Duty } from '#models/obligations/types.ts'
import { toCsv } from '#models/csv.ts'
import { type UnitInventory } from '#models/domain.ts'
import { deriveUnitDuties } from '#models/obligations/derive.ts'
import { type ExporterForecast, forecastExporter } from '#models/obligations/forecast.ts'
import { buildRegister } from '#models/obligations/register.ts'
import { type RegisterRow } from '#models/obligations/types.ts'
import { getScoredPortfolioAndVersions, today } from './exposure.server.ts'

export interface Register {
	asOf: string
	rows: RegisterRow[]
	units: UnitInventory[]
	/** Every exporter's forecast (the overview's "crossings this year"), computed once per inventory version. */
	forecasts: ExporterForecast[]
}

// The register is cached under the scores' key (inventory version, model, date) plus the obligations version, which
// every status change bumps: a view reads the statuses again only after one changed.
const r = globalThis as unknown as { __register?: { key: string; value: Register } }

/**
 * The portfolio's register on today's date. `given`: the scored portfolio and versions the caller already read (the
 * overview reads them once for both its panels).
 */
export async function loadRegister(
	db: Kysely<Database>,
	given?: Awaited<ReturnType<typeof getScoredPortfolioAndVersions>>,
): Promise<Register> {
	const { scored, obligationsVersion } = given ?? (await getScoredPortfolioAndVersions(db))
	const key = `${scored.key}|${obligationsVersion}`
	if (r.__register?.key === key) return r.__register.value
	const asOf = scored.exposure.asOf
	const records = await listDutyStatuses(db)
	const units = scored.portfolio.units
	const previous = r.__register?.value
	const value = {
		asOf,
		rows: buildRegister(
			units.flatMap(u => perUnit(duties_, u, asOf, () => deriveUnitDuties(u, asOf))),
			records,
			asOf,
		),
		units,
		// Forecasts do not read statuses: kept while the inventory is the same.
		forecasts: previous && previous.units === units && previous.asOf === asOf ? previous.forecasts : portfolioForecasts(units, asOf),
	}
	r.__register = { key, value }
	return value
}

// A unit's duties and forecast, kept per unit inventory and date: the scored portfolio keeps an unchanged unit's
// inventory object across writes (decision 025), so a request derives them only for units a write changed. Weak: a
// unit dropped from the cache frees its entries.
type PerUnit<T> = WeakMap<UnitInventory, { asOf: string; value: T }>
const kept = globalThis as unknown as { __unitDuties?: PerUnit<Duty[]>; __unitForecasts?: PerUnit<ExporterForecast> }
const duties_ = (): PerUnit<Duty[]> => (kept.__unitDuties ??= new WeakMap())
const forecasts_ = (): PerUnit<ExporterForecast> => (kept.__unitForecasts ??= new WeakMap())

function perUnit<T>(cache: () => PerUnit<T>, u: UnitInventory, asOf: string, derive: () => T): T {
	const hit = cache().get(u)
	if (hit?.asOf === asOf) return hit.value
	const value = derive()
	cache().set(u, { asOf, value })
	return value
}

export async function loadUnitObligations(db: Kysely<Database>, unitId: number) {
	const asOf = today()
	const inv = await loadUnitInventory(db, unitId)
	if (!inv) return undefined
	const rows = buildRegister(deriveUnitDuties(inv, asOf), await listDutyStatuses(db, unitId), asOf)
	return { asOf, inv, rows, forecast: forecastExporter(inv, asOf) }
}

/** Every exporter's forecast (the overview's "crossings this year" and the board pack). */
export function portfolioForecasts(units: readonly UnitInventory[], asOf: string): ExporterForecast[] {
	return units.map(u => perUnit(forecasts_, u, asOf, () => forecastExporter(u, asOf))).filter(f => f.applicable)
}

export const REGISTER_CSV_COLUMNS = [
	'unit_code',
	'unit_name',
	'subject',
	'law',
	'article',
	'duty',
	'trigger',
	'due_on',
	'window_opens_on',
	'state',
	'status',
	'owner',
	'evidence_ref',
	'evidence_on',
	'reason',
	'certainty',
	'source_instrument',
	'source_url',
	'source_as_of',
	'source_verified',
	'key',
] as const

export function registerCsv(rows: readonly RegisterRow[]) {
	return toCsv(
		REGISTER_CSV_COLUMNS,
		rows.map(r => ({
			unit_code: r.unitCode,
			unit_name: r.unitName,
			subject: r.subject ?? '',
			law: r.law,
			article: r.article,
			duty: r.duty,
			trigger: r.trigger,
			due_on: r.dueOn ?? '',
			window_opens_on: r.windowOpensOn ?? '',
			state: r.state,
			status: r.status,
			owner: r.owner ?? '',
			evidence_ref: r.evidenceRef ?? '',
			evidence_on: r.evidenceOn ?? '',
			reason: r.reason ?? '',
			certainty: r.certainty,
			source_instrument: r.source.instrument,
			source_url: r.source.url,
			source_as_of: r.source.asOf,
			source_verified: r.source.verified ? 'yes' : 'no',
			key: r.key,
		})),
	)
}

/**
 * The calendar feed: one all-day event per open duty with a due date (and one for a renewal window's opening),
 * with a stable UID so calendar clients update events in place instead of duplicating them.
 */
export function registerCalendar(rows: readonly RegisterRow[], origin: string, now: Date) {
	const cal = ical({ name: 'China obligations', prodId: { company: 'china-exposure-dashboard', product: 'obligations' }, ttl: 3600 })
	for (const r of rows) {
		if (r.status !== 'open' || !r.dueOn) continue
		const url = `${origin}/obligations?unit=${encodeURIComponent(r.unitCode)}`
		const description = [
			`${r.unitCode} ${r.unitName}${r.subject ? ` (${r.subject})` : ''}`,
			`${r.source.instrument}, ${r.article}${r.source.verified ? '' : ' (source not verified)'}`,
			r.trigger,
			r.note,
			`Owner: ${r.owner ?? 'unassigned'}`,
		].join('\n')
		cal.createEvent({
			id: `${r.key}@obligations`,
			start: r.dueOn,
			allDay: true,
			summary: `${r.overdue ? 'OVERDUE: ' : ''}${r.unitCode}: ${r.duty}`,
			description,
			url,
			stamp: now,
		})
		if (r.windowOpensOn)
			cal.createEvent({
				id: `${r.key}:window@obligations`,
				start: r.windowOpensOn,
				allDay: true,
				summary: `${r.unitCode}: window opens: ${r.duty}`,
				description,
				url,
				stamp: now,
			})
	}
	return cal.toString()
}
