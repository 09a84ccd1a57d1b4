import { type Kysely } from 'kysely'
import { type BusinessUnit, type PortfolioInventory, type UnitInventory } from '#models/domain.ts'
import { flowFromRow, staffingFromRow, systemFromRow, unitFromRow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { listFlowMonths } from './flow-months.ts'
import { listFlowsByUnit } from './flows.ts'
import { listGroupHeadcount, listStaffingByUnit } from './staffing.ts'
import { listSystemsByUnit } from './systems.ts'
import { findInventoryRecord } from './inventory.ts'
import { listAllUnits } from './units.ts'

/**
 * The whole inventory the exposure engine scores, in six queries whatever the size of the group
 * (children loaded with `in` and grouped in code: Kysely's json helpers do not support MariaDB).
 */
export async function loadPortfolio(
	db: Kysely<Database>,
	options: { flowMonths?: boolean } = {}, // false: a schema from before the monthly counts (migration tests)
): Promise<PortfolioInventory> {
	const units = await listAllUnits(db)
	const [systems, flows, staffing, groupHeadcount, months] = await Promise.all([
		db.selectFrom('info_system').selectAll().orderBy('code').execute(),
		db.selectFrom('data_flow').selectAll().orderBy('code').execute(),
		db.selectFrom('staffing_line').selectAll().orderBy('code').execute(),
		listGroupHeadcount(db),
		options.flowMonths === false ? [] : listFlowMonths(db),
	])
	const byUnit = new Map<number, UnitInventory>(units.map(u => [u.id, { unit: u, systems: [], flows: [], staffing: [], flowMonths: [] }]))
	const unitOfFlow = new Map<number, number>()
	for (const r of systems) byUnit.get(r.unit_id)?.systems.push(systemFromRow(r))
	for (const r of flows) {
		byUnit.get(r.unit_id)?.flows.push(flowFromRow(r))
		unitOfFlow.set(r.id, r.unit_id)
	}
	for (const r of staffing) byUnit.get(r.unit_id)?.staffing.push(staffingFromRow(r))
	for (const m of months) byUnit.get(unitOfFlow.get(m.flowId) ?? -1)?.flowMonths!.push(m)
	return { units: [...byUnit.values()], groupHeadcount }
}

export async function loadUnitInventory(db: Kysely<Database>, unitId: number): Promise<UnitInventory | undefined> {
	const unit = (await findInventoryRecord(db, 'units', unitId)) as BusinessUnit | undefined
	if (!unit) return undefined
	const [systems, flows, staffing, flowMonths] = await Promise.all([
		listSystemsByUnit(db, [unitId]),
		listFlowsByUnit(db, [unitId]),
		listStaffingByUnit(db, [unitId]),
		listFlowMonths(db, [unitId]),
	])
	return { unit, systems, flows, staffing, flowMonths }
}

/** Some units' inventories (those that still exist and are not archived), keyed by unit id: five queries whatever the number. */
export async function loadUnitInventories(db: Kysely<Database>, unitIds: number[]): Promise<Map<number, UnitInventory>> {
	const byUnit = new Map<number, UnitInventory>()
	if (!unitIds.length) return byUnit
	const [units, systems, flows, staffing, months] = await Promise.all([
		db.selectFrom('business_unit').selectAll().where('id', 'in', unitIds).where('archived_at', 'is', null).execute(),
		listSystemsByUnit(db, unitIds),
		listFlowsByUnit(db, unitIds),
		listStaffingByUnit(db, unitIds),
		listFlowMonths(db, unitIds),
	])
	for (const r of units) byUnit.set(r.id, { unit: unitFromRow(r), systems: [], flows: [], staffing: [], flowMonths: [] })
	const unitOfFlow = new Map<number, number>()
	for (const s of systems) byUnit.get(s.unitId)?.systems.push(s)
	for (const f of flows) {
		byUnit.get(f.unitId)?.flows.push(f)
		unitOfFlow.set(f.id, f.unitId)
	}
	for (const l of staffing) byUnit.get(l.unitId)?.staffing.push(l)
	for (const m of months) byUnit.get(unitOfFlow.get(m.flowId) ?? -1)?.flowMonths!.push(m)
	return byUnit
}

/** Every unit's id in the portfolio's order (`loadPortfolio`'s: units not archived, by name, then id). */
export async function listUnitIdsInOrder(db: Kysely<Database>): Promise<number[]> {
	const rows = await db.selectFrom('business_unit').select('id').where('archived_at', 'is', null).orderBy('name').orderBy('id').execute()
	return rows.map(r => Number(r.id))
}
