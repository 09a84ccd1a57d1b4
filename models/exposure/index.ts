// The exposure engine: score business units and the portfolio per risk dimension, with findings and fines.
export { scorePortfolio, portfolioExposureOf, scoreUnit, rateDimension, overallBand } from './score.ts'
export {
	DEFAULT_MODEL_SETTINGS,
	modelSettingsSchema,
	parseModelSettings,
	bandsFollowScores,
	type LevelStep,
	type ModelSettings,
	type SettingsResult,
} from './settings.ts'
export {
	penaltyExposure,
	piplPenalty,
	cslMlpsPenalty,
	cslLocalisationPenalty,
	dslExportPenalty,
	portfolioPenaltyCeiling,
} from './penalties.ts'
export { cslArticle, cslInspectionPenalty, CSL_AMENDMENT_EFFECTIVE } from './csl.ts'
export * from './types.ts'
export { RULES_VERSION } from './rules-version.ts'
export { workforceImpact } from './rules/workforce.ts'
