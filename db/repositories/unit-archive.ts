// Archiving a business unit instead of deleting it (decision 032). A unit has history when something kept for the
// record reads it: a snapshot frozen since the unit was first recorded, a scenario whose moves or frozen records
// name its staffing lines, an obligation status recorded for it, or an audit event on it or its rows beyond its
// creation. Such a unit is archived (hidden from lists, scoring and the overview; restorable), never deleted.
import { type Kysely, sql } from 'kysely'
import { sqlNow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { bumpInventoryVersion } from './inventory-version.ts'

/** What makes a unit's history: each count > 0 (or a name) is a reason to archive rather than delete. */
export interface UnitHistory {
	/** Snapshots frozen since the unit was first recorded (all of them when its creation is not in the log). */
	snapshots: number
	/** Scenarios whose moves or frozen records name one of its staffing lines. */
	scenarios: string[]
	/** Obligation statuses (done, not applicable, owner) recorded for it. */
	obligationStatuses: number
	/** Audit events on the unit, its systems, flows or staffing lines, other than the unit's own creation. */
	auditEvents: number
}

export const hasHistory = (h: UnitHistory) => h.snapshots + h.scenarios.length + h.obligationStatuses + h.auditEvents > 0

const n = (v: unknown) => Number(v ?? 0)

/** The unit's history (see UnitHistory); a handful of small queries on indexed columns. */
export async function findUnitHistory(db: Kysely<Database>, unitId: number): Promise<UnitHistory> {
	const [created, systems, flows, lines] = await Promise.all([
		db
			.selectFrom('audit_event')
			.select(sql<string>`min(at)`.as('at'))
			.where('entity', '=', 'business_unit')
			.where('entity_id', '=', String(unitId))
			.where('action', '=', 'create')
			.executeTakeFirst(),
		db.selectFrom('info_system').select('id').where('unit_id', '=', unitId).execute(),
		db.selectFrom('data_flow').select('id').where('unit_id', '=', unitId).execute(),
		db.selectFrom('staffing_line').select('id').where('unit_id', '=', unitId).execute(),
	])
	const lineIds = lines.map(l => l.id)
	let snapshots = db.selectFrom('snapshot').select(sql<number>`count(*)`.as('c'))
	// Without its creation in the log the unit is taken to predate every snapshot: unknown is never "none".
	if (created?.at) snapshots = snapshots.where('frozen_at', '>=', created.at)
	const children = [
		['info_system', systems.map(r => String(r.id))],
		['data_flow', flows.map(r => String(r.id))],
		['staffing_line', lineIds.map(String)],
	] as const
	const [snapshotCount, moves, records, statuses, unitEvents, ...childEvents] = await Promise.all([
		snapshots.executeTakeFirstOrThrow(),
		lineIds.length
			? db
					.selectFrom('scenario_move')
					.innerJoin('scenario', 'scenario.id', 'scenario_move.scenario_id')
					.select('scenario.name')
					.where('scenario_move.staffing_line_id', 'in', lineIds)
					.execute()
			: Promise.resolve([]),
		// A frozen record names each staffing line it read with its unit's id (canonical JSON: "unitId":N, then , or }).
		db
			.selectFrom('scenario_record')
			.innerJoin('scenario', 'scenario.id', 'scenario_record.scenario_id')
			.select('scenario.name')
			.where(eb =>
				eb.or([
					eb('scenario_record.content', 'like', `%"unitId":${unitId},%`),
					eb('scenario_record.content', 'like', `%"unitId":${unitId}}%`),
				]),
			)
			.execute(),
		db
			.selectFrom('obligation_status')
			.select(sql<number>`count(*)`.as('c'))
			.where('unit_id', '=', unitId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('audit_event')
			.select(sql<number>`count(*)`.as('c'))
			.where('entity', '=', 'business_unit')
			.where('entity_id', '=', String(unitId))
			.where('action', '!=', 'create')
			.executeTakeFirstOrThrow(),
		...children.map(([entity, ids]) =>
			ids.length
				? db
						.selectFrom('audit_event')
						.select(sql<number>`count(*)`.as('c'))
						.where('entity', '=', entity)
						.where('entity_id', 'in', [...ids])
						.where('action', '!=', 'create')
						.executeTakeFirstOrThrow()
				: Promise.resolve({ c: 0 }),
		),
	])
	return {
		snapshots: n(snapshotCount.c),
		scenarios: [...new Set([...moves, ...records].map(m => m.name))].sort(),
		obligationStatuses: n(statuses.c),
		auditEvents: n(unitEvents.c) + childEvents.reduce((sum, e) => sum + n(e.c), 0),
	}
}

export interface UnitArchiveState {
	id: number
	code: string
	name: string
	archivedAt: string | null
	archivedBy: number | null
}

export async function findUnitArchiveState(db: Kysely<Database>, unitId: number): Promise<UnitArchiveState | undefined> {
	const r = await db
		.selectFrom('business_unit')
		.select(['id', 'code', 'name', 'archived_at', 'archived_by'])
		.where('id', '=', unitId)
		.executeTakeFirst()
	return r && { id: r.id, code: r.code, name: r.name, archivedAt: r.archived_at, archivedBy: r.archived_by }
}

/**
 * Archives a unit in use (`to` names who and when) or restores an archived one (`to` null), conditional on the state
 * it leaves: returns 1, or 0 when the unit is gone or already in the state asked for (the caller's view was stale).
 */
export async function setUnitArchived(db: Kysely<Database>, unitId: number, to: { by: number | null; now: Date } | null) {
	const result = await db
		.updateTable('business_unit')
		.set({ archived_at: to ? sqlNow(to.now) : null, archived_by: to ? to.by : null })
		.where('id', '=', unitId)
		.where('archived_at', to ? 'is' : 'is not', null)
		.executeTakeFirst()
	const changed = Number(result.numUpdatedRows)
	if (changed) await bumpInventoryVersion(db, [unitId])
	return changed
}

export interface ArchivedUnit {
	id: number
	code: string
	name: string
	city: string
	archivedAt: string
	archivedByEmail: string | null
	systems: number
	flows: number
	staffingLines: number
}

/** Every archived unit, the latest first, with who archived it and what it holds. */
export async function listArchivedUnits(db: Kysely<Database>): Promise<ArchivedUnit[]> {
	const rows = await db
		.selectFrom('business_unit')
		.leftJoin('app_user', 'app_user.id', 'business_unit.archived_by')
		.select([
			'business_unit.id',
			'business_unit.code',
			'business_unit.name',
			'business_unit.city',
			'business_unit.archived_at',
			'app_user.email',
		])
		.select(eb =>
			(['info_system', 'data_flow', 'staffing_line'] as const).map(t =>
				eb
					.selectFrom(t)
					.select(sql<number>`count(*)`.as('c'))
					.whereRef(`${t}.unit_id`, '=', 'business_unit.id')
					.as(t),
			),
		)
		.where('business_unit.archived_at', 'is not', null)
		.orderBy('business_unit.archived_at', 'desc')
		.orderBy('business_unit.id')
		.execute()
	return rows.map(r => ({
		id: r.id,
		code: r.code,
		name: r.name,
		city: r.city,
		archivedAt: r.archived_at!,
		archivedByEmail: r.email ?? null,
		systems: n(r.info_system),
		flows: n(r.data_flow),
		staffingLines: n(r.staffing_line),
	}))
}
