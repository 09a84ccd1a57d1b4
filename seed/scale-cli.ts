// npm run seed:scale: a fresh database holding the large benchmark group. SQLite by default in
// data/scale.db (the demo database is left alone); MySQL via DATABASE_URL. Snapshots are append-only,
// so it refuses a database that already has some: give it a fresh one.
import { createDb } from '#db/client.server.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { insertFlowRows } from '#db/repositories/flows.ts'
import { insertScenario } from '#db/repositories/scenarios.ts'
import { insertStaffingRows, setGroupHeadcount } from '#db/repositories/staffing.ts'
import { insertSystemRows } from '#db/repositories/systems.ts'
import { insertUnitRows, mapUnitIdsByCode } from '#db/repositories/units.ts'
import { mulberry32 } from '#models/random.ts'
import { DEMO_SCENARIOS } from './demo/scenarios.ts'
import { seed, SEED_CLOCK } from './index.ts'
import { generateScaleGroup, SCALE } from './scale.ts'

export const SCALE_DATABASE_URL = process.env.DATABASE_URL ?? 'file:./data/scale.db'

async function main() {
	const started = performance.now()
	const lap = (label: string) => console.log(`🌱 ${label} (${Math.round(performance.now() - started)} ms so far)`)
	const { db } = createDb(SCALE_DATABASE_URL)
	try {
		await migrateToLatest(db)
		const frozen = await db.selectFrom('snapshot').select('id').limit(1).executeTakeFirst()
		if (frozen)
			throw new Error(
				`${SCALE_DATABASE_URL} already holds snapshots, which cannot be deleted; point DATABASE_URL at a fresh database (or delete data/scale.db).`,
			)
		await seed(db, { demo: true, quiet: true, snapshots: false })
		lap('reference data, users and the demo group')
		const group = generateScaleGroup(1)
		await db.transaction().execute(async trx => {
			for (const t of ['scenario_move', 'scenario', 'staffing_line', 'data_flow', 'info_system', 'business_unit'] as const)
				await trx.deleteFrom(t).execute()
			await insertUnitRows(trx, group.units)
			const ids = await mapUnitIdsByCode(trx)
			const unitId = (code: string) => ids.get(code)!
			await insertSystemRows(
				trx,
				group.systems.map(({ unitCode, ...s }) => ({ ...s, unitId: unitId(unitCode) })),
			)
			await insertFlowRows(
				trx,
				group.flows.map(({ unitCode, ...f }) => ({ ...f, unitId: unitId(unitCode) })),
			)
			await insertStaffingRows(
				trx,
				group.staffing.map(({ unitCode, ...s }) => ({ ...s, unitId: unitId(unitCode) })),
			)
			await setGroupHeadcount(trx, group.groupHeadcount)
			// Scenarios: the demo scenarios' shapes, pointed at staffing lines across the large group.
			const lines = await trx.selectFrom('staffing_line').select(['id', 'headcount']).orderBy('id').execute()
			const destinations = await trx.selectFrom('destination').select(['id', 'is_mainland_china']).orderBy('id').execute()
			const admin = await trx.selectFrom('app_user').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()
			const r = mulberry32(42)
			for (let i = 0; i < SCALE.scenarios; i++) {
				const template = DEMO_SCENARIOS[i % DEMO_SCENARIOS.length]!
				const moves = Array.from({ length: 3 + Math.floor(r() * 8) }, () => {
					const line = lines[Math.floor(r() * lines.length)]!
					const destination = r() < 0.15 ? null : destinations[Math.floor(r() * destinations.length)]!.id
					return {
						staffingLineId: line.id,
						headcount: Math.max(1, Math.round(line.headcount * (0.3 + 0.7 * r()))),
						destinationId: destination,
						startQuarter: `2027-Q${1 + Math.floor(r() * 4)}`,
						dataHandling: (['remote_access', 'migrate', 'not_needed'] as const)[Math.floor(r() * 3)]!,
					}
				})
				await insertScenario(
					trx,
					{
						name: `${template.name} (scale ${i + 1})`,
						description: template.description,
						status: template.status,
						assumptions: template.assumptions,
						createdBy: admin.id,
						moves,
					},
					SEED_CLOCK,
				)
			}
		})
		lap(
			`${group.units.length} units, ${group.systems.length} systems, ${group.flows.length} flows, ${group.staffing.length} staffing lines, ${SCALE.scenarios} scenarios`,
		)
		const { freezeScaleSnapshots } = await import('./scale-snapshots.ts')
		const count = Number(process.env.SCALE_SNAPSHOTS ?? SCALE.snapshots)
		const snapshots = await freezeScaleSnapshots(db, count, quarter => process.stdout.write(`${quarter} `))
		process.stdout.write('\n')
		lap(`${snapshots.frozen} quarterly snapshots`)
		console.log(`seed:scale done on ${SCALE_DATABASE_URL.replace(/\/\/[^@]*@/, '//')}`)
	} finally {
		await db.destroy()
	}
}

main().catch(error => {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
})
