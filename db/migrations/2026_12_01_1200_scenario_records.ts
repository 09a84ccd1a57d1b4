// Frozen in time: takes Kysely<any>, imports nothing from the project.
// Decisions that hold (issue 15): a scenario gets a version, which every save and transition expects and bumps (a
// stale write matches no row); and each proposal and decision is frozen in `scenario_record`, append-only like the
// snapshots: its inputs and results as canonical JSON with their SHA-256, UPDATE and DELETE refused by triggers.
import { type Kysely, MysqlAdapter, sql } from 'kysely'

function isMysql(db: Kysely<any>) {
	return db.getExecutor().adapter instanceof MysqlAdapter
}

export async function up(db: Kysely<any>): Promise<void> {
	const mysql = isMysql(db)
	await db.schema.alterTable('scenario').addColumn('version', 'integer', c => c.notNull().defaultTo(1)).execute()
	await db.schema
		.createTable('scenario_record')
		.addColumn('id', 'integer', c => c.primaryKey().autoIncrement())
		// No foreign key: a draft that was once proposed can still be deleted, and its proposal stays on record.
		.addColumn('scenario_id', 'integer', c => c.notNull())
		.addColumn('scenario_version', 'integer', c => c.notNull())
		.addColumn('event', 'varchar(16)', c => c.notNull()) // 'proposed' | 'approved' | 'rejected'
		.addColumn('recorded_at', 'datetime', c => c.notNull())
		.addColumn('recorded_by', 'integer')
		.addColumn('content_hash', 'varchar(64)', c => c.notNull()) // SHA-256 hex of `content`
		.addColumn('content', mysql ? sql`longtext` : 'text', c => c.notNull()) // canonical JSON
		.execute()
	await db.schema.createIndex('scenario_record_scenario_idx').on('scenario_record').columns(['scenario_id', 'id']).execute()
	await db.schema.createIndex('scenario_record_at_idx').on('scenario_record').column('recorded_at').execute()
	for (const op of ['UPDATE', 'DELETE']) {
		const name = `scenario_record_no_${op.toLowerCase()}`
		const message = `scenario_record is append-only: ${op} refused`
		try {
			if (mysql)
				await sql.raw(`CREATE TRIGGER ${name} BEFORE ${op} ON scenario_record FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`).execute(db)
			else await sql.raw(`CREATE TRIGGER ${name} BEFORE ${op} ON scenario_record BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db)
		} catch (error) {
			throw new Error(
				`Could not create the append-only trigger ${name}. On MySQL with binary logging this needs the SUPER privilege or log_bin_trust_function_creators=1. Cause: ${(error as Error).message}`,
			)
		}
	}
}

export async function down(): Promise<void> {
	// Frozen decision records are never removed: there is no way back.
	throw new Error('2026_12_01_1200_scenario_records cannot be undone: decision records are append-only')
}
