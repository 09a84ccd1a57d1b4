// The content of a snapshot: the inventory in one stable order, the canonical texts a snapshot row stores (settings,
// inputs envelope, results), and reading them back.

import { isIsoDate, toIsoInstant } from '../dates.ts'
import { STAFF_FUNCTIONS, SYSTEM_TECHNOLOGIES, type PortfolioInventory } from '../domain.ts'
import { type ModelSettings } from '../exposure/settings.ts'
import { type PortfolioExposure } from '../exposure/types.ts'
import { type FrozenObligations } from '../obligations/frozen.ts'
import { isQuarter, quarterEndDate, quarterStartDate } from '../quarter.ts'
import { canonicalJson } from './canonical-json.ts'

/** The version of the stored layout (inputs envelope and hash serialisation). */
export const SNAPSHOT_FORMAT = 1

/** A decision taken on a relocation scenario since the previous snapshot: part of the board pack. */
export interface DecisionNote {
	scenario: string // the scenario's name
	status: 'approved' | 'rejected'
	decidedAt: string // 'YYYY-MM-DDTHH:MM:SSZ'
	decidedBy: string | null // the decider's name
	comment: string | null
	/**
	 * The figures frozen with the decision (models/scenario/record.ts), and that record's hash. Absent for decisions
	 * taken before decisions were frozen, and in snapshots frozen before then.
	 */
	figures?: DecisionFigures
}

export interface DecisionFigures {
	recordHash: string
	headcount: number
	oneOffUsd: number
	annualSavingUsd: number
	npvUsd: number
	paybackLabel: string | null
	exposureScoreDelta: number
	bandsImproved: number
	bandsWorsened: number
}

/** The parsed `inputs` column: the inventory and the context it was scored in. */
export interface SnapshotInputs {
	format: number
	quarter: string
	asOf: string // the scoring date, 'YYYY-MM-DD', inside the quarter
	frozenAt: string // 'YYYY-MM-DDTHH:MM:SSZ'
	rulesVersion: string // RULES_VERSION of the code that produced the results
	decisions: DecisionNote[]
	inventory: PortfolioInventory
	/** The obligations register as it stood (absent from snapshots frozen before the register existed). */
	obligations?: FrozenObligations
}

export interface BuildSnapshotArgs {
	quarter: string
	frozenAt: Date | string
	/** The id is kept in the row (model_version_id), not in the hashed content: it points into a mutable table. */
	model: { id?: number; label: string; settings: ModelSettings }
	rulesVersion: string
	/** The inventory that was scored, in the order of `sortInventory`. */
	inputs: PortfolioInventory
	/** scorePortfolio(inputs, model.settings, asOf): the scoring date is read from here. */
	results: PortfolioExposure
	decisions?: DecisionNote[]
	/** freezeObligations(inputs, statuses, asOf): left out of the envelope when absent, so older content hashes hold. */
	obligations?: FrozenObligations
}

/** The canonical texts a snapshot row stores (and hashes). */
export interface SnapshotContentStrings {
	quarter: string
	frozenAt: string // 'YYYY-MM-DDTHH:MM:SSZ'
	asOf: string
	modelLabel: string
	settingsJson: string
	inputsJson: string
	resultsJson: string
}

export class SnapshotContentError extends Error {
	override name = 'SnapshotContentError'
}

export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
export const byCode = <T extends { code: string }>(items: readonly T[]) => [...items].sort((a, b) => compareText(a.code, b.code))
const rank = <T extends string>(list: readonly string[], value: T) => {
	const i = list.indexOf(value)
	return i === -1 ? list.length : i
}

/**
 * The inventory in the one order snapshots use: units by code, their systems, flows and staffing lines by code,
 * each system's technologies in the domain's order, group headcount in the order of STAFF_FUNCTIONS. Score this
 * copy, then freeze it: the results list units in the order they were given.
 */
export function sortInventory(p: PortfolioInventory): PortfolioInventory {
	return {
		units: [...p.units]
			.sort((a, b) => compareText(a.unit.code, b.unit.code))
			.map(u => ({
				unit: { ...u.unit },
				systems: byCode(u.systems).map(s => ({
					...s,
					technologies: [...s.technologies].sort(
						(a, b) => rank(SYSTEM_TECHNOLOGIES, a) - rank(SYSTEM_TECHNOLOGIES, b) || compareText(a, b),
					),
				})),
				flows: byCode(u.flows).map(f => ({ ...f })),
				staffing: byCode(u.staffing).map(l => ({ ...l })),
			})),
		groupHeadcount: [...p.groupHeadcount]
			.sort((a, b) => rank(STAFF_FUNCTIONS, a.function) - rank(STAFF_FUNCTIONS, b.function) || compareText(a.function, b.function))
			.map(g => ({ ...g })),
	}
}

/**
 * The canonical texts of a snapshot: the model settings, the inputs envelope (quarter, scoring date, frozen-at,
 * rules version, decisions, inventory) and the results. Refuses results that are not the scoring of these inputs
 * under these settings on a date inside the quarter, and inputs that are not in `sortInventory` order.
 */
