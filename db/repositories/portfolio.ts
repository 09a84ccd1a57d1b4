import { type Kysely } from 'kysely'
import { type BusinessUnit, type PortfolioInventory, type UnitInventory } from '#models/domain.ts'
import { flowFromRow, staffingFromRow, systemFromRow } from '../mappers.ts'
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
