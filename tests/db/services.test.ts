// The application services against a real database: one import service for every table (with each changed field's
// old and new value in the preview), and inventory saves that refuse a taken code on the field and audit each write.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importCsv } from '#app/services/csv-import.server.ts'
import { deleteInventoryRow, saveInventoryRecord } from '#app/services/inventory.server.ts'
import { verifySnapshots } from '#app/services/snapshot-verification.server.ts'
import { type DbContext } from '#db/client.server.ts'
import { listAllUnits } from '#db/repositories/units.ts'
import { toCsv } from '#models/csv.ts'
import { destinationToFields, DESTINATION_CSV_COLUMNS } from '#models/destination-csv.ts'
import { listDestinations } from '#db/repositories/destinations.ts'
import { inventoryFields, INVENTORY_TABLES } from '#models/inventory-schemas.ts'
import { seed } from '#seed/index.ts'
import { createTestDb, testDialects } from './setup.ts'

const actor = { id: 1, email: 'analyst@example.test', role: 'analyst' as const }
const ctx = { requestId: 'req-test', now: new Date('2026-11-23T10:00:00Z') }
const bytes = (text: string) => ({ bytes: new TextEncoder().encode(text) })

describe.each(testDialects())('$name: application services', dialect => {
	let db: DbContext
	beforeAll(async () => {
		db = await createTestDb(dialect)
		await seed(db.db, { demo: true, quiet: true, snapshots: false })
	})
	afterAll(async () => db.db.destroy())

	const audits = (action: string) =>
		db.db.selectFrom('audit_event').select(['entity', 'entity_id', 'request_id']).where('action', '=', action).orderBy('id').execute()

	test('an import preview lists each changed field with its old and new value, and the commit writes and audits it', async () => {
		const [unit] = await listAllUnits(db.db)
		const fields = inventoryFields('units', unit!, unit!.code)
		const columns = Object.keys(INVENTORY_TABLES.units.schema.shape)
		const csv = toCsv(columns, [{ ...fields, name: `${unit!.name} renamed` }])
		const preview = await importCsv(db.db, actor, ctx, { target: 'units', intent: 'preview', fileName: 'u.csv', source: bytes(csv) })
		expect(preview.ok && preview.value.stage === 'preview' && preview.value.changes).toEqual([
			{ code: unit!.code, kind: 'changed', fields: [{ field: 'name', from: unit!.name, to: `${unit!.name} renamed` }] },
		])
		const done = await importCsv(db.db, actor, ctx, { target: 'units', intent: 'commit', fileName: 'u.csv', source: { text: csv } })
		expect(done.ok && done.value).toEqual({ stage: 'done', fileName: 'u.csv', inserts: 0, updates: 1, unchanged: 0 })
		expect((await listAllUnits(db.db)).find(u => u.id === unit!.id)?.name).toBe(`${unit!.name} renamed`)
		expect((await audits('import')).at(-1)).toEqual({ entity: 'business_unit', entity_id: null, request_id: 'req-test' })
	})

	test('destinations go through the same import: an export re-imports unchanged; a bad cell is refused by line and column', async () => {
		const csv = toCsv(DESTINATION_CSV_COLUMNS, (await listDestinations(db.db)).map(destinationToFields))
		const same = await importCsv(db.db, actor, ctx, { target: 'destinations', intent: 'preview', fileName: 'd.csv', source: bytes(csv) })
		expect(same.ok && same.value.stage === 'preview' && [same.value.updates, same.value.inserts]).toEqual([0, 0])
		const bad = csv.replace(/\n([^,\n]+),([A-Z]{2}),/, '\n$1,Malaysia,')
		const refused = await importCsv(db.db, actor, ctx, { target: 'destinations', intent: 'preview', fileName: 'd.csv', source: bytes(bad) })
		expect(!refused.ok && refused.code).toBe('invalid')
		expect(!refused.ok && refused.cellErrors?.[0]).toMatchObject({ line: 2, column: 'country' })
	})

	test('a save that takes another row’s code is refused on the code field; a delete of a missing row is not_found', async () => {
		const [a, b] = await listAllUnits(db.db)
		const values = inventoryFields('units', a!, a!.code)
		const taken = await saveInventoryRecord(db.db, actor, ctx, { table: 'units', id: a!.id, values: { ...values, code: b!.code } })
		expect(!taken.ok && [taken.code, Object.keys(taken.fieldErrors ?? {})]).toEqual(['invalid', ['code']])
		const missing = await deleteInventoryRow(db.db, actor, ctx, { table: 'units', id: 999_999 })
		expect(!missing.ok && missing.code).toBe('not_found')
		const saved = await saveInventoryRecord(db.db, actor, ctx, {
			table: 'units',
			id: a!.id,
			values: { ...values, name: 'Saved by the service' },
		})
		expect(saved.ok).toBe(true)
		expect((await audits('update')).at(-1)).toEqual({ entity: 'business_unit', entity_id: String(a!.id), request_id: 'req-test' })
	})

	test('verifying the snapshots is an administrator’s action: a board member or an analyst is refused and nothing is audited', async () => {
		for (const role of ['board', 'analyst', 'executive'] as const) {
			const refused = await verifySnapshots(db.db, { ...actor, role }, ctx)
			expect(refused).toMatchObject({ ok: false, code: 'forbidden' })
		}
		expect(await audits('snapshot.verify')).toEqual([])
		const done = await verifySnapshots(db.db, { ...actor, role: 'admin' }, ctx)
		expect(done.ok).toBe(true)
		expect(await audits('snapshot.verify')).toEqual([{ entity: 'snapshot', entity_id: null, request_id: 'req-test' }])
	})
})