export function buildSnapshotContent(args: BuildSnapshotArgs): SnapshotContentStrings {
	const { quarter, model, results } = args
	if (!isQuarter(quarter)) throw new SnapshotContentError(`'${quarter}' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3`)
	const asOf = results.asOf
	if (!isIsoDate(asOf)) throw new SnapshotContentError(`The results were scored on '${asOf}', which is not a YYYY-MM-DD date`)
	if (asOf < quarterStartDate(quarter) || asOf > quarterEndDate(quarter))
		throw new SnapshotContentError(
			`A snapshot of ${quarter} must be scored on a date inside the quarter (${quarterStartDate(quarter)} to ${quarterEndDate(quarter)}), not ${asOf}`,
		)
	if (results.modelVersion !== model.settings.version)
		throw new SnapshotContentError(
			`The results were scored with model ${results.modelVersion}, not with the settings given (${model.settings.version})`,
		)
	const inventory = sortInventory(args.inputs)
	const inputCodes = inventory.units.map(u => u.unit.code).join('\n')
	const resultCodes = results.units.map(u => u.unitCode).join('\n')
	if (inputCodes !== resultCodes)
		throw new SnapshotContentError(
			'The results do not list the same units in the same order as the inputs: score sortInventory(inputs) and freeze that',
		)
	const envelope: SnapshotInputs = {
		format: SNAPSHOT_FORMAT,
		quarter,
		asOf,
		frozenAt: toIsoInstant(args.frozenAt),
		rulesVersion: args.rulesVersion,
		decisions: [...(args.decisions ?? [])].sort((a, b) => compareText(a.decidedAt, b.decidedAt) || compareText(a.scenario, b.scenario)),
		inventory,
		...(args.obligations ? { obligations: args.obligations } : {}),
	}
	return {
		quarter,
		frozenAt: envelope.frozenAt,
		asOf,
		modelLabel: model.label,
		settingsJson: canonicalJson(model.settings),
		inputsJson: canonicalJson(envelope),
		resultsJson: canonicalJson(results),
	}
}

/** A stored snapshot as the verifier reads it: the row's texts, decoded from storage and otherwise untouched. */
export interface FrozenSnapshot {
	quarter: string
	frozenAt: string // as stored: 'YYYY-MM-DD HH:MM:SS' (UTC) or an ISO instant
	modelLabel: string
	modelSettings: string
	inputs: string
	results: string
	contentHash: string
	prevHash: string | null
	/** Set by the storage layer when the stored bytes could not be decoded into texts (the texts are then empty). */
	storageProblem?: string
}

/** A snapshot's content, parsed. */
export interface SnapshotContent {
	quarter: string
	frozenAt: string // 'YYYY-MM-DDTHH:MM:SSZ'
	asOf: string
	rulesVersion: string
	decisions: DecisionNote[]
	model: { label: string; settings: ModelSettings }
	inventory: PortfolioInventory
	results: PortfolioExposure
	/** null for a snapshot frozen before the obligations register existed. */
	obligations: FrozenObligations | null
}

/** Parses a stored snapshot's texts; throws a SnapshotContentError when they are not a snapshot of this format. */
export function parseSnapshotContent(s: FrozenSnapshot): SnapshotContent {
	const read = (text: string, what: string): unknown => {
		try {
			return JSON.parse(text)
		} catch (error) {
			throw new SnapshotContentError(`${s.quarter}: the ${what} are not JSON (${(error as Error).message})`)
		}
	}
	const settings = read(s.modelSettings, 'model settings') as ModelSettings
	const inputs = read(s.inputs, 'inputs') as Partial<SnapshotInputs> | null
	const results = read(s.results, 'results') as Partial<PortfolioExposure> | null
	if (!settings || typeof settings !== 'object' || typeof settings.version !== 'string')
		throw new SnapshotContentError(`${s.quarter}: the model settings have no version`)
	if (!inputs || typeof inputs !== 'object' || !inputs.inventory || !Array.isArray(inputs.inventory.units) || !isIsoDate(inputs.asOf))
		throw new SnapshotContentError(`${s.quarter}: the inputs are not a snapshot inventory with a scoring date`)
	if (!results || typeof results !== 'object' || !Array.isArray(results.units))
		throw new SnapshotContentError(`${s.quarter}: the results are not a portfolio exposure`)
	return {
		quarter: typeof inputs.quarter === 'string' ? inputs.quarter : s.quarter,
		frozenAt: typeof inputs.frozenAt === 'string' ? inputs.frozenAt : toIsoInstant(s.frozenAt),
		asOf: inputs.asOf,
		rulesVersion: typeof inputs.rulesVersion === 'string' ? inputs.rulesVersion : 'unknown',
		decisions: Array.isArray(inputs.decisions) ? inputs.decisions : [],
		model: { label: s.modelLabel, settings },
		inventory: inputs.inventory,
		results: results as PortfolioExposure,
		obligations: inputs.obligations && Array.isArray(inputs.obligations.duties) ? inputs.obligations : null,
	}
}
