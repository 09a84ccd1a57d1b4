// The shapes of the relocation scenario engine: what it takes (a draft and a context) and what it returns.
// Money follows the domain convention: whole numbers in the currency the field names (`…Rmb`, `…Usd`).

import { type TechExportStep } from '../obligations/tech-export.ts'
import { type TransferMechanism, type TransferRequirement } from '../transfer-mechanism.ts'
import {
	type DataFlow,
	type DataHandling,
	type Destination,
	type MechanismInPlace,
	type PortfolioInventory,
	type ScenarioAssumptions,
	type ScenarioMove,
	type StaffFunction,
} from '../domain.ts'
import { type Band, type Dimension, type FunctionConcentration, type ModelSettings } from '../exposure/index.ts'
import { type MassLayoffProcedure, type MassLayoffTrigger, type PremiumBase } from '../severance.ts'

/**
 * When the art. 40 month's wage in lieu of notice is paid:
 * - 'when_required' (default): only where the law asks for it, i.e. individual terminations (art. 40) that take
 *   effect less than 30 days after the notice. Art. 41 layoffs run on the 30-day explanation instead, and a
 *   relocation whose effective date is 30 days or more after the announcement gives written notice in time;
 * - 'always': every terminated employee gets the month (a common negotiated "N+1" reading);
 * - 'never'.
 */
export type NoticeInLieuPolicy = 'when_required' | 'always' | 'never'

/** Optional knobs of the model; every one has a named default in ./constants.ts. */
export interface ScenarioOptions {
	noticeInLieu?: NoticeInLieuPolicy
	/** Base of the negotiated premium k of N+k. Default 'wage' (the employee's own wage, not capped). */
	premiumBase?: PremiumBase
	/** Employer social insurance and housing fund on top of the China wage, 0-1. */
	chinaOnCostRate?: number
	/**
	 * The mechanism the new flows have in place in the after inventory: 'none' (default: the obligation shows as a
	 * gap until it is met) or 'required' (the exposure once what the 2024 Provisions require has been filed).
	 */
	newFlowMechanism?: 'none' | 'required'
}

export interface ScenarioContext {
	/**
	 * The current inventory: units with systems, flows and staffing, and the group's headcount. `units` is the whole
	 * group, or at least every unit scenarioUnitIds(draft, ctx) names, with `functionHeadcounts` for the rest (the
	 * editor in the browser holds only the units its moves read).
	 */
	portfolio: PortfolioInventory
	destinations: Destination[]
	cityAverageWages: Record<string, number> // city -> published average monthly wage RMB used for the art. 47 cap
	settings: ModelSettings // for scoring before/after
	asOf: string // 'YYYY-MM-DD', the date of the analysis; time is passed in
	options?: ScenarioOptions
	/** Every unit's headcount per function, whole group; computed from portfolio.units when absent. */
	functionHeadcounts?: FunctionHeadcounts
}

/**
 * Each unit's China headcount in a function (its staffing lines with people, added up), as [unit id, headcount]
 * pairs: a cut lowers the group's headcount of its function, and these say whose share of it crosses a level.
 */
export type FunctionHeadcounts = Partial<Record<StaffFunction, Array<[unitId: number, headcount: number]>>>

/**
 * What the analyst knows better than the inventory about the data a moved team reaches. Each field replaces the
 * engine's estimate for the synthetic flow (see ./transfers.ts); the database does not store it.
 */
export interface TransferEstimateOverride {
	personalInfoIndividuals?: number | null
	sensitivePersonalInfoIndividuals?: number | null
	includesImportantData?: boolean
}

export type ScenarioDraftMove = Omit<ScenarioMove, 'id'> & { id?: number; dataEstimate?: TransferEstimateOverride }

export interface ScenarioDraft {
	assumptions: ScenarioAssumptions
	moves: ScenarioDraftMove[]
}

export interface ScenarioIssue {
	path: string // e.g. 'moves.0.headcount', 'assumptions.wageInflation'
	message: string
	/** 'error': the draft should not be saved as is (runScenario skips or clamps the move); 'warning': it runs. */
	severity: 'error' | 'warning'
}

/** The values drawn for the uncertain assumptions (annual rates, 0-1). */
export interface ScenarioPick {
	wageInflation: number
	attrition: number
}

/** Art. 41 (mass layoff, 30-day explanation to the union) or art. 40 (individual notice or a month in lieu). */
export type LayoffRoute = 'art41_mass_layoff' | 'art40_individual'

export interface SeveranceFigures {
	statutory: number // N, whole RMB
	noticeInLieu: number // art. 40 month in lieu, whole RMB
	premium: number // k months, whole RMB
	total: number
}

