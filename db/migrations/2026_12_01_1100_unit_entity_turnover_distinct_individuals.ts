// Frozen in time: takes Kysely<any>, imports nothing from the project.
// Three optional facts per business unit (one legal entity), all null = unknown:
// - prior_year_entity_turnover_rmb: the entity's own prior-year turnover, the base of PIPL art. 66's 5% alternative
//   for that handler (the group's turnover is used, marked as an assumption, where this is unknown);
// - distinct_pi_individuals_abroad / distinct_sensitive_pi_individuals_abroad: distinct individuals the entity has
//   provided abroad since 1 January over its transfers that count under the 2024 Provisions; when set they replace
//   the sum over flows (an upper bound when the same people appear in several flows).
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('business_unit').addColumn('prior_year_entity_turnover_rmb', 'bigint').execute()
	await db.schema.alterTable('business_unit').addColumn('distinct_pi_individuals_abroad', 'bigint').execute()
	await db.schema.alterTable('business_unit').addColumn('distinct_sensitive_pi_individuals_abroad', 'bigint').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('business_unit').dropColumn('distinct_sensitive_pi_individuals_abroad').execute()
	await db.schema.alterTable('business_unit').dropColumn('distinct_pi_individuals_abroad').execute()
	await db.schema.alterTable('business_unit').dropColumn('prior_year_entity_turnover_rmb').execute()
}
