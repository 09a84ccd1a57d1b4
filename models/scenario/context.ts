// The editor in the browser runs the engine on part of the inventory: the units its scenario reads in full
// (scenarioUnitIds), the group's headcount per function and unit for the rest, and each unit it fetches when the
// analyst names one. A run on such a context equals a run on the whole inventory.

import { type UnitInventory } from '../domain.ts'
import { functionHeadcountsOf } from './exposure.ts'
import { type ScenarioContext } from './types.ts'

/** The context holding only the given units, with every unit's headcount per function. */
export function partialContext(ctx: ScenarioContext, unitIds: Iterable<number>): ScenarioContext {
	const ids = new Set(unitIds)
	return {
		...ctx,
		portfolio: { ...ctx.portfolio, units: ctx.portfolio.units.filter(u => ids.has(u.unit.id)) },
		functionHeadcounts: ctx.functionHeadcounts ?? functionHeadcountsOf(ctx.portfolio.units),
	}
}

/** The context holding more units; a unit it already holds is replaced by the one given. */
export function withUnits(ctx: ScenarioContext, units: readonly UnitInventory[]): ScenarioContext {
	const ids = new Set(units.map(u => u.unit.id))
	return {
		...ctx,
		portfolio: { ...ctx.portfolio, units: [...ctx.portfolio.units.filter(u => !ids.has(u.unit.id)), ...units] },
	}
}
