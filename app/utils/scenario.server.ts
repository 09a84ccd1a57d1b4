import { json } from '@remix-run/node'
import { type Kysely } from 'kysely'
import { listCityAverageWages, listDestinations } from '#db/repositories/destinations.ts'
import { findScenarioById } from '#db/repositories/scenarios.ts'
import { type Database } from '#db/schema.ts'
import { type Scenario, type User } from '#models/domain.ts'
import { can } from '#models/permissions.ts'
import { type ScenarioContext } from '#models/scenario.ts'
import { getScoredPortfolio, today } from './exposure.server.ts'

/** Everything the scenario engine needs, as plain data (it is also sent to the browser). */
export async function loadScenarioContext(db: Kysely<Database>): Promise<ScenarioContext> {
	const [scored, destinations, wages] = await Promise.all([getScoredPortfolio(db), listDestinations(db), listCityAverageWages(db)])
	const cityAverageWages: Record<string, number> = {}
	for (const w of wages) if (w.usedForCap && !(w.city in cityAverageWages)) cityAverageWages[w.city] = w.monthlyRmb
	return { portfolio: scored.portfolio, destinations, cityAverageWages, settings: scored.model.settings, asOf: today() }
}

export function requireScenarioId(raw: string | undefined) {
	if (!/^\d{1,12}$/.test(raw ?? '')) throw json({ message: `"${String(raw).slice(0, 40)}" is not a scenario id.`, error: 'bad scenario id' }, { status: 400 })
	return Number(raw)
}

/**
 * A scenario the user may see. Board members see approved scenarios only: any other id is a 404 for
 * them, the same answer as an id that does not exist, so drafts are not even confirmed to exist.
 */
export async function requireVisibleScenario(db: Kysely<Database>, user: User, id: number): Promise<Scenario> {
	const scenario = await findScenarioById(db, id)
	if (!scenario || (!can(user.role, 'scenarios:read') && scenario.status !== 'approved'))
		throw json({ message: `No scenario with id ${id}.`, error: `No scenario with id ${id}.` }, { status: 404 })
	return scenario
}
