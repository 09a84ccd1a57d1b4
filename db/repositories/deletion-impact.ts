import { type Kysely, sql } from 'kysely'
import { type InventoryTableKey } from '#models/inventory-forms.ts'
import { type Database } from '../schema.ts'

/** What deleting a row takes with it: the rows that cascade, and the scenario moves that read them. */
export interface DeletionImpact {
	systems: number
	flows: number
	staffingLines: number
	people: number
	scenarioMoves: number
	scenarios: string[] // names of the scenarios whose moves go
}

const n = (v: unknown) => Number(v ?? 0)

/** Counts what goes with an inventory row (a unit: its systems, flows, staffing; a staffing line: the moves using it). */
export async function inventoryDeletionImpact(db: Kysely<Database>, table: InventoryTableKey, id: number): Promise<DeletionImpact> {
	const impact: DeletionImpact = { systems: 0, flows: 0, staffingLines: 0, people: 0, scenarioMoves: 0, scenarios: [] }
	let lines = db.selectFrom('staffing_line').select('id')
	if (table === 'units') {
		const [systems, flows, staffing] = await Promise.all([
			db
				.selectFrom('info_system')
				.select(sql<number>`count(*)`.as('c'))
				.where('unit_id', '=', id)
				.executeTakeFirstOrThrow(),
			db
				.selectFrom('data_flow')
				.select(sql<number>`count(*)`.as('c'))
				.where('unit_id', '=', id)
				.executeTakeFirstOrThrow(),
			db
				.selectFrom('staffing_line')
				.select([sql<number>`count(*)`.as('c'), sql<number>`sum(headcount)`.as('p')])
				.where('unit_id', '=', id)
				.executeTakeFirstOrThrow(),
		])
		Object.assign(impact, { systems: n(systems.c), flows: n(flows.c), staffingLines: n(staffing.c), people: n(staffing.p) })
		lines = lines.where('unit_id', '=', id)
	} else if (table === 'staffing') lines = lines.where('id', '=', id)
	else return impact
	const moves = await db
		.selectFrom('scenario_move')
		.innerJoin('scenario', 'scenario.id', 'scenario_move.scenario_id')
		.select(['scenario.name'])
		.where('scenario_move.staffing_line_id', 'in', lines)
		.execute()
	impact.scenarioMoves = moves.length
	impact.scenarios = [...new Set(moves.map(m => m.name))].sort()
	return impact
}
