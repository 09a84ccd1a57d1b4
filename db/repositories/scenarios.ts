import { type Kysely } from 'kysely'
import { type DataHandling, type Scenario, type ScenarioAssumptions, type ScenarioMove, type ScenarioStatus } from '#models/domain.ts'
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
	version: r.version,
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
	s: {
		name: string
		description: string
		status: ScenarioStatus
		assumptions: ScenarioAssumptions
		moves: ScenarioMoveInput[]
		createdBy: number
	},
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

/** What a conditional write expects to find: the scenario in one of these statuses, at this version. */
export interface ScenarioExpectation {
	statuses: readonly ScenarioStatus[]
	version: number
}

/**
 * Saves a draft's fields and moves if the scenario is still as the editor read it (status and version in the WHERE);
 * the new status is 'draft'. Returns false, having written nothing, when it is not. Call inside a transaction.
 */
export async function updateScenarioIf(
	db: Kysely<Database>,
	id: number,
	expected: ScenarioExpectation,
	s: { name: string; description: string; assumptions: ScenarioAssumptions; moves: ScenarioMoveInput[] },
	now = new Date(),
): Promise<boolean> {
	const result = await db
		.updateTable('scenario')
		.set(eb => ({
			name: s.name,
			description: s.description,
			assumptions: JSON.stringify(s.assumptions),
			status: 'draft',
			updated_at: sqlNow(now),
			version: eb('version', '+', 1),
		}))
		.where('id', '=', id)
		.where('status', 'in', expected.statuses)
		.where('version', '=', expected.version)
		.executeTakeFirst()
	if (Number(result.numUpdatedRows) !== 1) return false
	await db.deleteFrom('scenario_move').where('scenario_id', '=', id).execute()
	await insertMoves(db, id, s.moves)
	return true
}

/**
 * Moves a scenario to `status` if it is still as read (status and version in the WHERE); a decision records who, when
 * and why. Returns false, having written nothing, when it is not.
 */
export async function setScenarioStatusIf(
	db: Kysely<Database>,
	id: number,
	expected: ScenarioExpectation,
	change: { status: ScenarioStatus; decidedBy?: number; comment?: string },
	now = new Date(),
): Promise<boolean> {
	const deciding = change.status === 'approved' || change.status === 'rejected'
	const result = await db
		.updateTable('scenario')
		.set(eb => ({
			status: change.status,
			updated_at: sqlNow(now),
			version: eb('version', '+', 1),
			...(deciding ? { decided_by: change.decidedBy ?? null, decision_comment: change.comment ?? null, decided_at: sqlNow(now) } : {}),
		}))
		.where('id', '=', id)
		.where('status', 'in', expected.statuses)
		.where('version', '=', expected.version)
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1
}

/** Deletes a draft if it is still the draft that was read; false when it is not. */
export async function deleteScenarioIf(db: Kysely<Database>, id: number, expected: ScenarioExpectation): Promise<boolean> {
	const result = await db
		.deleteFrom('scenario')
		.where('id', '=', id)
		.where('status', 'in', expected.statuses)
		.where('version', '=', expected.version)
		.executeTakeFirst()
	return Number(result.numDeletedRows) === 1
}
