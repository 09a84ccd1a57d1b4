// What a snapshot freezes of the obligations register: every duty with its status on the scoring date, and the
// threshold crossings forecast then. Stored in the snapshot's hashed inputs envelope, so the board pack reads the
// register as it stood, whatever the live statuses became. Pure and deterministic (sorted by key).
import { type PortfolioInventory } from '../domain.ts'
import { derivePortfolioDuties } from './derive.ts'
import { forecastExporter } from './forecast.ts'
import { buildRegister } from './register.ts'
import { type DutyStatusRecord, type DutyStatusValue } from './types.ts'

export interface FrozenDuty {
	key: string
	unitCode: string
	unitName: string
	law: string
	article: string
	duty: string
	dueOn: string | null
	status: DutyStatusValue
	overdue: boolean
	owner: string | null
	evidenceRef: string | null
	evidenceOn: string | null
	certainty: string
	source: { instrument: string; url: string; asOf: string; verified: boolean }
}

export interface FrozenCrossing {
	unitCode: string
	threshold: string
	label: string
	mechanism: string
	forecastOn: string
	leadTimeDays: number | null
	startBy: string | null
	startNow: boolean
}

export interface FrozenObligations {
	asOf: string
	duties: FrozenDuty[]
	crossings: FrozenCrossing[]
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The register and the crossings forecast on `asOf` for a snapshot's inventory and the statuses recorded then. */
export function freezeObligations(inventory: PortfolioInventory, statuses: readonly DutyStatusRecord[], asOf: string): FrozenObligations {
	const rows = buildRegister(derivePortfolioDuties(inventory.units, asOf), statuses, asOf)
	const duties = rows
		.map(r => ({
			key: r.key,
			unitCode: r.unitCode,
			unitName: r.unitName,
			law: r.law,
			article: r.article,
			duty: r.duty,
			dueOn: r.dueOn,
			status: r.status,
			overdue: r.overdue,
			owner: r.owner,
			evidenceRef: r.evidenceRef,
			evidenceOn: r.evidenceOn,
			certainty: r.certainty,
			source: { instrument: r.source.instrument, url: r.source.url, asOf: r.source.asOf, verified: r.source.verified },
		}))
		.sort((a, b) => compare(a.key, b.key))
	const crossings = inventory.units
		.map(u => forecastExporter(u, asOf))
		.filter(f => f.applicable)
		.flatMap(f =>
			f.crossings
				.filter(c => c.forecastOn && !c.covered)
				.map(c => ({
					unitCode: f.unitCode,
					threshold: c.threshold,
					label: c.label,
					mechanism: c.mechanism,
					forecastOn: c.forecastOn!,
					leadTimeDays: c.leadTimeDays,
					startBy: c.startBy,
					startNow: c.startNow,
				})),
		)
		.sort((a, b) => compare(a.forecastOn, b.forecastOn) || compare(a.unitCode, b.unitCode) || compare(a.threshold, b.threshold))
	return { asOf, duties, crossings }
}

/** Open duties due from `from` to `to` inclusive, and those already overdue on the snapshot date, soonest first. */
export function frozenDueBetween(frozen: FrozenObligations, from: string, to: string): FrozenDuty[] {
	return frozen.duties
		.filter(d => d.status === 'open' && d.dueOn !== null && (d.overdue || (d.dueOn >= from && d.dueOn <= to)))
		.sort((a, b) => compare(a.dueOn!, b.dueOn!) || compare(a.unitCode, b.unitCode))
}
