import { json } from '@remix-run/node'
import { type Kysely } from 'kysely'
import { listCityAverageWages, listDestinations } from '#db/repositories/destinations.ts'
import { findScenarioById } from '#db/repositories/scenarios.ts'
import { type Database } from '#db/schema.ts'
import { type CityAverageWage, type PortfolioInventory, type Scenario, type User } from '#models/domain.ts'
import { can } from '#models/permissions.ts'
import {
	functionHeadcountsOf,
	partialContext,
	type FunctionHeadcounts,
	type ScenarioContext,
	type ScenarioDraft,
	scenarioUnitIds,
} from '#models/scenario/index.ts'
import { getScoredPortfolio } from './exposure.server.ts'

// Every unit's headcount per function, once per scored portfolio (a new inventory version is a new object).
const headcounts = new WeakMap<PortfolioInventory, FunctionHeadcounts>()

/**
 * Everything the scenario engine needs, on the whole inventory (the server's results, saving and comparing use it),
 * and the key of the scores it rests on (inventory version, model, date).
 */
export async function loadScenarioContext(
	db: Kysely<Database>,
): Promise<{ ctx: ScenarioContext; key: string; modelLabel: string; wages: Array<CityAverageWage & { usedForCap: boolean }> }> {
	const [scored, destinations, wages] = await Promise.all([getScoredPortfolio(db), listDestinations(db), listCityAverageWages(db)])
	const cityAverageWages: Record<string, number> = {}
	for (const w of wages) if (w.usedForCap && !(w.city in cityAverageWages)) cityAverageWages[w.city] = w.monthlyRmb
	const { portfolio } = scored
	if (!headcounts.has(portfolio)) headcounts.set(portfolio, functionHeadcountsOf(portfolio.units))
	return {
		key: scored.key,
		modelLabel: scored.model.label,
		// Every published row, the one the cap uses first in each city: the pages show the source and year of each.
		wages: [...wages].sort((a, b) => a.city.localeCompare(b.city) || Number(b.usedForCap) - Number(a.usedForCap)),
		ctx: {
			portfolio,
			destinations,
			cityAverageWages,
			settings: scored.model.settings,
			asOf: scored.exposure.asOf,
			functionHeadcounts: headcounts.get(portfolio),
		},
	}
}

/**
 * What the editor in the browser computes with: the units the draft reads in full and every unit's headcount per
 * function (a run on it equals the server's on the whole inventory), the units to choose from (the browser fetches a
 * unit's inventory from /scenarios/inventory/:unitId when the analyst picks it), and the key of the scores.
 */
export function editorData(ctx: ScenarioContext, draft: ScenarioDraft, key: string) {
	return {
		ctx: partialContext(ctx, scenarioUnitIds(draft, ctx)),
		units: ctx.portfolio.units.map(({ unit: u }) => ({ id: u.id, code: u.code, name: u.name, city: u.city })),
		key,
	}
}

/** What a board member may open: the decisions. */
export const BOARD_VISIBLE: readonly Scenario['status'][] = ['approved', 'rejected']

export function requireScenarioId(raw: string | undefined) {
	if (!/^\d{1,12}$/.test(raw ?? ''))
		throw json({ message: `"${String(raw).slice(0, 40)}" is not a scenario id.`, error: 'bad scenario id' }, { status: 400 })
	return Number(raw)
}

/**
 * A scenario the user may see. Board members see decided scenarios only (approved and rejected: the snapshots' decisions
 * name both, docs/decisions/018): any other id is a 404 for them, the same answer as an id that does not exist, so
 * drafts are not even confirmed to exist.
 */
export async function requireVisibleScenario(db: Kysely<Database>, user: User, id: number): Promise<Scenario> {
	const scenario = await findScenarioById(db, id)
	if (!scenario || (!can(user.role, 'scenarios:read') && !BOARD_VISIBLE.includes(scenario.status)))
		throw json({ message: `No scenario with id ${id}.`, error: `No scenario with id ${id}.` }, { status: 404 })
	return scenario
}
