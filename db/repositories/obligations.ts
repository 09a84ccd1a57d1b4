import { createHash } from 'node:crypto'
import { type Kysely } from 'kysely'
import { type DutyStatusRecord, type DutyStatusValue } from '#models/obligations/types.ts'
import { sqlNow } from '../mappers.ts'
import { type Database, type ObligationStatusRow } from '../schema.ts'

// ---- Duty status (what people decided about a derived duty) ----

type Row = ObligationStatusRow & { updated_by_email: string | null }

const toRecord = (r: Row): DutyStatusRecord => ({
	dutyKey: r.duty_key,
	unitId: r.unit_id,
	status: r.status as DutyStatusValue,
	owner: r.owner,
	evidenceRef: r.evidence_ref,
	evidenceOn: r.evidence_on,
	reason: r.reason,
	version: Number(r.version),
	updatedAt: r.updated_at,
	updatedBy: r.updated_by_email,
})

function selectStatuses(db: Kysely<Database>) {
	return db
		.selectFrom('obligation_status as s')
		.leftJoin('app_user as u', 'u.id', 's.updated_by')
		.selectAll('s')
		.select('u.email as updated_by_email')
}

/** Every status record, or one unit's. */
export async function listDutyStatuses(db: Kysely<Database>, unitId?: number): Promise<DutyStatusRecord[]> {
	let q = selectStatuses(db)
	if (unitId !== undefined) q = q.where('s.unit_id', '=', unitId)
	return (await q.execute()).map(toRecord)
}

export async function findDutyStatus(db: Kysely<Database>, dutyKey: string): Promise<DutyStatusRecord | undefined> {
	const row = await selectStatuses(db).where('s.duty_key', '=', dutyKey).executeTakeFirst()
	return row && toRecord(row)
}

export interface DutyStatusWrite {
	dutyKey: string
	unitId: number
	status: DutyStatusValue
	owner: string | null
	evidenceRef: string | null
	evidenceOn: string | null
	reason: string | null
	updatedBy: number
}

/** The first record of a duty (version 1). A concurrent first write fails on the primary key: the caller maps it to a conflict. */
export async function insertDutyStatus(db: Kysely<Database>, w: DutyStatusWrite, now = new Date()) {
	await db
		.insertInto('obligation_status')
		.values({ ...columns(w), version: 1, updated_at: sqlNow(now) })
		.execute()
}

/** Writes only if the record is still at `expectedVersion`; returns whether it did (false: someone changed it first). */
export async function updateDutyStatus(db: Kysely<Database>, w: DutyStatusWrite, expectedVersion: number, now = new Date()) {
	const { duty_key, ...set } = columns(w)
	const result = await db
		.updateTable('obligation_status')
		.set({ ...set, version: expectedVersion + 1, updated_at: sqlNow(now) })
		.where('duty_key', '=', duty_key)
		.where('version', '=', expectedVersion)
		.executeTakeFirst()
	return Number(result.numUpdatedRows) > 0
}

const columns = (w: DutyStatusWrite) => ({
	duty_key: w.dutyKey,
	unit_id: w.unitId,
	status: w.status,
	owner: w.owner,
	evidence_ref: w.evidenceRef,
	evidence_on: w.evidenceOn,
	reason: w.reason,
	updated_by: w.updatedBy,
})

// ---- Calendar feed tokens (only the SHA-256 is stored) ----

export const hashCalendarToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function insertCalendarToken(db: Kysely<Database>, userId: number, token: string, now = new Date()) {
	await db
		.insertInto('calendar_token')
		.values({ user_id: userId, token_hash: hashCalendarToken(token), created_at: sqlNow(now), revoked_at: null })
		.execute()
}

/** Revokes every live token of a user; returns how many were live. */
export async function revokeCalendarTokens(db: Kysely<Database>, userId: number, now = new Date()) {
	const result = await db
		.updateTable('calendar_token')
		.set({ revoked_at: sqlNow(now) })
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst()
	return Number(result.numUpdatedRows)
}

/** The user a live token belongs to, or undefined (unknown or revoked). */
export async function findCalendarTokenUser(db: Kysely<Database>, token: string): Promise<number | undefined> {
	const row = await db
		.selectFrom('calendar_token')
		.select('user_id')
		.where('token_hash', '=', hashCalendarToken(token))
		.where('revoked_at', 'is', null)
		.executeTakeFirst()
	return row?.user_id
}

/** When the user's live token was issued, or null (none). */
export async function findLiveCalendarToken(db: Kysely<Database>, userId: number): Promise<{ createdAt: string } | null> {
	const row = await db
		.selectFrom('calendar_token')
		.select('created_at')
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.orderBy('id', 'desc')
		.executeTakeFirst()
	return row ? { createdAt: row.created_at } : null
}
