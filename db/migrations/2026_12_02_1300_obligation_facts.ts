// Frozen in time: takes Kysely<any>, imports nothing from the project.
// Facts the obligations register needs and the inventory did not hold (all optional: NULL is unknown, never zero):
// - business_unit.pi_individuals_processed: individuals whose personal information the entity processes (PIPL
//   art. 52 officer from 1,000,000 included; compliance audit above 10,000,000), and
//   business_unit.pi_officer_threshold_reached_on: the day that count reached 1,000,000 (the officer's report falls
//   due 30 working days later);
// - info_system.tech_export_category ('none' | 'restricted' | 'prohibited') and tech_export_item (the Catalogue of
//   Technologies Prohibited or Restricted from Export item the system's technology falls under);
// - flow_month_count: optional monthly counts of individuals per flow, refining the threshold forecast;
// - inventory_version.obligations_version: bumped by every duty status change, so the register's cache follows.
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('business_unit').addColumn('pi_individuals_processed', 'bigint').execute()
	await db.schema.alterTable('business_unit').addColumn('pi_officer_threshold_reached_on', 'varchar(10)').execute()
	await db.schema.alterTable('info_system').addColumn('tech_export_category', 'varchar(16)').execute()
	await db.schema.alterTable('info_system').addColumn('tech_export_item', 'varchar(200)').execute()
	await db.schema
		.createTable('flow_month_count')
		.addColumn('flow_id', 'integer', c => c.notNull().references('data_flow.id').onDelete('cascade'))
		.addColumn('month', 'varchar(7)', c => c.notNull())
		.addColumn('pi_individuals', 'bigint', c => c.notNull())
		.addColumn('sensitive_pi_individuals', 'bigint', c => c.notNull())
		.addPrimaryKeyConstraint('flow_month_count_pk', ['flow_id', 'month'])
		.execute()
	await db.schema.alterTable('inventory_version').addColumn('obligations_version', 'integer', c => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('inventory_version').dropColumn('obligations_version').execute()
	await db.schema.dropTable('flow_month_count').execute()
	await db.schema.alterTable('info_system').dropColumn('tech_export_item').execute()
	await db.schema.alterTable('info_system').dropColumn('tech_export_category').execute()
	await db.schema.alterTable('business_unit').dropColumn('pi_officer_threshold_reached_on').execute()
	await db.schema.alterTable('business_unit').dropColumn('pi_individuals_processed').execute()
}
