// seed(db, { demo }): clears the mutable tables, then writes the reference facts, the default model
// version and (with demo) the demo group, in one transaction. Running it twice gives the same data.
// Snapshots and the audit log are append-only and are never cleared here; the demo's past quarters are frozen
// only into an empty snapshot table, so a second run keeps the chain the first one wrote.
import { type Kysely } from 'kysely'
import { insertCityAverageWage, insertDestination } from '#db/repositories/destinations.ts'
import { mapFlowIdsByCode, upsertFlowMonths } from '#db/repositories/flow-months.ts'
import { insertFlowRows } from '#db/repositories/flows.ts'
import { insertActiveModelVersion } from '#db/repositories/model-versions.ts'
import { insertReferenceFacts } from '#db/repositories/reference.ts'
import { insertScenario } from '#db/repositories/scenarios.ts'
import { insertStaffingRows, mapStaffingIdsByCode, setGroupHeadcount } from '#db/repositories/staffing.ts'
import { insertSystemRows } from '#db/repositories/systems.ts'
import { insertUnitRows, mapUnitIdsByCode } from '#db/repositories/units.ts'
import { insertUser } from '#db/repositories/users.ts'
import { type Database, MUTABLE_TABLES_CHILD_FIRST } from '#db/schema.ts'
import { fitToSchema } from '#db/sql/existing-columns.ts'
import { DEFAULT_MODEL_SETTINGS } from '#models/exposure/settings.ts'
import { DEMO_FLOW_MONTHS, DEMO_FLOWS, DEMO_GROUP_HEADCOUNT, DEMO_STAFFING, DEMO_SYSTEMS, DEMO_UNITS, DEMO_USERS } from './demo/group.ts'
import { DEMO_MODEL_VERSIONS, seedDemoQuarters } from './demo/quarters.ts'
import { DEMO_SCENARIOS } from './demo/scenarios.ts'
import { DESTINATIONS } from './reference/destinations.ts'
import { REFERENCE_FACTS } from './reference/facts.ts'
import { CITY_AVERAGE_WAGES, wageNote } from './reference/wages.ts'

/** A fixed clock for seeded timestamps, so two runs give the same rows. */
export const SEED_CLOCK = new Date('2026-11-23T08:00:00Z')

type Step = <T>(label: string, run: () => Promise<T>) => Promise<T>

/**
 * `snapshots: false` skips the demo's past quarters (e.g. for a database that will hold another group's history:
 * the chain is append-only, so quarters frozen here could not be removed).
 */
