// A scenario's proposal or decision, frozen as it was taken: the draft, the inventory it read (its staffing lines, the
// destinations' costs, the city wages of the severance cap, the model and rules versions) and every figure the board
// reads. The record is stored append-only with its hash (db/repositories/scenario-records.ts); what the live inventory
// changed since is listed by `changesSince`, and the live recomputation is shown beside it, never instead of it.

import { RULES_VERSION } from '../exposure/rules-version.ts'
import { type DestinationCost, type ScenarioAssumptions, type ScenarioMove, type StaffFunction } from '../domain.ts'
import { indexContext } from './validate.ts'
import { type ScenarioContext, type ScenarioDraft, type ScenarioResult, type ScenarioUncertainty } from './types.ts'

export const SCENARIO_RECORD_FORMAT = 1
export const SCENARIO_RECORD_EVENTS = ['proposed', 'approved', 'rejected'] as const
export type ScenarioRecordEvent = (typeof SCENARIO_RECORD_EVENTS)[number]

export interface RecordedLine {
	id: number
	code: string
	unitId: number
	unitCode: string
	unitName: string
	function: StaffFunction
	city: string
	headcount: number
	avgMonthlyWageRmb: number
	avgTenureMonths: number
	accessToPersonalData: boolean
}

export interface RecordedDestination {
	id: number
	city: string
	country: string
	isMainlandChina: boolean
	hiringLeadTimeMonths: number
	costs: DestinationCost[]
}

/** The figures the board reads, taken from the result and the Monte Carlo bands. */
export interface RecordedHeadline {
	headcount: number // people moved or cut
	oneOffUsd: number
	annualSavingUsd: number
	npvUsd: number
	paybackMonth: number | null
	paybackLabel: string | null
	npvP10: number
	npvP50: number
	npvP90: number
	massLayoffUnits: string[] // codes of the units where art. 41 applies
	newTransfers: number
	exposureScoreDelta: number
	bandsImproved: number
	bandsWorsened: number
}

export interface ScenarioRecordContent {
	format: number
	event: ScenarioRecordEvent
	at: string // 'YYYY-MM-DDTHH:MM:SSZ'
	actor: { id: number; email: string } // who proposed or decided
	author: { id: number } // who created the scenario
	comment: string | null
	scenario: {
		id: number
		version: number
		name: string
		description: string
		assumptions: ScenarioAssumptions
		moves: Array<Omit<ScenarioMove, 'id'>>
	}
	inputs: {
		asOf: string
		modelVersion: string
		rulesVersion: string
		staffingLines: RecordedLine[]
		destinations: RecordedDestination[]
		cityAverageWages: Record<string, number>
	}
	headline: RecordedHeadline
	result: ScenarioResult
	uncertainty: ScenarioUncertainty
}

/** The headline of a run: the people are those the run could place (a move on a line no longer there counts none). */
export function headlineOf(result: ScenarioResult, uncertainty: ScenarioUncertainty): RecordedHeadline {
	return {
		headcount: result.lines.reduce((n, l) => n + l.headcount, 0),
		oneOffUsd: result.oneOff.total,
		annualSavingUsd: result.annualSavingUsd,
		npvUsd: result.npvUsd,
		paybackMonth: result.paybackMonth,
		paybackLabel: result.paybackLabel,
		npvP10: uncertainty.npvUsd.p10,
		npvP50: uncertainty.npvUsd.p50,
		npvP90: uncertainty.npvUsd.p90,
		massLayoffUnits: result.massLayoff.filter(u => u.applies).map(u => u.unitCode),
		newTransfers: result.newTransfers.length,
		exposureScoreDelta: result.exposure.totals.scoreDelta,
		bandsImproved: result.exposure.totals.bandsImproved,
		bandsWorsened: result.exposure.totals.bandsWorsened,
	}
}

/** What of the inventory a draft reads: its staffing lines (with their unit) and its destinations, in id order. */
export function recordedInputs(draft: ScenarioDraft, ctx: ScenarioContext) {
	const index = indexContext(ctx)
	const lineIds = [...new Set(draft.moves.map(m => m.staffingLineId))].sort((a, b) => a - b)
	const destinationIds = [...new Set(draft.moves.flatMap(m => (m.destinationId === null ? [] : [m.destinationId])))].sort((a, b) => a - b)
	const staffingLines = lineIds.flatMap((id): RecordedLine[] => {
		const found = index.lines.get(id)
		if (!found) return []
		const { line, unit } = found
		return [
			{
				id,
				code: line.code,
				unitId: unit.unit.id,
				unitCode: unit.unit.code,
				unitName: unit.unit.name,
				function: line.function,
				city: line.city,
				headcount: line.headcount,
				avgMonthlyWageRmb: line.avgMonthlyWageRmb,
				avgTenureMonths: line.avgTenureMonths,
				accessToPersonalData: line.accessToPersonalData,
			},
		]
	})
	const destinations = destinationIds.flatMap((id): RecordedDestination[] => {
		const d = index.destinations.get(id)
		if (!d) return []
		const costs = [...d.costs].sort((a, b) => a.function.localeCompare(b.function))
		return [
			{ id, city: d.city, country: d.country, isMainlandChina: d.isMainlandChina, hiringLeadTimeMonths: d.hiringLeadTimeMonths, costs },
		]
	})
	const cities = new Set(staffingLines.map(l => l.city))
	const cityAverageWages = Object.fromEntries(Object.entries(ctx.cityAverageWages).filter(([city]) => cities.has(city)))
	return { staffingLines, destinations, cityAverageWages }
}

