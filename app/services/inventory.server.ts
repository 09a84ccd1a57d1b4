// Use cases of the four inventory tables (units, systems, flows, staffing): save one row from its form, delete
// one row. Every write goes through the generic inventory repository, in one transaction with its audit entry;
// the repository bumps the inventory version, which is what the score caches are keyed on.
import { type Kysely } from 'kysely'
import {
	deleteInventoryRecord,
	findInventoryRecord,
	insertInventoryRecord,
	inventoryEntity,
	type InventoryRecord,
	isCodeTaken,
	type NewInventoryRecord,
	updateInventoryRecord,
} from '#db/repositories/inventory.ts'
import { listAllUnits, mapUnitIdsByCode } from '#db/repositories/units.ts'
import { type Database } from '#db/schema.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { parseFields } from '#models/form-errors.ts'
import { ftzFlagError } from '#models/ftz-zones.ts'
import { INVENTORY_META, type InventoryTableKey } from '#models/inventory-forms.ts'
import { INVENTORY_TABLES } from '#models/inventory-schemas.ts'
import { audit } from './audit.server.ts'
import { unitHistory } from './unit-archive.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

export interface SaveInventoryInput {
	table: InventoryTableKey
	/** The row to rewrite; absent to create one. */
	id?: number
	/** The form's fields, as posted. */
	values: Record<string, string>
}

/** Validates a form, resolves its unit code and creates or rewrites the row; a code in use is refused on the field. */
export async function saveInventoryRecord(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: SaveInventoryInput,
): Promise<ServiceResult<{ id: number; record: NewInventoryRecord }>> {
	const { table, id } = input
	const singular = INVENTORY_META[table].singular
	const built = await buildRecord(db, table, input.values)
	if (!built.ok) return built
	const record = built.value
	const taken = fail('invalid', 'Nothing was saved: fix the fields marked below.', {
		code: [`Code "${record.code}" is already used by another ${singular}.`],
	})
	if (await isCodeTaken(db, table, record.code, id)) return taken
	const entity = inventoryEntity(table)
	try {
		return await writeTransaction(db, async trx => {
			if (id === undefined) {
				const newId = await insertInventoryRecord(trx, table, record)
				await audit(trx, actor, ctx, { action: 'create', entity, entityId: newId, after: record })
				return ok({ id: newId, record })
			}
			const before = await findInventoryRecord(trx, table, id)
			if (!before || (await updateInventoryRecord(trx, table, id, record)) === 0) return fail('not_found', `No ${singular} with id ${id}.`)
			await audit(trx, actor, ctx, { action: 'update', entity, entityId: id, before, after: record })
			return ok({ id, record })
		})
	} catch (error) {
		if (isUniqueViolation(error)) return taken // a concurrent save took the code
		throw error
	}
}

/**
 * Deletes one row; a unit takes its systems, flows and staffing lines with it (frozen snapshots keep their copy). A
 * unit with history (decision 032) is never deleted: 409, archive it instead.
 */
export async function deleteInventoryRow(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: { table: InventoryTableKey; id: number },
): Promise<ServiceResult<{ id: number }>> {
	const { table, id } = input
	return writeTransaction(db, async trx => {
		const before = await findInventoryRecord(trx, table, id)
		if (before && table === 'units') {
			const { archiveOnly, words } = await unitHistory(trx, id)
			if (archiveOnly)
				return fail(
					'conflict',
					`Business unit ${before.code} has history (${words}), so it is archived, not deleted: archive it instead (it can be restored).`,
				)
		}
		if (!before || (await deleteInventoryRecord(trx, table, id)) === 0)
			return fail('not_found', `No ${INVENTORY_META[table].singular} with id ${id}.`)
		await audit(trx, actor, ctx, { action: 'delete', entity: inventoryEntity(table), entityId: id, before })
		return ok({ id })
	})
}

/** The record a form describes, with its unit code resolved to the unit's id. */
async function buildRecord(
	db: Kysely<Database>,
	table: InventoryTableKey,
	values: Record<string, string>,
): Promise<ServiceResult<NewInventoryRecord>> {
	const { schema, build } = INVENTORY_TABLES[table]
	const parsed = parseFields(schema, values)
	if (!parsed.ok) return fail('invalid', 'Nothing was saved: fix the fields marked below.', parsed.fieldErrors)
	if (table === 'units') return ok(build(parsed.data, 0))
	const code = (parsed.data as { unit_code: string }).unit_code
	const unit = (await listAllUnits(db)).find(u => u.code === code) // units in use
	if (!unit) {
		const archived = (await mapUnitIdsByCode(db)).has(code)
		return fail('invalid', 'Nothing was saved: fix the fields marked below.', {
			unit_code: [
				archived
					? `Business unit "${code}" is archived: restore it first (Archived units), or choose a unit in use.`
					: `No business unit has code "${code}".`,
			],
		})
	}
	const ftz =
		table === 'flows' && (parsed.data as { outside_ftz_negative_list: boolean }).outside_ftz_negative_list ? ftzFlagError(unit) : null
	if (ftz) return fail('invalid', 'Nothing was saved: fix the fields marked below.', { outside_ftz_negative_list: [ftz] })
	return ok(build(parsed.data, unit.id))
}
