// The scenario workflow's use cases: save a draft, propose, withdraw, approve, reject, delete. Each is one
// conditional write in one transaction (the status and version it read are in the WHERE, the affected rows counted:
// a stale write changes nothing and answers 'conflict'), checked on the server (only a scenario without errors is
// proposed or approved; four eyes: the author never decides), audited with the request id; a proposal and each
// decision are frozen as an append-only record (models/scenario/record.ts).
import { type Kysely } from 'kysely'
import { BOARD_VISIBLE, loadScenarioContext } from '#app/utils/scenario.server.ts'
import { recordAudit } from '#db/repositories/audit.ts'
import { insertScenarioRecord } from '#db/repositories/scenario-records.ts'
import {
	deleteScenarioIf,
	findScenarioById,
	insertScenario,
	listScenarios,
	setScenarioStatusIf,
	updateScenarioIf,
} from '#db/repositories/scenarios.ts'
import { type Database } from '#db/schema.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { type Scenario } from '#models/domain.ts'
import { can } from '#models/permissions.ts'
import { DEFAULT_SCENARIO_ASSUMPTIONS, type ScenarioAction, type ScenarioDraftInput, scenarioTransition } from '#models/scenario-form.ts'
import { buildScenarioRecord, type ScenarioRecordEvent } from '#models/scenario/record.ts'
import { runScenario, simulateScenario, validateScenario } from '#models/scenario/index.ts'
import { toIsoInstant } from '#models/dates.ts'
import { type Actor, fail, type Failure, ok, type ServiceContext, type ServiceResult } from './service.ts'

/** The Monte Carlo bands frozen with a record: the same runs and seed as the page shows. */
const BANDS = { runs: 1_000, seed: 1 }

async function readScenario(db: Kysely<Database>, actor: Actor, id: number): Promise<Scenario | Failure> {
	const scenario = await findScenarioById(db, id)
	// Board members read decided scenarios only (docs/decisions/018): any other id is "not found" for them.
	if (!scenario || (!can(actor.role, 'scenarios:read') && !BOARD_VISIBLE.includes(scenario.status)))
		return fail('not_found', `No scenario with id ${id}.`)
	return scenario
}

/** Why a write expecting `version` found the scenario otherwise, said for the person whose work is on screen. */
async function staleness(db: Kysely<Database>, id: number, version: number): Promise<Failure> {
	const now = await findScenarioById(db, id)
	if (!now)
		return fail(
			'conflict',
			'This scenario was deleted by someone else while you had it open. Nothing was saved; your edits are still on this page.',
		)
	return fail(
		'conflict',
		`This scenario changed since you opened it (you had version ${version}; it is now version ${now.version}, ${now.status}). Nothing was saved; your edits are still on this page. Reload to see the current version.`,
	)
}

const errorsOf = (issues: Array<{ path: string; message: string; severity: string }>) => {
	const fieldErrors: Record<string, string[]> = {}
	for (const i of issues) if (i.severity === 'error') (fieldErrors[i.path || 'draft'] ??= []).push(i.message)
	return fieldErrors
}

/**
 * Creates an empty draft. It starts from the house assumptions of the latest scenario, so FX and rates stay consistent
 * across drafts (the defaults when there is none).
 */
export async function createScenario(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { name: string; description: string },
): Promise<ServiceResult<{ id: number }>> {
	if (!can(actor.role, 'scenarios:write')) return fail('forbidden', `Your role (${actor.role}) does not allow creating scenarios.`)
	const latest = (await listScenarios(db))[0]
	const assumptions = latest?.assumptions ?? DEFAULT_SCENARIO_ASSUMPTIONS
	const now = context.now ?? new Date()
	const id = await writeTransaction(db, async trx => {
		const id = await insertScenario(trx, { ...input, status: 'draft', assumptions, moves: [], createdBy: actor.id })
		await recordAudit(
			trx,
			actor,
			{ action: 'create', entity: 'scenario', entityId: id, after: { ...input, assumptions }, requestId: context.requestId },
			now,
		)
		return id
	})
	return ok({ id })
}

export interface SaveScenarioInput {
	id: number
	version: number // the version the editor read
	draft: ScenarioDraftInput
}

/** Saves the editor's draft (a rejected scenario returns to draft) if nobody changed it since the editor read it. */
export async function saveScenario(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: SaveScenarioInput,
): Promise<ServiceResult<{ version: number }>> {
	const scenario = await readScenario(db, actor, input.id)
	if ('ok' in scenario) return scenario
	if (scenario.version !== input.version) return staleness(db, input.id, input.version)
	const transition = scenarioTransition(actor.role, scenario.status, 'save')
	if (!transition.ok) return fail(can(actor.role, 'scenarios:write') ? 'invalid' : 'forbidden', transition.reason)
	const { ctx } = await loadScenarioContext(db) // the whole inventory: a save is checked against every unit
	const fieldErrors = errorsOf(validateScenario(input.draft, ctx).filter(i => i.path !== 'moves')) // an empty draft may be saved, not proposed
	if (Object.keys(fieldErrors).length) return fail('invalid', 'The scenario has errors; nothing was saved.', fieldErrors)
	const now = context.now ?? new Date()
	const saved = await writeTransaction(db, async trx => {
		if (!(await updateScenarioIf(trx, input.id, { statuses: ['draft', 'rejected'], version: input.version }, input.draft, now)))
			return false
		await recordAudit(
			trx,
			actor,
			{
				action: 'update',
				entity: 'scenario',
				entityId: input.id,
				before: scenario,
				after: { ...input.draft, status: 'draft', version: input.version + 1 },
				requestId: context.requestId,
			},
			now,
		)
		return true
	})
	return saved ? ok({ version: input.version + 1 }) : staleness(db, input.id, input.version)
}

