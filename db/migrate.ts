import { type Kysely } from 'kysely'
import { Migrator } from 'kysely/migration' // kysely >= 0.29: importing it from 'kysely' crashes at start-up
import * as m0001 from './migrations/2026_11_23_0900_initial_schema.ts'
import * as m0002 from './migrations/2026_11_23_1200_login_throttle.ts'
import * as m0003 from './migrations/2026_11_23_1400_list_indexes.ts'
import * as m0004 from './migrations/2026_11_24_0900_snapshot_content_bytes.ts'
import * as m0005 from './migrations/2026_11_24_0910_snapshot_trend_cache.ts'
import * as m1100 from './migrations/2026_12_01_1100_unit_entity_turnover_distinct_individuals.ts'
import * as m1200 from './migrations/2026_12_01_1200_scenario_records.ts'
import * as m1300 from './migrations/2026_12_01_1300_obligations.ts'
import * as m1500 from './migrations/2026_12_01_1500_model_version_activation.ts'
import * as m1600 from './migrations/2026_12_01_1600_mfa_and_throttle.ts'
import * as m021100 from './migrations/2026_12_02_1100_mfa_last_step.ts'

// A static provider survives bundling; no globbing of .ts files at run time.
const migrations = {
	'2026_11_23_0900_initial_schema': m0001,
	'2026_11_23_1200_login_throttle': m0002,
	'2026_11_23_1400_list_indexes': m0003,
	'2026_11_24_0900_snapshot_content_bytes': m0004,
	'2026_11_24_0910_snapshot_trend_cache': m0005,
	'2026_12_01_1100_unit_entity_turnover_distinct_individuals': m1100,
	'2026_12_01_1200_scenario_records': m1200,
	'2026_12_01_1300_obligations': m1300,
	'2026_12_01_1500_model_version_activation': m1500,
	'2026_12_01_1600_mfa_and_throttle': m1600,
	'2026_12_02_1100_mfa_last_step': m021100,
}

export type MigrationName = keyof typeof migrations

/** The migrator over this project's migrations (migrateTo a named one lets tests build an older schema). */
export function migrator(db: Kysely<any>) {
	return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

export async function migrateToLatest(db: Kysely<any>) {
	const { error, results } = await migrator(db).migrateToLatest()
	for (const it of results ?? []) {
		if (it.status === 'Error') console.error(`failed to execute migration "${it.migrationName}"`)
	}
	if (error) throw error
	return (results ?? []).filter(r => r.status === 'Success').map(r => r.migrationName)
}
