import { type Kysely } from 'kysely'

// An index for every column the inventory tables sort or filter on (server-side paging orders by the column, then
// the id, which every secondary index carries). The codes are unique, so already indexed; free-text search
// (`like '%q%'`) cannot use an index and is bounded by the page size instead. tests/db/indexes.test.ts fails when
// a sort or filter column has no index.
const INDEXES: Record<string, string[]> = {
	business_unit: ['legal_entity_type', 'sector', 'china_revenue_rmb', 'is_ciio'],
	info_system: ['name', 'filed_on', 'last_assessed_on'],
	data_flow: ['name', 'pi_individuals', 'sensitive_pi_individuals', 'mechanism_expires_on', 'purpose', 'is_remote_access'],
	staffing_line: ['city', 'headcount', 'avg_monthly_wage_rmb', 'avg_tenure_months'],
}

export async function up(db: Kysely<any>) {
	for (const [table, columns] of Object.entries(INDEXES))
		for (const column of columns) await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute()
}

export async function down(db: Kysely<any>) {
	for (const [table, columns] of Object.entries(INDEXES))
		for (const column of columns) await db.schema.dropIndex(`${table}_${column}_idx`).on(table).execute()
}