export interface BuildRecordArgs {
	event: ScenarioRecordEvent
	at: string
	actor: { id: number; email: string }
	author: { id: number }
	comment: string | null
	scenario: { id: number; version: number; name: string; description: string }
	draft: ScenarioDraft
	ctx: ScenarioContext
	modelVersion: string
	result: ScenarioResult
	uncertainty: ScenarioUncertainty
}

/** The record's content; plain JSON (undefined dropped), ready for canonical serialisation and hashing. */
export function buildScenarioRecord(a: BuildRecordArgs): ScenarioRecordContent {
	const content: ScenarioRecordContent = {
		format: SCENARIO_RECORD_FORMAT,
		event: a.event,
		at: a.at,
		actor: a.actor,
		author: a.author,
		comment: a.comment,
		scenario: {
			...a.scenario,
			assumptions: a.draft.assumptions,
			moves: a.draft.moves.map(m => ({
				staffingLineId: m.staffingLineId,
				headcount: m.headcount,
				destinationId: m.destinationId,
				startQuarter: m.startQuarter,
				dataHandling: m.dataHandling,
			})),
		},
		inputs: { asOf: a.ctx.asOf, modelVersion: a.modelVersion, rulesVersion: RULES_VERSION, ...recordedInputs(a.draft, a.ctx) },
		headline: headlineOf(a.result, a.uncertainty),
		result: a.result,
		uncertainty: a.uncertainty,
	}
	return JSON.parse(JSON.stringify(content)) as ScenarioRecordContent
}

const LINE_FIELDS = [
	['headcount', 'headcount'],
	['avgMonthlyWageRmb', 'average monthly wage (RMB)'],
	['avgTenureMonths', 'average tenure (months)'],
	['accessToPersonalData', 'access to personal data'],
	['function', 'function'],
	['city', 'city'],
] as const

const show = (v: unknown) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? v.toLocaleString('en-GB') : String(v))

/**
 * What the live inventory changed since the record was taken, as sentences for the person reading it: staffing lines
 * removed or changed, destinations removed or re-costed, the severance cap's city wages, the model and rules versions,
 * and the headline figures a live recomputation gives differently (the units' systems and flows are not listed one by
 * one: their effect shows there). [] when nothing changed.
 */
export function changesSince(
	record: ScenarioRecordContent,
	live: { ctx: ScenarioContext; modelVersion: string; headline: RecordedHeadline | null },
): string[] {
	const out: string[] = []
	const now = recordedInputs({ assumptions: record.scenario.assumptions, moves: record.scenario.moves }, live.ctx)
	const lines = new Map(now.staffingLines.map(l => [l.id, l]))
	for (const was of record.inputs.staffingLines) {
		const is = lines.get(was.id)
		const name = `Staffing line ${was.code} (${was.unitName})`
		if (!is) {
			out.push(`${name} is no longer in the inventory.`)
			continue
		}
		for (const [key, label] of LINE_FIELDS) if (is[key] !== was[key]) out.push(`${name}: ${label} ${show(was[key])} → ${show(is[key])}.`)
	}
	const destinations = new Map(now.destinations.map(d => [d.id, d]))
	for (const was of record.inputs.destinations) {
		const is = destinations.get(was.id)
		if (!is) {
			out.push(`Destination ${was.city} is no longer in the list.`)
			continue
		}
		if (is.hiringLeadTimeMonths !== was.hiringLeadTimeMonths)
			out.push(`${was.city}: hiring lead time ${was.hiringLeadTimeMonths} → ${is.hiringLeadTimeMonths} months.`)
		const costs = new Map(is.costs.map(c => [c.function, c.annualCostUsd]))
		for (const c of was.costs) {
			const cost = costs.get(c.function)
			if (cost !== c.annualCostUsd)
				out.push(
					`${was.city}, ${c.function.replace(/_/g, ' ')}: annual cost USD ${show(c.annualCostUsd)} → ${cost === undefined ? 'none' : `USD ${show(cost)}`}.`,
				)
		}
	}
	for (const [city, wage] of Object.entries(record.inputs.cityAverageWages))
		if (now.cityAverageWages[city] !== wage)
			out.push(
				`${city} average wage for the severance cap: RMB ${show(wage)} → ${now.cityAverageWages[city] === undefined ? 'none' : `RMB ${show(now.cityAverageWages[city])}`}.`,
			)
	if (live.modelVersion !== record.inputs.modelVersion) out.push(`Scoring model ${record.inputs.modelVersion} → ${live.modelVersion}.`)
	if (RULES_VERSION !== record.inputs.rulesVersion) out.push(`Rules version ${record.inputs.rulesVersion} → ${RULES_VERSION}.`)
	if (live.headline) {
		const was = record.headline
		const is = live.headline
		const figures: Array<[string, unknown, unknown]> = [
			['people moved or cut', was.headcount, is.headcount],
			['one-off cost (USD)', was.oneOffUsd, is.oneOffUsd],
			['annual saving (USD)', was.annualSavingUsd, is.annualSavingUsd],
			['NPV (USD)', was.npvUsd, is.npvUsd],
			['payback', was.paybackLabel ?? 'never', is.paybackLabel ?? 'never'],
			['exposure score change', was.exposureScoreDelta, is.exposureScoreDelta],
			['new cross-border transfers', was.newTransfers, is.newTransfers],
			['units under art. 41', was.massLayoffUnits.join(', ') || 'none', is.massLayoffUnits.join(', ') || 'none'],
		]
		for (const [label, a, b] of figures) if (a !== b) out.push(`Recomputed today, ${label}: ${show(a)} → ${show(b)}.`)
	}
	return out
}