export interface LineSeverance {
	monthlyWageRmb: number // the line's average wage at the effective date (wage inflation applied)
	localAverageMonthlyWageRmb: number // the city's average at the effective date; 0 = unknown, no cap applied
	serviceMonths: number // average tenure at the effective date (tenure today + whole months until then)
	capped: boolean // art. 47: the wage is higher than 3x the local average
	yearsCounted: number // months of pay owed (capped at 12 when capped)
	monthlyBaseRmb: number // the art. 47 base (the wage, or 3x the local average when capped)
	premiumMonths: number
	premiumBase: PremiumBase
	/** True when the premium is computed on the capped art. 47 base, false when on the uncapped wage. */
	premiumCapped: boolean
	noticeInLieuPaid: boolean
	noticeInLieuReason: string
	perHeadRmb: SeveranceFigures
	totalRmb: SeveranceFigures // per head x terminated
	notes: string[]
}

export interface OneOffCosts {
	severance: number // statutory N, USD
	noticeInLieu: number
	premium: number
	recruitment: number
	dualRunning: number // the destination team's cost while the China roles still run
	relocation: number // share of assumptions.oneOffRelocationCostUsd
	total: number
}

export interface ScenarioLine {
	moveIndex: number // position in draft.moves
	moveId: number | null
	staffingLineId: number
	staffingLineCode: string
	unitId: number
	unitCode: string
	city: string
	function: StaffFunction
	kind: 'relocate' | 'cut'
	destinationId: number | null
	destination: string // the destination city, or 'cut'
	destinationCountry: string | null
	isMainlandChina: boolean | null // null for a cut
	dataHandling: DataHandling // as applied ('not_needed' for every cut)
	startQuarter: string
	headcount: number // roles moved or cut
	leavers: number // expected to leave of their own accord before the effective date: no severance
	terminated: number // headcount - leavers: paid severance
	route: LayoffRoute
	severance: LineSeverance
	oneOffUsd: OneOffCosts
	chinaAnnualCostPerHeadUsd: number // fully loaded, today's prices
	destinationAnnualCostPerHeadUsd: number | null // null for a cut
	destinationCostEvidence: 'sourced' | 'estimate' | null
	annualSavingUsd: number // run-rate at today's prices, whole line
}

export interface MoveTimeline {
	moveIndex: number
	staffingLineCode: string
	unitCode: string
	kind: 'relocate' | 'cut'
	route: LayoffRoute
	startQuarter: string
	/** The plan is announced: art. 41 explanation to the union or all staff, or the art. 40 written notice. */
	noticeStart: string
	/** End of the 30-day art. 41 period (earliest termination), null on the art. 40 route. */
	consultationEnd: string | null
	/**
	 * Labour Contract Law art. 43: an employer terminating unilaterally notifies the union of its reasons beforehand
	 * (用人单位单方解除劳动合同，应当事先将理由通知工会). On the art. 40 route this is its own step, due by the day the
	 * written notice goes out; on the art. 41 route the 30-day explanation to the union comes first. Null for none.
	 */
	unionNotifiedBy: string | null
	hiringStart: string | null
	hiringDone: string | null // destination team in post (start + hiringLeadTimeMonths)
	dualRunningEnd: string | null // hiringDone + dualRunningMonths
	effective: string // China contracts end
	/** Month indexes (0 = the month of the analysis date) of the same events. */
	months: { noticeStart: number; hiringDone: number | null; effective: number }
	/** R&D moved abroad from a unit holding source code: the technology export licence check and its lead time. */
	techExport: TechExportStep | null
}

export interface MassLayoffUnit {
	unitId: number
	unitCode: string
	unitName: string
	workforce: number // the unit's staffing headcount before the moves (企业职工总数)
	plannedLayoffs: number // roles cut or moved out of the unit's China contracts: the art. 41 count
	expectedTerminations: number // plannedLayoffs less expected voluntary leavers
	applies: boolean
	trigger: MassLayoffTrigger | null
	why: string
	procedure: MassLayoffProcedure // from the unit's first announcement
	/** If the unit announced on the analysis date itself. */
	earliestEffectiveDateFromAsOf: string | null
	moveIndexes: number[]
}

export interface MonthFlow {
	month: number // 0 = the calendar month of the analysis date
	label: string // 'YYYY-MM'
	chinaCostAvoidedUsd: number // China cost no longer paid (voluntary leavers not replaced, roles ended)
	destinationRunRateUsd: number // destination cost once the China roles have ended
	oneOffUsd: number // severance, notice, premium, recruitment, relocation share and dual running
	netUsd: number // chinaCostAvoided - destinationRunRate - oneOff
	cumulativeUsd: number
	discountFactor: number
	discountedNetUsd: number
	cumulativeDiscountedUsd: number
}

export interface DimensionCell {
	applicable: boolean
	likelihood: number
	impact: number
	score: number // 0-25
	band: Band
}

