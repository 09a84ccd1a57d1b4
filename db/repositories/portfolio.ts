import { type Kysely } from 'kysely'
import { type BusinessUnit, type PortfolioInventory, type UnitInventory } from '#models/domain.ts'
import { flowFromRow, staffingFromRow, systemFromRow, unitFromRow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { listFlowsByUnit } from './flows.ts'
import { listGroupHeadcount, listStaffingByUnit } from './staffing.ts'
import { listSystemsByUnit } from './systems.ts'
import { findInventoryRecord } from './inventory.ts'
import { listAllUnits } from './units.ts'

/**
 * The whole inventory the exposure engine scores, in five queries whatever the size of the group
 * (children loaded with `in` and grouped in code: Kysely's json helpers do not support MariaDB).
 */
export async function loadPortfolio(db: Kysely<Database>): Promise<PortfolioInventory> {
	const units = await listAllUnits(db)
	const [systems, flows, staffing, groupHeadcount] = await Promise.all([
		db.selectFrom('info_system').selectAll().orderBy('code').execute(),
		db.selectFrom('data_flow').selectAll().orderBy('code').execute(),
		db.selectFrom('staffing_line').selectAll().orderBy('code').execute(),
		listGroupHeadcount(db),
	])
	const byUnit = new Map<number, UnitInventory>(units.map(u => [u.id, { unit: u, systems: [], flows: [], staffing: [] }]))
	for (const r of systems) byUnit.get(r.unit_id)?.systems.push(systemFromRow(r))
	for (const r of flows) byUnit.get(r.unit_id)?.flows.push(flowFromRow(r))
	for (const r of staffing) byUnit.get(r.unit_id)?.staffing.push(staffingFromRow(r))
	return { units: [...byUnit.values()], groupHeadcount }
}

export async function loadUnitInventory(db: Kysely<Database>, unitId: number): Promise<UnitInventory | undefined> {
	const unit = (await findInventoryRecord(db, 'units', unitId)) as BusinessUnit | undefined
	if (!unit) return undefined
	const [systems, flows, staffing] = await Promise.all([
		listSystemsByUnit(db, [unitId]),
		listFlowsByUnit(db, [unitId]),
		listStaffingByUnit(db, [unitId]),
	])
	return { unit, systems, flows, staffing }
}

/** Some units' inventories (those that still exist), keyed by unit id: four queries whatever the number. */
export async function loadUnitInventories(db: Kysely<Database>, unitIds: number[]): Promise<Map<number, UnitInventory>> {
	const byUnit = new Map<number, UnitInventory>()
	if (!unitIds.length) return byUnit
	const [units, systems, flows, staffing] = await Promise.all([
		db.selectFrom('business_unit').selectAll().where('id', 'in', unitIds).execute(),
		listSystemsByUnit(db, unitIds),
		listFlowsByUnit(db, unitIds),
		listStaffingByUnit(db, unitIds),
	])
	for (const r of units) byUnit.set(r.id, { unit: unitFromRow(r), systems: [], flows: [], staffing: [] })
	for (const s of systems) byUnit.get(s.unitId)?.systems.push(s)
	for (const f of flows) byUnit.get(f.unitId)?.flows.push(f)
	for (const l of staffing) byUnit.get(l.unitId)?.staffing.push(l)
	return byUnit
}

/** Every unit's id in the portfolio's order (`loadPortfolio`'s: by name, then id). */
export async function listUnitIdsInOrder(db: Kysely<Database>): Promise<number[]> {
	const rows = await db.selectFrom('business_unit').select('id').orderBy('name').orderBy('id').execute()
	return rows.map(r => Number(r.id))
}
