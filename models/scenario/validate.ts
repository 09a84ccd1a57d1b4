// Checks a scenario draft against the inventory and the destinations before it is saved or run. runScenario runs
// whatever it can of an invalid draft (it skips or clamps what it cannot use) and returns these same issues.

import { formatCount } from '../transfer-mechanism.ts'
import { addMonths, isIsoDate, toDayNumber } from '../dates.ts'
import { DATA_HANDLING, type Destination, type Range, type StaffingLine, type UnitInventory } from '../domain.ts'
import { parseQuarter } from '../quarter.ts'
import { type ScenarioContext, type ScenarioDraft, type ScenarioIssue } from './types.ts'

/** A move saved before the analyst chose where the roles go (or "Cut"): refused on its destination field. */
export const DESTINATION_REQUIRED = 'Choose a destination, or "Cut" for a redundancy.'

/** Staffing lines (with their unit) and destinations by id. */
export interface InventoryIndex {
	lines: Map<number, { line: StaffingLine; unit: UnitInventory }>
	destinations: Map<number, Destination>
}

export function indexContext(ctx: ScenarioContext): InventoryIndex {
	const lines = new Map<number, { line: StaffingLine; unit: UnitInventory }>()
	for (const unit of ctx.portfolio.units) for (const line of unit.staffing) lines.set(line.id, { line, unit })
	return { lines, destinations: new Map(ctx.destinations.map(d => [d.id, d])) }
}

const LIMITS = {
	discountRate: { min: 0, max: 1 },
	horizonYears: { min: 1, max: 30 },
	wageInflation: { min: -0.5, max: 1 },
	attrition: { min: 0, max: 0.99 },
	premiumMonths: { max: 36 },
	dualRunningMonths: { max: 36 },
} as const

/**
 * Every problem of a draft, as `{ path, message, severity }` with paths like 'moves.2.headcount'. Errors: the draft
 * cannot be run as written (unknown line or destination, headcount above the line's, a bad quarter, a range whose
 * low <= base <= high does not hold ...). Warnings: it runs, but a figure rests on an assumption worth seeing.
 * Returns [] for a clean draft. Pure; never throws.
 */
export function validateScenario(draft: ScenarioDraft, ctx: ScenarioContext): ScenarioIssue[] {
	const issues: ScenarioIssue[] = []
	const error = (path: string, message: string) => issues.push({ path, message, severity: 'error' })
	const warning = (path: string, message: string) => issues.push({ path, message, severity: 'warning' })
	if (!isIsoDate(ctx.asOf)) error('asOf', `The analysis date '${ctx.asOf}' is not a 'YYYY-MM-DD' date.`)
	validateAssumptions(draft, error)
	const index = indexContext(ctx)
	const moves = Array.isArray(draft.moves) ? draft.moves : []
	if (moves.length === 0) error('moves', 'Add at least one move.')
	const horizonYears = Number.isInteger(draft.assumptions?.horizonYears) ? draft.assumptions.horizonYears : 0
	const horizonEnd = isIsoDate(ctx.asOf) && horizonYears > 0 ? addMonths(ctx.asOf, horizonYears * 12) : null
	const allocated = new Map<number, number>()
	moves.forEach((move, i) => {
		const at = (field: string) => `moves.${i}.${field}`
		const found = index.lines.get(move.staffingLineId)
		if (!found) {
			const chosen = Number.isInteger(move.staffingLineId) && move.staffingLineId > 0
			error(at('staffingLineId'), chosen ? `Staffing line ${move.staffingLineId} is not in the inventory.` : 'Choose a staffing line.')
		}
		const headcountOk = Number.isInteger(move.headcount) && move.headcount >= 1
		if (!headcountOk) error(at('headcount'), 'Headcount must be a whole number of 1 or more.')
		if (found && headcountOk) {
			const { line } = found
			const before = allocated.get(line.id) ?? 0
			allocated.set(line.id, before + move.headcount)
			if (move.headcount > line.headcount) {
				error(
					at('headcount'),
					`Headcount ${formatCount(move.headcount)} is more than the ${formatCount(line.headcount)} on line ${line.code}.`,
				)
			} else if (before + move.headcount > line.headcount) {
				error(
					at('headcount'),
					`Moves on line ${line.code} add up to ${formatCount(before + move.headcount)}, more than its ${formatCount(line.headcount)}.`,
				)
			}
			if (!(ctx.cityAverageWages[line.city]! > 0)) {
				warning(
					at('staffingLineId'),
					`No published average wage for ${line.city}: the art. 47 cap is not applied, so the severance may be overstated.`,
				)
			}
		}
		if (move.destinationId === undefined) {
			error(at('destinationId'), DESTINATION_REQUIRED) // a new move: no destination until the analyst picks one
		} else if (move.destinationId !== null) {
			const destination = index.destinations.get(move.destinationId)
			if (!destination) {
				error(at('destinationId'), `Destination ${String(move.destinationId)} is not in the destinations list.`)
			} else if (found) {
				if (!destination.costs.some(c => c.function === found.line.function && c.annualCostUsd >= 0)) {
					error(at('destinationId'), `${destination.city} has no cost for the function '${found.line.function}'.`)
				}
				if (destination.city.trim().toLowerCase() === found.line.city.trim().toLowerCase()) {
					warning(at('destinationId'), `The roles would stay in ${destination.city}, the line's own city.`)
				}
			}
		}
		if (!(DATA_HANDLING as readonly string[]).includes(move.dataHandling)) {
			error(at('dataHandling'), `Data handling must be one of ${DATA_HANDLING.join(', ')}.`)
		} else if (move.destinationId === null && move.dataHandling !== 'not_needed') {
			warning(at('dataHandling'), "A cut moves no role, so it reaches no data: the data handling is read as 'not_needed'.")
		}
		validateQuarter(move.startQuarter, ctx.asOf, horizonEnd, at('startQuarter'), error, warning)
		validateEstimate(move.dataEstimate, at('dataEstimate'), error)
	})
	return issues
}