export interface UnitExposureSummary {
	unitId: number
	unitCode: string
	unitName: string
	overall: { score: number; band: Band }
	dimensions: Record<Dimension, DimensionCell>
	penaltiesMaxRmb: number
}

/**
 * The per-unit, per-dimension part of a PortfolioExposure (findings left out to keep the result small), for the units
 * a scenario can change (every other unit scores the same before and after), by name; `workforce` is the group's.
 */
export interface ExposureSummary {
	asOf: string
	modelVersion: string
	units: UnitExposureSummary[]
	workforce: FunctionConcentration[]
	penaltiesTotalMaxRmb: number // of the units listed
}

export type ExposureChange = 'improved' | 'worsened' | 'unchanged'

export interface ExposureDiffRow {
	unitId: number
	unitCode: string
	unitName: string
	dimension: Dimension
	beforeScore: number
	afterScore: number
	delta: number // after - before: negative is better
	beforeBand: Band
	afterBand: Band
	change: ExposureChange // by band; a score change within a band is 'unchanged'
}

export interface ExposureTotals {
	scoreDelta: number // sum of delta over every unit and dimension
	overallScoreDelta: number // sum over units of the change in the overall (weighted max) score, two decimals
	bandsImproved: number
	bandsWorsened: number
	penaltiesDeltaRmb: number
}

export interface ScenarioExposure {
	before: ExposureSummary
	after: ExposureSummary
	diff: ExposureDiffRow[]
	totals: ExposureTotals
}

export interface EstimateBasis {
	personalInfoIndividuals: string
	sensitivePersonalInfoIndividuals: string
	includesImportantData: string
}

export interface RaisedFlow {
	flowId: number
	code: string
	name: string
	before: TransferMechanism
	after: TransferMechanism
	inPlace: MechanismInPlace
}

export interface NewTransfer {
	moveIndex: number
	unitId: number
	unitCode: string
	staffingLineCode: string
	destinationId: number
	destinationCity: string
	destinationCountry: string
	dataHandling: 'remote_access' | 'migrate'
	flow: DataFlow // the synthetic flow added to the after inventory (negative id)
	basis: EstimateBasis // how each volume was estimated
	requirement: TransferRequirement // counted per exporter: the unit's flows plus its new ones (requiredTransferMechanisms)
	/** The unit's existing flows the new transfers push up a mechanism (the exporter's totals grow); same list per unit. */
	raisedFlows: RaisedFlow[]
	localisation: { issue: boolean; reason: string | null }
	privacyLaw: string
	privacyCrossBorder: string
}

export interface ScenarioResult {
	asOf: string
	pick: ScenarioPick
	horizonMonths: number
	usdCny: number
	lines: ScenarioLine[]
	oneOff: OneOffCosts // USD, whole scenario, whatever the horizon
	/** Run-rate once every move is done, at today's prices: China fully loaded cost - destination cost. */
	annualSavingUsd: number
	annualChinaCostUsd: number // of the moved and cut roles, today's prices
	annualDestinationCostUsd: number
	monthly: MonthFlow[]
	npvUsd: number
	/** First month from which the cumulative undiscounted cash stays >= 0 to the end of the horizon; null if never. */
	paybackMonth: number | null
	paybackLabel: string | null // 'YYYY-MM'
	massLayoff: MassLayoffUnit[]
	timeline: MoveTimeline[]
	exposure: ScenarioExposure
	newTransfers: NewTransfer[]
	issues: ScenarioIssue[]
	notes: string[] // the model's conventions and anything this run had to assume
}

export interface Percentiles {
	p10: number
	p50: number
	p90: number
}

export interface NullablePercentiles {
	p10: number | null
	p50: number | null
	p90: number | null
}

export interface ScenarioUncertainty {
	runs: number
	seed: number
	npvUsd: Percentiles
	oneOffUsd: Percentiles
	paybackMonth: NullablePercentiles // null where the run never pays back within the horizon
	neverPaysBackShare: number // 0-1
	cumulative: Array<{ month: number; label: string; p10: number; p50: number; p90: number }>
}

export interface ScenarioComparisonRow {
	name: string
	oneOffUsd: number
	annualSavingUsd: number
	npvUsd: number
	paybackMonth: number | null
	paybackLabel: string | null
	exposureScoreDelta: number
	bandsImproved: number
	bandsWorsened: number
	massLayoffUnits: number
	newTransfers: number
	/** New transfers by the mechanism they need. */
	newTransferMechanisms: { security_assessment: number; standard_contract_or_certification: number; exempt: number }
	localisationIssues: number
	/** True on the row(s) with the best value of each measure (highest NPV, earliest payback, ...). */
	best: { npv: boolean; payback: boolean; oneOff: boolean; annualSaving: boolean; exposure: boolean }
}
