import { type Kysely } from 'kysely'
import { type ScenarioRecordContent, type ScenarioRecordEvent } from '#models/scenario/record.ts'
import { canonicalJson } from '#models/snapshot/canonical-json.ts'
import { sha256Hex as sha256 } from '../hash.ts'
import { sqlNow } from '../mappers.ts'
import { type Database } from '../schema.ts'

export interface StoredScenarioRecord {
	id: number
	scenarioId: number
	scenarioVersion: number
	event: ScenarioRecordEvent
	recordedAt: string
	recordedBy: number | null
	contentHash: string
	/** The hash of the stored text, computed again on reading: false means the row does not hold what was frozen. */
	verified: boolean
	content: ScenarioRecordContent
}

/** Appends a frozen record (canonical JSON and its SHA-256); call inside the transition's transaction. */
export async function insertScenarioRecord(
	db: Kysely<Database>,
	content: ScenarioRecordContent,
	now: Date,
): Promise<{ id: number; contentHash: string }> {
	const text = canonicalJson(content)
	const contentHash = sha256(text)
	const result = await db
		.insertInto('scenario_record')
		.values({
			scenario_id: content.scenario.id,
			scenario_version: content.scenario.version,
			event: content.event,
			recorded_at: sqlNow(now),
			recorded_by: content.actor.id,
			content_hash: contentHash,
			content: text,
		})
		.executeTakeFirstOrThrow()
	return { id: Number(result.insertId), contentHash }
}

function fromRow(r: {
	id: number
	scenario_id: number
	scenario_version: number
	event: string
	recorded_at: string
	recorded_by: number | null
	content_hash: string
	content: string
}): StoredScenarioRecord {
	return {
		id: r.id,
		scenarioId: r.scenario_id,
		scenarioVersion: r.scenario_version,
		event: r.event as ScenarioRecordEvent,
		recordedAt: r.recorded_at,
		recordedBy: r.recorded_by,
		contentHash: r.content_hash,
		verified: sha256(r.content) === r.content_hash,
		content: JSON.parse(r.content) as ScenarioRecordContent,
	}
}

/** The latest record of a scenario (optionally of given events), or undefined. */
export async function latestScenarioRecord(db: Kysely<Database>, scenarioId: number, events?: readonly ScenarioRecordEvent[]) {
	let q = db.selectFrom('scenario_record').selectAll().where('scenario_id', '=', scenarioId)
	if (events) q = q.where('event', 'in', events)
	const row = await q.orderBy('id', 'desc').limit(1).executeTakeFirst()
	return row ? fromRow(row) : undefined
}

/** The latest decision record (approved or rejected) of each scenario, by scenario id. */
export async function latestDecisionRecords(
	db: Kysely<Database>,
	scenarioIds: readonly number[],
): Promise<Map<number, StoredScenarioRecord>> {
	if (!scenarioIds.length) return new Map()
	const rows = await db
		.selectFrom('scenario_record')
		.selectAll()
		.where('scenario_id', 'in', scenarioIds)
		.where('event', 'in', ['approved', 'rejected'])
		.orderBy('id')
		.execute()
	return new Map(rows.map(r => [r.scenario_id, fromRow(r)]))
}