export interface ChangeStatusInput {
	id: number
	version: number // the version the person read
	action: Exclude<ScenarioAction, 'save' | 'delete'>
	comment?: string
}

const RECORDED: Partial<Record<ChangeStatusInput['action'], ScenarioRecordEvent>> = {
	propose: 'proposed',
	approve: 'approved',
	reject: 'rejected',
}

/**
 * Proposes, withdraws, approves or rejects. Only a scenario without errors is proposed or approved; the author of a
 * scenario never decides it, whatever their role; a rejection says why. A proposal and a decision freeze the scenario,
 * the inventory it read and its results as an append-only record, in the same transaction as the status change.
 */
export async function changeScenarioStatus(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: ChangeStatusInput,
): Promise<ServiceResult<{ version: number; status: Scenario['status']; recordHash: string | null }>> {
	const scenario = await readScenario(db, actor, input.id)
	if ('ok' in scenario) return scenario
	if (scenario.version !== input.version) return staleness(db, input.id, input.version)
	const transition = scenarioTransition(actor.role, scenario.status, input.action)
	if (!transition.ok) return fail(/role|Only an executive/.test(transition.reason) ? 'forbidden' : 'invalid', transition.reason)
	const status = transition.status as Scenario['status']
	const deciding = input.action === 'approve' || input.action === 'reject'
	if (deciding && scenario.createdBy === actor.id)
		return fail(
			'forbidden',
			'You created this scenario, so another person must decide it (four eyes): ask another executive to approve or reject it.',
		)
	const comment = (input.comment ?? '').trim().slice(0, 2000)
	if (input.action === 'reject' && !comment)
		return fail('invalid', 'Say why the scenario is rejected; the analysts will read it.', {
			comment: ['Say why the scenario is rejected.'],
		})
	const event = RECORDED[input.action]
	const draft = { assumptions: scenario.assumptions, moves: scenario.moves }
	let record: ReturnType<typeof buildScenarioRecord> | null = null
	const now = context.now ?? new Date()
	if (event) {
		const { ctx, modelLabel } = await loadScenarioContext(db)
		if (event !== 'rejected') {
			const fieldErrors = errorsOf(validateScenario(draft, ctx))
			if (Object.keys(fieldErrors).length)
				return fail(
					'invalid',
					`Only a scenario without errors can be ${event === 'proposed' ? 'proposed' : 'approved'}: ${Object.values(fieldErrors).flat().join(' ')}`,
					fieldErrors,
				)
		}
		record = buildScenarioRecord({
			event,
			at: toIsoInstant(now),
			actor: { id: actor.id, email: actor.email },
			author: { id: scenario.createdBy },
			comment: comment || null,
			scenario: { id: scenario.id, version: scenario.version + 1, name: scenario.name, description: scenario.description },
			draft,
			ctx,
			modelVersion: modelLabel,
			result: runScenario(draft, ctx),
			uncertainty: simulateScenario(draft, ctx, BANDS),
		})
	}
	const done = await writeTransaction(db, async trx => {
		const expected = { statuses: [scenario.status], version: input.version }
		if (!(await setScenarioStatusIf(trx, input.id, expected, { status, decidedBy: actor.id, comment: comment || undefined }, now)))
			return null
		const stored = record ? await insertScenarioRecord(trx, record, now) : null
		await recordAudit(
			trx,
			actor,
			{
				action: `scenario.${input.action}`,
				entity: 'scenario',
				entityId: input.id,
				before: { status: scenario.status, version: input.version },
				after: {
					status,
					version: input.version + 1,
					comment: comment || null,
					...(stored ? { recordId: stored.id, recordHash: stored.contentHash } : {}),
				},
				requestId: context.requestId,
			},
			now,
		)
		return { version: input.version + 1, status, recordHash: stored?.contentHash ?? null }
	})
	return done ? ok(done) : staleness(db, input.id, input.version)
}

/** Deletes a draft (its moves go with it; any earlier proposal stays on record) if it is still the draft that was read. */
export async function deleteScenarioDraft(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { id: number; version: number },
): Promise<ServiceResult<null>> {
	const scenario = await readScenario(db, actor, input.id)
	if ('ok' in scenario) return scenario
	if (scenario.version !== input.version) return staleness(db, input.id, input.version)
	const transition = scenarioTransition(actor.role, scenario.status, 'delete')
	if (!transition.ok) return fail(can(actor.role, 'scenarios:write') ? 'invalid' : 'forbidden', transition.reason)
	const now = context.now ?? new Date()
	const deleted = await writeTransaction(db, async trx => {
		if (!(await deleteScenarioIf(trx, input.id, { statuses: ['draft'], version: input.version }))) return false
		await recordAudit(
			trx,
			actor,
			{ action: 'delete', entity: 'scenario', entityId: input.id, before: scenario, requestId: context.requestId },
			now,
		)
		return true
	})
	return deleted ? ok(null) : staleness(db, input.id, input.version)
}
