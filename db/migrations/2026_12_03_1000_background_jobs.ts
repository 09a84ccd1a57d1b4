// Frozen in time: takes Kysely<any>, imports nothing from the project.
// Background jobs (docs/decisions/041): long work (verifying every snapshot, re-deriving trend points, printing board
// packs, deriving the frozen board views) leaves the request and runs in a job that one instance claims. A job row is
// a state machine (queued -> running -> done | failed, back to queued for a retry), written by conditional updates.
// `active_key` holds the job's identity while it is queued or running and is NULL once it ends: the unique index lets
// at most one job of each identity be under way across every instance (NULLs never collide, on SQLite or MariaDB).
import { type Kysely, MysqlAdapter, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	const mysql = db.getExecutor().adapter instanceof MysqlAdapter
	await db.schema
		.createTable('job')
		.addColumn('id', 'integer', c => c.primaryKey().autoIncrement())
		.addColumn('kind', 'varchar(40)', c => c.notNull())
		.addColumn('params', 'text', c => c.notNull())
		.addColumn('active_key', 'varchar(191)')
		.addColumn('status', 'varchar(16)', c => c.notNull())
		.addColumn('attempts', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('max_attempts', 'integer', c => c.notNull())
		.addColumn('run_after', 'datetime', c => c.notNull())
		.addColumn('locked_by', 'varchar(64)')
		.addColumn('locked_until', 'datetime')
		.addColumn('progress_done', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('progress_total', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('progress_note', 'varchar(200)')
		.addColumn('result', mysql ? sql`longtext` : 'text')
		.addColumn('result_file', mysql ? sql`longblob` : 'blob')
		.addColumn('error', 'text')
		.addColumn('requested_by', 'integer')
		.addColumn('request_id', 'varchar(64)')
		.addColumn('created_at', 'datetime', c => c.notNull())
		.addColumn('started_at', 'datetime')
		.addColumn('finished_at', 'datetime')
		.execute()
	await db.schema.createIndex('job_active_key').on('job').column('active_key').unique().execute()
	// The claim's scan: queued jobs that are due, and running ones whose lease has run out.
	await db.schema.createIndex('job_status_run_after').on('job').columns(['status', 'run_after']).execute()
	await db.schema.createIndex('job_kind_created').on('job').columns(['kind', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('job').execute()
}
