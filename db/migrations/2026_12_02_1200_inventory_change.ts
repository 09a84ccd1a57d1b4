// Frozen in time: takes Kysely<any>, imports nothing from the project.
// Which business units each inventory version changed (decision 025): a write that bumps the inventory version writes
// one row per unit it touched (unit_id 0: every unit, e.g. the group's headcount or a bulk import), in the same
// transaction. An instance whose scores are a few versions old re-scores only those units. Old rows are pruned.
import { type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('inventory_change')
		.addColumn('version', 'integer', c => c.notNull())
		.addColumn('unit_id', 'integer', c => c.notNull())
		// Galera replicates only tables with a primary key
		.addPrimaryKeyConstraint('inventory_change_pk', ['version', 'unit_id'])
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('inventory_change').execute()
}
