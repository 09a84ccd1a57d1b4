// Frozen in time: takes Kysely<any>, imports nothing from the project.
import { type Kysely, MysqlAdapter, sql } from 'kysely'

function isMysql(db: Kysely<any>) {
	return db.getExecutor().adapter instanceof MysqlAdapter
}

export async function up(db: Kysely<any>): Promise<void> {
	const mysql = isMysql(db)
	// MySQL TEXT stops at 64 KiB; a snapshot of a 1,000-unit group is megabytes.
	const bigText = mysql ? sql`longtext` : sql`text`
	const id = (col: any) => col.primaryKey().autoIncrement()

	await db.schema
		.createTable('business_unit')
		.addColumn('id', 'integer', id)
		.addColumn('code', 'varchar(64)', c => c.notNull().unique())
		.addColumn('name', 'varchar(200)', c => c.notNull())
		.addColumn('segment', 'varchar(32)', c => c.notNull())
		.addColumn('legal_entity_type', 'varchar(16)', c => c.notNull())
		.addColumn('city', 'varchar(64)', c => c.notNull())
		.addColumn('sector', 'varchar(32)', c => c.notNull())
		.addColumn('is_ciio', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('handles_consumer_data', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('china_revenue_rmb', 'bigint', c => c.notNull().defaultTo(0))
		.addColumn('prior_year_global_turnover_rmb', 'bigint', c => c.notNull().defaultTo(0))
		.execute()
	await db.schema.createIndex('business_unit_segment_idx').on('business_unit').column('segment').execute()
	await db.schema.createIndex('business_unit_city_idx').on('business_unit').column('city').execute()
	await db.schema.createIndex('business_unit_name_idx').on('business_unit').column('name').execute()

	await db.schema
		.createTable('info_system')
		.addColumn('id', 'integer', id)
		.addColumn('unit_id', 'integer', c => c.notNull().references('business_unit.id').onDelete('cascade'))
		.addColumn('code', 'varchar(64)', c => c.notNull().unique())
		.addColumn('name', 'varchar(200)', c => c.notNull())
		.addColumn('mlps_level', 'integer')
		.addColumn('graded_on', 'date')
		.addColumn('filed_on', 'date')
		.addColumn('last_assessed_on', 'date')
		.addColumn('technologies', 'varchar(120)', c => c.notNull().defaultTo(''))
		.addColumn('holds_personal_data', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('holds_important_data', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('holds_source_code', 'integer', c => c.notNull().defaultTo(0))
		.execute()
	await db.schema.createIndex('info_system_unit_idx').on('info_system').column('unit_id').execute()
	await db.schema.createIndex('info_system_level_idx').on('info_system').column('mlps_level').execute()

	await db.schema
		.createTable('data_flow')
		.addColumn('id', 'integer', id)
		.addColumn('unit_id', 'integer', c => c.notNull().references('business_unit.id').onDelete('cascade'))
		.addColumn('code', 'varchar(64)', c => c.notNull().unique())
		.addColumn('name', 'varchar(200)', c => c.notNull())
		.addColumn('destination_country', 'varchar(2)', c => c.notNull())
		.addColumn('destination_entity', 'varchar(200)', c => c.notNull())
		.addColumn('pi_individuals', 'bigint')
		.addColumn('sensitive_pi_individuals', 'bigint')
		.addColumn('includes_important_data', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('purpose', 'varchar(32)', c => c.notNull())
		.addColumn('collected_in_mainland', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('outside_ftz_negative_list', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('is_remote_access', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('mechanism_in_place', 'varchar(32)', c => c.notNull().defaultTo('none'))
		.addColumn('mechanism_since', 'date')
		.addColumn('mechanism_expires_on', 'date')
		.execute()
	await db.schema.createIndex('data_flow_unit_idx').on('data_flow').column('unit_id').execute()
	await db.schema.createIndex('data_flow_country_idx').on('data_flow').column('destination_country').execute()
	await db.schema.createIndex('data_flow_mechanism_idx').on('data_flow').column('mechanism_in_place').execute()

	await db.schema
		.createTable('staffing_line')
		.addColumn('id', 'integer', id)
		.addColumn('unit_id', 'integer', c => c.notNull().references('business_unit.id').onDelete('cascade'))
		.addColumn('code', 'varchar(64)', c => c.notNull().unique())
		.addColumn('function', 'varchar(32)', c => c.notNull())
		.addColumn('city', 'varchar(64)', c => c.notNull())
		.addColumn('headcount', 'integer', c => c.notNull())
		.addColumn('avg_monthly_wage_rmb', 'integer', c => c.notNull())
		.addColumn('avg_tenure_months', 'integer', c => c.notNull())
		.addColumn('access_to_personal_data', 'integer', c => c.notNull().defaultTo(0))
		.execute()
	await db.schema.createIndex('staffing_line_unit_idx').on('staffing_line').column('unit_id').execute()
	await db.schema.createIndex('staffing_line_function_idx').on('staffing_line').column('function').execute()

	await db.schema
		.createTable('group_function_headcount')
		.addColumn('function', 'varchar(32)', c => c.primaryKey())
		.addColumn('global_headcount', 'integer', c => c.notNull())
		.execute()

	await db.schema
		.createTable('destination')
		.addColumn('id', 'integer', id)
		.addColumn('city', 'varchar(100)', c => c.notNull().unique())
		.addColumn('country', 'varchar(2)', c => c.notNull())
		.addColumn('is_mainland_china', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('privacy_law', 'text', c => c.notNull())
		.addColumn('privacy_cross_border', 'text', c => c.notNull())
		.addColumn('hiring_lead_time_months', 'integer', c => c.notNull())
		.addColumn('source', 'text', c => c.notNull())
		.addColumn('as_of', 'varchar(64)', c => c.notNull())
		.execute()

	await db.schema
		.createTable('destination_cost')
		.addColumn('destination_id', 'integer', c => c.notNull().references('destination.id').onDelete('cascade'))
		.addColumn('function', 'varchar(32)', c => c.notNull())
		.addColumn('annual_cost_usd', 'integer', c => c.notNull())
		.addColumn('evidence', 'varchar(16)', c => c.notNull())
		.addPrimaryKeyConstraint('destination_cost_pk', ['destination_id', 'function'])
		.execute()

	await db.schema
		.createTable('city_average_wage')
		.addColumn('id', 'integer', id)
		.addColumn('city', 'varchar(64)', c => c.notNull())
		.addColumn('year_of_data', 'integer', c => c.notNull())
		.addColumn('monthly_rmb', 'integer', c => c.notNull())
		.addColumn('statistic', 'text', c => c.notNull())
		.addColumn('used_for_cap', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('source', 'text', c => c.notNull())
		.addColumn('as_of', 'varchar(64)', c => c.notNull())
		.addColumn('verified', 'integer', c => c.notNull().defaultTo(0))
		.execute()
	await db.schema.createIndex('city_average_wage_city_idx').on('city_average_wage').column('city').execute()

	await db.schema
		.createTable('reference_fact')
		.addColumn('id', 'integer', id)
		.addColumn('fact_key', 'varchar(191)', c => c.notNull().unique())
		.addColumn('category', 'varchar(64)', c => c.notNull())
		.addColumn('title', 'text', c => c.notNull())
		.addColumn('body', bigText, c => c.notNull())
		.addColumn('source', 'text', c => c.notNull())
		.addColumn('as_of', 'varchar(64)', c => c.notNull())
		.addColumn('verified', 'integer', c => c.notNull().defaultTo(0))
		.execute()
	await db.schema.createIndex('reference_fact_category_idx').on('reference_fact').column('category').execute()

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'integer', id)
		.addColumn('email', 'varchar(191)', c => c.notNull().unique())
		.addColumn('name', 'varchar(200)', c => c.notNull())
		.addColumn('role', 'varchar(16)', c => c.notNull())
		.addColumn('password_hash', 'varchar(255)', c => c.notNull())
		.addColumn('disabled', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('created_at', 'datetime', c => c.notNull())
		.addColumn('updated_at', 'datetime', c => c.notNull())
		.execute()

	await db.schema
		.createTable('app_session')
		.addColumn('id', 'varchar(64)', c => c.primaryKey())
		.addColumn('user_id', 'integer', c => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'datetime', c => c.notNull())
		.addColumn('last_seen_at', 'datetime', c => c.notNull())
		.addColumn('expires_at', 'datetime', c => c.notNull())
		.execute()
	await db.schema.createIndex('app_session_user_idx').on('app_session').column('user_id').execute()

	await db.schema
		.createTable('model_version')
		.addColumn('id', 'integer', id)
		.addColumn('label', 'varchar(64)', c => c.notNull().unique())
		.addColumn('settings', bigText, c => c.notNull())
		.addColumn('is_active', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('created_by', 'integer', c => c.references('app_user.id'))
		.addColumn('created_at', 'datetime', c => c.notNull())
		.execute()

	await db.schema
		.createTable('scenario')
		.addColumn('id', 'integer', id)
		.addColumn('name', 'varchar(200)', c => c.notNull())
		.addColumn('description', 'text', c => c.notNull())
		.addColumn('status', 'varchar(16)', c => c.notNull().defaultTo('draft'))
		.addColumn('assumptions', 'text', c => c.notNull())
		.addColumn('created_by', 'integer', c => c.notNull().references('app_user.id'))
		.addColumn('decided_by', 'integer', c => c.references('app_user.id'))
		.addColumn('decision_comment', 'text')
		.addColumn('decided_at', 'datetime')
		.addColumn('created_at', 'datetime', c => c.notNull())
		.addColumn('updated_at', 'datetime', c => c.notNull())
		.execute()
	await db.schema.createIndex('scenario_status_idx').on('scenario').column('status').execute()

	await db.schema
		.createTable('scenario_move')
		.addColumn('id', 'integer', id)
		.addColumn('scenario_id', 'integer', c => c.notNull().references('scenario.id').onDelete('cascade'))
		.addColumn('staffing_line_id', 'integer', c => c.notNull().references('staffing_line.id').onDelete('cascade'))
		.addColumn('headcount', 'integer', c => c.notNull())
		.addColumn('destination_id', 'integer', c => c.references('destination.id'))
		.addColumn('start_quarter', 'varchar(7)', c => c.notNull())
		.addColumn('data_handling', 'varchar(16)', c => c.notNull())
		.execute()
	await db.schema.createIndex('scenario_move_scenario_idx').on('scenario_move').column('scenario_id').execute()

	// No foreign keys out of snapshot: it must outlive anything it copied.
	await db.schema
		.createTable('snapshot')
		.addColumn('id', 'integer', id)
		.addColumn('quarter', 'varchar(7)', c => c.notNull().unique())
		.addColumn('frozen_at', 'datetime', c => c.notNull())
		.addColumn('frozen_by', 'integer')
		.addColumn('model_version_id', 'integer', c => c.notNull())
		.addColumn('model_label', 'varchar(64)', c => c.notNull())
		.addColumn('model_settings', bigText, c => c.notNull())
		.addColumn('inputs', bigText, c => c.notNull())
		.addColumn('results', bigText, c => c.notNull())
		.addColumn('content_hash', 'varchar(64)', c => c.notNull())
		.addColumn('prev_hash', 'varchar(64)')
		.execute()

	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'integer', id)
		.addColumn('at', 'datetime', c => c.notNull())
		.addColumn('actor_id', 'integer')
		.addColumn('actor_email', 'varchar(191)', c => c.notNull())
		.addColumn('action', 'varchar(64)', c => c.notNull())
		.addColumn('entity', 'varchar(64)', c => c.notNull())
		.addColumn('entity_id', 'varchar(64)')
		.addColumn('before_json', bigText)
		.addColumn('after_json', bigText)
		.addColumn('request_id', 'varchar(64)')
		.execute()
	await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute()
	await db.schema.createIndex('audit_event_actor_idx').on('audit_event').column('actor_email').execute()
	await db.schema.createIndex('audit_event_entity_idx').on('audit_event').columns(['entity', 'entity_id']).execute()

	await db.schema
		.createTable('inventory_version')
		.addColumn('id', 'integer', c => c.primaryKey())
		.addColumn('version', 'integer', c => c.notNull())
		.execute()
	await db.insertInto('inventory_version').values({ id: 1, version: 1 }).execute()

	// History cannot be rewritten: the database itself refuses UPDATE and DELETE on these tables,
	// whatever the application does. On MySQL with binary logging, creating triggers needs SUPER
	// or log_bin_trust_function_creators=1; say so instead of failing obscurely.
	for (const table of ['audit_event', 'snapshot']) {
		for (const op of ['UPDATE', 'DELETE']) {
			const name = `${table}_no_${op.toLowerCase()}`
			const message = `${table} is append-only: ${op} refused`
			try {
				if (mysql) {
					await sql
						.raw(
							`CREATE TRIGGER ${name} BEFORE ${op} ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`,
						)
						.execute(db)
				} else {
					await sql.raw(`CREATE TRIGGER ${name} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db)
				}
			} catch (error) {
				throw new Error(
					`Could not create the append-only trigger ${name}. On MySQL with binary logging this needs the SUPER privilege or log_bin_trust_function_creators=1. Cause: ${(error as Error).message}`,
				)
			}
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'inventory_version',
		'audit_event',
		'snapshot',
		'scenario_move',
		'scenario',
		'model_version',
		'app_session',
		'app_user',
		'reference_fact',
		'city_average_wage',
		'destination_cost',
		'destination',
		'group_function_headcount',
		'staffing_line',
		'data_flow',
		'info_system',
		'business_unit',
	]) {
		await db.schema.dropTable(table).ifExists().execute()
	}
}
