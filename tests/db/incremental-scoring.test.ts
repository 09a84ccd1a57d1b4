// Incremental scoring (decision 025) against a real database: after each kind of inventory write the cached
// portfolio is brought up to date by re-scoring only the units the write changed, and the result is exactly what
// scoring the whole portfolio from scratch gives (units in the same order, the same summaries and fines).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sql } from 'kysely'
import { importCsv } from '#app/services/csv-import.server.ts'
import { deleteInventoryRow, saveInventoryRecord } from '#app/services/inventory.server.ts'
import { getScoredPortfolio, overviewPage } from '#app/utils/exposure.server.ts'
import { type DbContext } from '#db/client.server.ts'
import { loadPortfolio } from '#db/repositories/portfolio.ts'
import { listGroupHeadcount, setGroupHeadcount } from '#db/repositories/staffing.ts'
import { listAllUnits } from '#db/repositories/units.ts'
import { setUnitArchived } from '#db/repositories/unit-archive.ts'
import { scorePortfolio } from '#models/exposure/index.ts'
import { inventoryFields } from '#models/inventory-schemas.ts'
import { parseListQuery } from '#models/list-query.ts'
import { HEATMAP_SPEC, overviewKpis, sankeyData } from '#models/overview.ts'
import { seed } from '#seed/index.ts'
import { createTestDb, testDialects } from './setup.ts'

const actor = { id: 1, email: 'analyst@example.test', role: 'analyst' as const }
const ctx = { requestId: 'req-incremental', now: new Date('2026-11-23T10:00:00Z') }
const SYSTEM_HEADER =
	'code,unit_code,name,mlps_level,graded_on,filed_on,last_assessed_on,technologies,holds_personal_data,holds_important_data,holds_source_code'

