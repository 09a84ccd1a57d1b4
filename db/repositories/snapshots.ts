import { type Kysely } from 'kysely'
import { type Database, type NewSnapshotRow, type SnapshotRow } from '../schema.ts'

// Snapshots are append-only: this module has no update or delete, and the database's triggers
// refuse them too (see the initial migration).

export interface SnapshotSummary {
	id: number
	quarter: string
	frozenAt: string
	modelLabel: string
	contentHash: string
	prevHash: string | null
}

const summaryColumns = ['id', 'quarter', 'frozen_at', 'model_label', 'content_hash', 'prev_hash'] as const

const toSummary = (r: Pick<SnapshotRow, (typeof summaryColumns)[number]>): SnapshotSummary => ({
	id: r.id,
	quarter: r.quarter,
	frozenAt: r.frozen_at,
	modelLabel: r.model_label,
	contentHash: r.content_hash,
	prevHash: r.prev_hash,
})

export async function listSnapshots(db: Kysely<Database>): Promise<SnapshotSummary[]> {
	const rows = await db.selectFrom('snapshot').select(summaryColumns).orderBy('quarter').execute()
	return rows.map(toSummary)
}

export async function findSnapshotByQuarter(db: Kysely<Database>, quarter: string): Promise<SnapshotRow | undefined> {
	return db.selectFrom('snapshot').selectAll().where('quarter', '=', quarter).executeTakeFirst()
}

export async function findLatestSnapshot(db: Kysely<Database>): Promise<SnapshotRow | undefined> {
	return db.selectFrom('snapshot').selectAll().orderBy('quarter', 'desc').executeTakeFirst()
}

export async function listSnapshotRows(db: Kysely<Database>): Promise<SnapshotRow[]> {
	return db.selectFrom('snapshot').selectAll().orderBy('quarter').execute()
}

export async function insertSnapshot(db: Kysely<Database>, row: NewSnapshotRow): Promise<number> {
	const result = await db.insertInto('snapshot').values(row).executeTakeFirstOrThrow()
	return Number(result.insertId)
}
