// Frozen in time: takes Kysely<any>, imports nothing from the project.
// 1. business_unit.ftz_zone: the pilot free-trade zone a unit (one legal entity) is registered in, when that zone's
//    data-export negative list is in force; NULL: none. Art. 6 of the 2024 Provisions exempts only such a unit, so a
//    flow's "outside the FTZ negative list" flag is refused for a unit without one. Existing units get NULL: a flow
//    that claimed art. 6 before stays stored, and the engine reads it as not exempt until a zone is set.
// 2. Stored model versions: the enforcement volume step for the compliance audit is "more than 10 million"
//    (超过1000万, PI Protection Compliance Audit Measures), so its threshold is 10,000,001 individuals, not 10,000,000.
//    Versions written before that fix (seeded or drafted) are corrected in place; snapshots keep the settings they
//    were scored under (they are append-only and are not touched).
import { type Kysely } from 'kysely'

const OLD_STEP = 10_000_000
const NEW_STEP = 10_000_001

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('business_unit').addColumn('ftz_zone', 'varchar(32)').execute()
	const versions = await db.selectFrom('model_version').select(['id', 'settings']).execute()
	for (const v of versions) {
		const settings = JSON.parse(String(v.settings))
		const steps = settings?.enforcement?.volumeSteps
		if (!Array.isArray(steps) || !steps.includes(OLD_STEP)) continue
		settings.enforcement.volumeSteps = steps.map((s: number) => (s === OLD_STEP ? NEW_STEP : s))
		await db
			.updateTable('model_version')
			.set({ settings: JSON.stringify(settings) })
			.where('id', '=', v.id)
			.execute()
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	// The audit step is not put back to the wrong reading.
	await db.schema.alterTable('business_unit').dropColumn('ftz_zone').execute()
}
