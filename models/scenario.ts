// The relocation scenario engine: what moving or cutting China roles costs, saves and changes in exposure, and the
// cross-border transfers the move itself creates. Pure and deterministic (time and randomness come in as
// arguments), with no Node-only import: the scenario page also runs it in the browser as the analyst types.
// The implementation is split under ./scenario/; this file is its one entry point.
export { validateScenario } from './scenario/validate.ts'
export { runScenario, basePick } from './scenario/run.ts'
export { simulateScenario, mulberry32, triangular, percentiles } from './scenario/simulate.ts'
export { compareScenarios } from './scenario/compare.ts'
export { functionHeadcountsOf, scenarioUnitIds } from './scenario/exposure.ts'
export { partialContext, withUnits } from './scenario/context.ts'
export { parseQuarter, monthLabel } from './scenario/calendar.ts'
export {
	ART40_NOTICE_DAYS,
	CHINA_EMPLOYER_ON_COST_RATE,
	DEFAULT_SIMULATION_RUNS,
	DEFAULT_SIMULATION_SEED,
	MAX_SIMULATION_RUNS,
	NOTICE_IN_LIEU_POLICY,
	PREMIUM_BASE,
	SCENARIO_MODEL_NOTES,
} from './scenario/constants.ts'
export * from './scenario/types.ts'