describe.each(testDialects())('$name: incremental scoring', dialect => {
	let db: DbContext
	beforeAll(async () => {
		db = await createTestDb(dialect)
		await seed(db.db, { demo: true, quiet: true, snapshots: false })
		// The score cache is per process; the other dialect's run must not be taken for this database's.
		Object.assign(globalThis, { __scored: undefined, __overview: undefined })
	})
	afterAll(async () => db.db.destroy())

	/**
	 * The cache brought up to date, checked against a full score of what the database holds (and the overview's
	 * headline figures and Sankey, whose per-unit counts are kept too); returns how many units it scored.
	 */
	async function rescoredMatchesFullScore() {
		const query = parseListQuery(new URLSearchParams(), HEATMAP_SPEC)
		if (!query.ok) throw new Error('default heatmap query')
		const page = await overviewPage(db.db, query.value)
		const scored = await getScoredPortfolio(db.db)
		const portfolio = await loadPortfolio(db.db)
		const exposure = scorePortfolio(portfolio, scored.model.settings, scored.asOf)
		expect(scored.portfolio).toEqual(portfolio)
		expect(scored.exposure).toEqual(exposure)
		expect(page.kpis).toEqual(overviewKpis(portfolio, exposure))
		expect(page.sankey).toEqual(sankeyData(portfolio, scored.asOf))
		return scored.rescored
	}
	const units = () => listAllUnits(db.db)
	const unitCode = async (id: number) => (await units()).find(u => u.id === id)!.code
	const firstRow = (table: 'info_system' | 'data_flow') => db.db.selectFrom(table).selectAll().orderBy('id').executeTakeFirstOrThrow()

	test('the first score is of every unit; a read with no write scores none again', async () => {
		const all = (await units()).length
		expect(await rescoredMatchesFullScore()).toBe(all)
		const again = await getScoredPortfolio(db.db)
		expect(again).toBe(await getScoredPortfolio(db.db))
	})

	test('an edit of one system re-scores its unit only', async () => {
		const { id } = await firstRow('info_system')
		const system = (await loadPortfolio(db.db)).units.flatMap(u => u.systems).find(s => s.id === id)!
		const values = inventoryFields('systems', { ...system, mlpsLevel: system.mlpsLevel === 3 ? 2 : 3 }, await unitCode(system.unitId))
		const saved = await saveInventoryRecord(db.db, actor, ctx, { table: 'systems', id, values })
		expect(saved.ok).toBe(true)
		expect(await rescoredMatchesFullScore()).toBe(1)
		// Two requests at once after a write (the overview's figures and its register) share one refresh.
		const again = await saveInventoryRecord(db.db, actor, ctx, {
			table: 'systems',
			id,
			values: inventoryFields('systems', system, await unitCode(system.unitId)),
		})
		expect(again.ok).toBe(true)
		const [a, b] = await Promise.all([getScoredPortfolio(db.db), getScoredPortfolio(db.db)])
		expect(a).toBe(b)
		expect(a.rescored).toBe(1)
	})

	test('a flow moved to another unit re-scores both units', async () => {
		const { id } = await firstRow('data_flow')
		const flow = (await loadPortfolio(db.db)).units.flatMap(u => u.flows).find(f => f.id === id)!
		const other = (await units()).find(u => u.id !== flow.unitId)!
		const saved = await saveInventoryRecord(db.db, actor, ctx, { table: 'flows', id, values: inventoryFields('flows', flow, other.code) })
		expect(saved.ok).toBe(true)
		expect(await rescoredMatchesFullScore()).toBe(2)
	})

	test('a new unit, a renamed unit (its place in the order changes), a deleted unit and an archived one with its rows', async () => {
		const [first, second] = await units()
		const created = await saveInventoryRecord(db.db, actor, ctx, {
			table: 'units',
			values: { ...inventoryFields('units', first!, first!.code), code: 'INC-NEW', name: 'Aardvark Trading (new)' },
		})
		expect(created.ok).toBe(true)
		expect(await rescoredMatchesFullScore()).toBe(1)
		const renamed = await saveInventoryRecord(db.db, actor, ctx, {
			table: 'units',
			id: second!.id,
			values: { ...inventoryFields('units', second!, second!.code), name: 'Zz last by name' },
		})
		expect(renamed.ok).toBe(true)
		expect(await rescoredMatchesFullScore()).toBe(1)
		const newId = created.ok ? created.value.id : 0
		expect((await deleteInventoryRow(db.db, actor, ctx, { table: 'units', id: newId })).ok).toBe(true)
		expect(await rescoredMatchesFullScore()).toBe(0) // the unit is gone: nothing to score, the summaries are redone
		// A unit with history is archived, not deleted: it leaves the portfolio, and comes back when restored.
		expect(await db.db.transaction().execute(trx => setUnitArchived(trx, first!.id, { by: null, now: ctx.now }))).toBe(1)
		expect(await rescoredMatchesFullScore()).toBe(0)
		expect(await db.db.transaction().execute(trx => setUnitArchived(trx, first!.id, null))).toBe(1)
		expect(await rescoredMatchesFullScore()).toBe(1)
	})

	test('several writes between two reads: the units of all of them; a CSV import: the units of its rows', async () => {
		const [a, b, c] = await units()
		for (const u of [a!, b!]) {
			const saved = await saveInventoryRecord(db.db, actor, ctx, {
				table: 'units',
				id: u.id,
				values: { ...inventoryFields('units', u, u.code), china_revenue_rmb: String(u.chinaRevenueRmb + 1) },
			})
			expect(saved.ok).toBe(true)
		}
		expect(await rescoredMatchesFullScore()).toBe(2)
		const csv = [
			SYSTEM_HEADER,
			`INC-SYS-1,${b!.code},Imported one,3,2026-01-01,,,,yes,no,no`,
			`INC-SYS-2,${c!.code},Imported two,2,,,,,no,yes,no`,
		].join('\n')
		const done = await importCsv(db.db, actor, ctx, { target: 'systems', intent: 'commit', fileName: 's.csv', source: { text: csv } })
		expect(done.ok).toBe(true)
		expect(await rescoredMatchesFullScore()).toBe(2)
	})

	test('a change of every unit (the group headcount), or a version bumped without a log, scores the whole portfolio', async () => {
		const all = (await units()).length
		const headcount = await listGroupHeadcount(db.db)
		await db.db.transaction().execute(trx =>
			setGroupHeadcount(
				trx,
				headcount.map(h => ({ ...h, globalHeadcount: h.globalHeadcount + 10 })),
			),
		)
		expect(await rescoredMatchesFullScore()).toBe(all)
		await db.db
			.updateTable('inventory_version')
			.set({ version: sql`version + 1` })
			.where('id', '=', 1)
			.execute()
		expect(await rescoredMatchesFullScore()).toBe(all)
	})
})
