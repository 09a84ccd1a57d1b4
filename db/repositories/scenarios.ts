import { type Kysely } from 'kysely'
import {
	type DataHandling,
	type Scenario,
	type ScenarioAssumptions,
	type ScenarioMove,
	type ScenarioStatus,
} from '#models/domain.ts'
import { sqlNow } from '../mappers.ts'
import { type Database, type ScenarioMoveRow, type ScenarioRow } from '../schema.ts'

export type ScenarioMoveInput = Omit<ScenarioMove, 'id'>

const moveFromRow = (r: ScenarioMoveRow): ScenarioMove => ({
	id: r.id,
	staffingLineId: r.staffing_line_id,
	headcount: r.headcount,
	destinationId: r.destination_id,
	startQuarter: r.start_quarter,
	dataHandling: r.data_handling as DataHandling,
})

const scenarioFromRow = (r: ScenarioRow, moves: ScenarioMove[]): Scenario => ({
	id: r.id,
	name: r.name,
	description: r.description,
	status: r.status as ScenarioStatus,
	assumptions: JSON.parse(r.assumptions) as ScenarioAssumptions,
	moves,
	createdBy: r.created_by,
	decidedBy: r.decided_by,
	decisionComment: r.decision_comment,
	decidedAt: r.decided_at,
	createdAt: r.created_at,
	updatedAt: r.updated_at,
})

/** Scenarios with their moves in two queries; `statuses` limits what a role may see. */
export async function listScenarios(db: Kysely<Database>, statuses?: readonly ScenarioStatus[]): Promise<Scenario[]> {
	let q = db.selectFrom('scenario').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc')
	if (statuses) {
		if (!statuses.length) return []
		q = q.where('status', 'in', statuses)
	}
	const rows = await q.execute()
	if (!rows.length) return []
	const moves = await db
		.selectFrom('scenario_move')
		.selectAll()
		.where(
			'scenario_id',
			'in',
			rows.map(r => r.id),
		)
		.orderBy('id')
		.execute()
	return rows.map(r => scenarioFromRow(r, moves.filter(m => m.scenario_id === r.id).map(moveFromRow)))
}

export async function findScenarioById(db: Kysely<Database>, id: number): Promise<Scenario | undefined> {
	const row = await db.selectFrom('scenario').selectAll().where('id', '=', id).executeTakeFirst()
	if (!row) return undefined
	const moves = await db.selectFrom('scenario_move').selectAll().where('scenario_id', '=', id).orderBy('id').execute()
	return scenarioFromRow(row, moves.map(moveFromRow))
}

async function insertMoves(db: Kysely<Database>, scenarioId: number, moves: ScenarioMoveInput[]) {
	if (!moves.length) return
	await db
		.insertInto('scenario_move')
		.values(
			moves.map(m => ({
				scenario_id: scenarioId,
				staffing_line_id: m.staffingLineId,
				headcount: m.headcount,
				destination_id: m.destinationId,
				start_quarter: m.startQuarter,
				data_handling: m.dataHandling,
			})),
		)
		.execute()
}

/** Inserts a scenario and its moves; call inside a transaction (the seed and the actions do). */
export async function insertScenario(
	db: Kysely<Database>,
	s: { name: string; description: string; status: ScenarioStatus; assumptions: ScenarioAssumptions; moves: ScenarioMoveInput[]; createdBy: number },
	now = new Date(),
): Promise<number> {
	const result = await db
		.insertInto('scenario')
		.values({
			name: s.name,
			description: s.description,
			status: s.status,
			assumptions: JSON.stringify(s.assumptions),
			created_by: s.createdBy,
			created_at: sqlNow(now),
			updated_at: sqlNow(now),
		})
		.executeTakeFirstOrThrow()
	const id = Number(result.insertId)
	await insertMoves(db, id, s.moves)
	return id
}

export async function updateScenario(
	db: Kysely<Database>,
	id: number,
	s: { name: string; description: string; assumptions: ScenarioAssumptions; moves: ScenarioMoveInput[] },
	now = new Date(),
) {
	await db
		.updateTable('scenario')
		.set({ name: s.name, description: s.description, assumptions: JSON.stringify(s.assumptions), updated_at: sqlNow(now) })
		.where('id', '=', id)
		.execute()
	await db.deleteFrom('scenario_move').where('scenario_id', '=', id).execute()
	await insertMoves(db, id, s.moves)
}

export async function setScenarioStatus(
	db: Kysely<Database>,
	id: number,
	change: { status: ScenarioStatus; decidedBy?: number; comment?: string },
	now = new Date(),
) {
	const deciding = change.status === 'approved' || change.status === 'rejected'
	await db
		.updateTable('scenario')
		.set({
			status: change.status,
			updated_at: sqlNow(now),
			...(deciding ? { decided_by: change.decidedBy ?? null, decision_comment: change.comment ?? null, decided_at: sqlNow(now) } : {}),
		})
		.where('id', '=', id)
		.execute()
}

export async function deleteScenario(db: Kysely<Database>, id: number) {
	await db.deleteFrom('scenario').where('id', '=', id).execute()
}