export async function seed(target: Kysely<Database>, options: { demo: boolean; quiet?: boolean; snapshots?: boolean }) {
	// A migration test seeds a schema older than the code: write only the columns it has.
	const db = await fitToSchema(target)
	const step: Step = async (label, run) => {
		const started = performance.now()
		const result = await run()
		if (!options.quiet) console.log(`🌱 ${label} (${Math.round(performance.now() - started)} ms)`)
		return result
	}
	// scrypt is slow on purpose; hash before the transaction so it stays short.
	await db.transaction().execute(async trx => {
		await step('cleared the mutable tables', async () => {
			// Only the tables this schema has: a migration test seeds a schema older than the code.
			const present = new Set((await trx.introspection.getTables()).map(t => t.name))
			for (const table of MUTABLE_TABLES_CHILD_FIRST) if (present.has(table)) await trx.deleteFrom(table).execute()
		})
		await step(`reference facts: ${REFERENCE_FACTS.length}`, () => insertReferenceFacts(trx, REFERENCE_FACTS))
		await step(`city average wages: ${CITY_AVERAGE_WAGES.length}`, async () => {
			for (const w of CITY_AVERAGE_WAGES) await insertCityAverageWage(trx, { ...w, note: wageNote(w) })
		})
		await step(`destinations: ${DESTINATIONS.length}`, async () => {
			for (const d of DESTINATIONS) await insertDestination(trx, d)
		})
		if (!options.demo) {
			await step(`model version ${DEFAULT_MODEL_SETTINGS.version}`, () =>
				insertActiveModelVersion(
					trx,
					{ label: DEFAULT_MODEL_SETTINGS.version, settings: DEFAULT_MODEL_SETTINGS, createdBy: null },
					SEED_CLOCK,
				),
			)
			return
		}
		const userIds = await step(`users: ${DEMO_USERS.length}`, async () => {
			const ids = new Map<string, number>()
			for (const u of DEMO_USERS) ids.set(u.email, await insertUser(trx, u, SEED_CLOCK))
			return ids
		})
		// The demo's model history: 2025.1, then the default version (active) from January 2026.
		const adminId = userIds.get('admin@meridian.example') ?? null
		const modelIds = await step(`model versions ${DEMO_MODEL_VERSIONS.map(m => m.label).join(', ')}`, async () => {
			const ids = new Map<string, number>()
			for (const m of DEMO_MODEL_VERSIONS)
				ids.set(m.label, await insertActiveModelVersion(trx, { label: m.label, settings: m.settings, createdBy: adminId }, m.createdAt))
			return ids
		})
		await step(`business units: ${DEMO_UNITS.length}`, () => insertUnitRows(trx, DEMO_UNITS))
		const unitIds = await mapUnitIdsByCode(trx)
		const unitId = (code: string) => {
			const id = unitIds.get(code)
			if (id === undefined) throw new Error(`demo data names unknown unit ${code}`)
			return id
		}
		await step(`systems: ${DEMO_SYSTEMS.length}`, () =>
			insertSystemRows(
				trx,
				DEMO_SYSTEMS.map(({ unitCode, ...s }) => ({ ...s, unitId: unitId(unitCode) })),
			),
		)
		await step(`data flows: ${DEMO_FLOWS.length}`, () =>
			insertFlowRows(
				trx,
				DEMO_FLOWS.map(({ unitCode, ...f }) => ({ ...f, unitId: unitId(unitCode) })),
			),
		)
		// Monthly counts only where the schema has their table (a migration test seeds an older one).
		if ((await trx.introspection.getTables()).some(t => t.name === 'flow_month_count')) {
			const flowIds = await mapFlowIdsByCode(trx)
			await step(`monthly flow counts: ${DEMO_FLOW_MONTHS.length}`, () =>
				upsertFlowMonths(
					trx,
					DEMO_FLOW_MONTHS.map(({ flowCode, ...m }) => ({ ...m, flowId: flowIds.get(flowCode.toLowerCase())!.id })),
					[],
				),
			)
		}
		await step(`staffing lines: ${DEMO_STAFFING.length}`, () =>
			insertStaffingRows(
				trx,
				DEMO_STAFFING.map(({ unitCode, ...s }) => ({ ...s, unitId: unitId(unitCode) })),
			),
		)
		await step('group headcount', () => setGroupHeadcount(trx, DEMO_GROUP_HEADCOUNT))
		const lineIds = await mapStaffingIdsByCode(trx)
		const destinationIds = new Map((await trx.selectFrom('destination').select(['id', 'city']).execute()).map(d => [d.city, d.id]))
		await step(`scenarios: ${DEMO_SCENARIOS.length}`, async () => {
			for (const s of DEMO_SCENARIOS) {
				const id = await insertScenario(
					trx,
					{
						name: s.name,
						description: s.description,
						status: s.status,
						assumptions: s.assumptions,
						createdBy: userIds.get(s.createdByEmail) ?? 0,
						moves: s.moves.map(m => ({
							staffingLineId: lineIds.get(m.staffingLineCode) ?? fail(`unknown staffing line ${m.staffingLineCode}`),
							headcount: m.headcount,
							destinationId:
								m.destinationCity === null
									? null
									: (destinationIds.get(m.destinationCity) ?? fail(`unknown destination ${m.destinationCity}`)),
							startQuarter: m.startQuarter,
							dataHandling: m.dataHandling,
						})),
					},
					SEED_CLOCK,
				)
				if (s.decidedByEmail)
					await trx
						.updateTable('scenario')
						.set({
							decided_by: userIds.get(s.decidedByEmail) ?? null,
							decision_comment: s.decisionComment,
							decided_at: s.decidedAt ? s.decidedAt.slice(0, 19).replace('T', ' ') : null,
						})
						.where('id', '=', id)
						.execute()
			}
		})
		// Append-only: only into an empty snapshot table (see seedDemoQuarters).
		if (options.snapshots === false) return
		const quarters = await step('quarterly snapshots', () => seedDemoQuarters(trx, { clock: SEED_CLOCK, frozenBy: adminId, modelIds }))
		if (!options.quiet)
			console.log(
				quarters.kept > 0
					? `🌱 snapshots: kept the ${quarters.kept} already frozen (append-only; demo quarters not added)`
					: `🌱 snapshots: froze ${quarters.inserted.length} past quarters ${quarters.inserted[0]} to ${quarters.inserted.at(-1)}`,
			)
	})
}

function fail(message: string): never {
	throw new Error(`seed: ${message}`)
}

/** Seeds the demo group when the database has no users (a fresh install). Returns whether it seeded. */
export async function seedIfEmpty(db: Kysely<Database>) {
	const any = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst()
	if (any) return false
	await seed(db, { demo: true, quiet: true })
	return true
}
