// The relocation scenario engine: what moving or cutting China roles costs, saves and changes in exposure, and the
// cross-border transfers the move itself creates. Pure and deterministic (time and randomness come in as
// arguments), with no Node-only import: the scenario page also runs it in the browser as the analyst types.
// The implementation is split over this folder; this file is its one entry point.
export { DESTINATION_REQUIRED, validateScenario } from './validate.ts'
export { runScenario, basePick } from './run.ts'
export { simulateScenario, triangular, percentiles } from './simulate.ts'
export { mulberry32 } from '../random.ts'
export { compareScenarios } from './compare.ts'
export { functionHeadcountsOf, scenarioUnitIds } from './exposure.ts'
export { partialContext, withUnits } from './context.ts'
export { parseQuarter } from '../quarter.ts'
export { monthLabel } from './calendar.ts'
export {
	ART40_NOTICE_DAYS,
	CHINA_EMPLOYER_ON_COST_RATE,
	DEFAULT_SIMULATION_RUNS,
	DEFAULT_SIMULATION_SEED,
	MAX_SIMULATION_RUNS,
	NOTICE_IN_LIEU_POLICY,
	PREMIUM_BASE,
	SCENARIO_MODEL_NOTES,
} from './constants.ts'
export * from './types.ts'