type Report = (path: string, message: string) => void

function validateAssumptions(draft: ScenarioDraft, error: Report): void {
	const a = draft.assumptions
	if (a === null || typeof a !== 'object') {
		error('assumptions', 'The assumptions are missing.')
		return
	}
	const between = (path: string, value: unknown, min: number, max: number, words: string) => {
		if (!isFiniteNumber(value) || value < min || value > max) error(`assumptions.${path}`, words)
	}
	between(
		'discountRate',
		a.discountRate,
		LIMITS.discountRate.min,
		LIMITS.discountRate.max,
		'The discount rate must be between 0 and 1 (0.08 is 8% a year).',
	)
	if (!Number.isInteger(a.horizonYears) || a.horizonYears < LIMITS.horizonYears.min || a.horizonYears > LIMITS.horizonYears.max) {
		error('assumptions.horizonYears', 'The horizon must be a whole number of years from 1 to 30.')
	}
	validateRange('wageInflation', a.wageInflation, LIMITS.wageInflation, 'Wage inflation', error)
	validateRange('attrition', a.attrition, LIMITS.attrition, 'Attrition', error)
	between(
		'severancePremiumMonths',
		a.severancePremiumMonths,
		0,
		LIMITS.premiumMonths.max,
		'The premium (k of N+k) must be between 0 and 36 months.',
	)
	between(
		'recruitmentCostPerHireUsd',
		a.recruitmentCostPerHireUsd,
		0,
		Number.MAX_SAFE_INTEGER,
		'The recruitment cost per hire must be 0 or more.',
	)
	if (!Number.isInteger(a.dualRunningMonths) || a.dualRunningMonths < 0 || a.dualRunningMonths > LIMITS.dualRunningMonths.max) {
		error('assumptions.dualRunningMonths', 'Dual running must be a whole number of months from 0 to 36.')
	}
	between(
		'oneOffRelocationCostUsd',
		a.oneOffRelocationCostUsd,
		0,
		Number.MAX_SAFE_INTEGER,
		'The one-off relocation cost must be 0 or more.',
	)
	if (!isFiniteNumber(a.usdCny) || a.usdCny <= 0)
		error('assumptions.usdCny', 'The USD/CNY rate must be more than 0 (RMB per USD, e.g. 7.2).')
}

function validateRange(
	name: 'wageInflation' | 'attrition',
	range: Range | undefined,
	limits: { min: number; max: number },
	label: string,
	error: Report,
): void {
	if (range === null || typeof range !== 'object') {
		error(`assumptions.${name}`, `${label} needs a low, a base and a high value.`)
		return
	}
	let numbers = true
	for (const key of ['low', 'base', 'high'] as const) {
		const value = range[key]
		if (!isFiniteNumber(value) || value < limits.min || value > limits.max) {
			error(`assumptions.${name}.${key}`, `${label} (${key}) must be between ${limits.min} and ${limits.max} a year.`)
			numbers = false
		}
	}
	if (numbers && !(range.low <= range.base && range.base <= range.high)) {
		error(`assumptions.${name}`, `${label} must satisfy low <= base <= high.`)
	}
}

function validateQuarter(value: string, asOf: string, horizonEnd: string | null, path: string, error: Report, warning: Report): void {
	const quarter = parseQuarter(value)
	if (!quarter) {
		error(path, `Start quarter '${String(value)}' is not written 'YYYY-Qn' (e.g. 2027-Q1).`)
		return
	}
	if (!isIsoDate(asOf)) return
	const today = toDayNumber(asOf)!
	if (toDayNumber(quarter.end)! < today) {
		error(path, `Start quarter ${value} ended before the analysis date ${asOf}.`)
	} else if (horizonEnd !== null && toDayNumber(quarter.start)! >= toDayNumber(horizonEnd)!) {
		warning(path, `Start quarter ${value} is after the end of the horizon: its costs and savings are outside the NPV.`)
	}
}

function validateEstimate(estimate: ScenarioDraft['moves'][number]['dataEstimate'], path: string, error: Report): void {
	if (estimate === undefined) return
	for (const key of ['personalInfoIndividuals', 'sensitivePersonalInfoIndividuals'] as const) {
		const value = estimate[key]
		if (value === undefined || value === null) continue
		if (!Number.isInteger(value) || value < 0) error(`${path}.${key}`, 'A count of individuals must be a whole number of 0 or more.')
	}
}

function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value)
}
