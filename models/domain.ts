// The domain of the dashboard as plain, camelCase types. Every layer speaks these:
// db/ maps rows to them, the engines in models/ take them, app/ renders them.
//
// Conventions (see docs/decisions/002-domain-conventions.md):
// - money is a whole number in the currency its field names (`…Rmb`, `…Usd`);
// - dates are ISO strings 'YYYY-MM-DD' (calendar dates) or 'YYYY-MM-DDTHH:MM:SSZ' (instants);
// - a count that is not known is `null`, never 0 (unknown is a finding, zero is a fact).

export const LEGAL_ENTITY_TYPES = ['wfoe', 'jv', 'rep_office'] as const
export type LegalEntityType = (typeof LEGAL_ENTITY_TYPES)[number]

export const SEGMENTS = ['banking', 'technology', 'retail', 'consumer', 'manufacturing', 'services'] as const
export type Segment = (typeof SEGMENTS)[number]

/** Sectors as the CII Regulations and enforcement practice group them. */
export const SECTORS = [
	'finance',
	'software',
	'retail',
	'consumer_goods',
	'manufacturing',
	'energy',
	'telecoms',
	'healthcare',
	'logistics',
	'professional_services',
] as const
export type Sector = (typeof SECTORS)[number]

export const CHINA_CITIES = ['Shanghai', 'Beijing', 'Shenzhen', 'Suzhou', 'Guangzhou', 'Chengdu', 'Dalian'] as const
export type ChinaCity = (typeof CHINA_CITIES)[number]

export interface BusinessUnit {
	id: number
	code: string // short unique key, e.g. 'BU-SH-BANKOPS'; stable across CSV round trips
	name: string
	segment: Segment
	legalEntityType: LegalEntityType
	city: string
	sector: Sector
	isCiio: boolean // notified as a critical information infrastructure operator
	handlesConsumerData: boolean
	chinaRevenueRmb: number // annual, whole RMB
	priorYearGlobalTurnoverRmb: number // group turnover of the prior year, whole RMB (PIPL art. 66's 5% ceiling)
	/** This entity's own prior-year turnover, whole RMB; null: unknown (the group's is used, marked as an assumption). */
	priorYearEntityTurnoverRmb: number | null
	/** Distinct individuals provided abroad since 1 January over the transfers that count; null: use the sum of flows. */
	distinctIndividualsAbroad: number | null
	distinctSensitiveIndividualsAbroad: number | null
	/** The pilot free-trade zone the entity is registered in, when that zone's data-export negative list is in
	 * force (an id of models/ftz-zones.ts); null: none. Only such a unit can claim art. 6 of the 2024 Provisions. */
	ftzZone: string | null
	/**
	 * Individuals whose personal information the entity processes (all processing, not only transfers); null or
	 * absent: unknown (inventories frozen before the field existed do not have it).
	 */
	piIndividualsProcessed?: number | null
	/** The day the count of individuals processed reached 1,000,000 ('YYYY-MM-DD'); null or absent: not recorded. */
	piOfficerThresholdReachedOn?: string | null
}

export const MLPS_LEVELS = [1, 2, 3, 4, 5] as const
export type MlpsLevel = (typeof MLPS_LEVELS)[number]

/** GB/T 22239-2019 has four normative extensions; big data is only in informative Annex H. */
export const SYSTEM_TECHNOLOGIES = ['cloud', 'mobile', 'iot', 'industrial_control', 'big_data'] as const
export type SystemTechnology = (typeof SYSTEM_TECHNOLOGIES)[number]

export interface InfoSystem {
	id: number
	unitId: number
	code: string
	name: string
	mlpsLevel: MlpsLevel | null // null: not yet graded
	gradedOn: string | null // date the level was determined (filing runs from here)
	filedOn: string | null // date filed with the PSB; null: not filed
	lastAssessedOn: string | null // last MLPS evaluation (测评) date
	technologies: SystemTechnology[]
	holdsPersonalData: boolean
	holdsImportantData: boolean
	holdsSourceCode: boolean
	/**
	 * Where the system's technology stands in the Catalogue of Technologies Prohibited or Restricted from Export:
	 * 'none' (not listed), 'restricted', 'prohibited'; null or absent: not determined.
	 */
	techExportCategory?: TechExportCategory | null
	/** The Catalogue item (number and name, e.g. '086501X information processing'), for restricted and prohibited. */
	techExportItem?: string | null
}

export const TECH_EXPORT_CATEGORIES = ['none', 'restricted', 'prohibited'] as const
export type TechExportCategory = (typeof TECH_EXPORT_CATEGORIES)[number]

export const TRANSFER_PURPOSES = ['contract_with_individual', 'hr_management', 'emergency', 'other'] as const
export type TransferPurposeValue = (typeof TRANSFER_PURPOSES)[number]

/** What the exporter actually has in place (as opposed to what the law requires). */
export const MECHANISMS_IN_PLACE = ['none', 'standard_contract', 'certification', 'security_assessment'] as const
export type MechanismInPlace = (typeof MECHANISMS_IN_PLACE)[number]

export interface DataFlow {
	id: number
	unitId: number
	code: string
	name: string
	destinationCountry: string // ISO 3166-1 alpha-2, e.g. 'US', 'SG', 'HK'
	destinationEntity: string
	personalInfoIndividuals: number | null // non-sensitive PI, individuals transferred since 1 January this year
	sensitivePersonalInfoIndividuals: number | null
	includesImportantData: boolean
	purpose: TransferPurposeValue
	collectedInMainland: boolean
	outsideFtzNegativeList: boolean
	isRemoteAccess: boolean // staff abroad reaching data stored in China: also an export
	mechanismInPlace: MechanismInPlace
	mechanismSince: string | null // filed / certified / approved on
	mechanismExpiresOn: string | null // security assessments: 3 years (2024 Provisions art. 9)
}

export const STAFF_FUNCTIONS = ['back_office', 'rnd', 'sales', 'operations', 'it', 'management'] as const
export type StaffFunction = (typeof STAFF_FUNCTIONS)[number]

export interface StaffingLine {
	id: number
	unitId: number
	code: string
	function: StaffFunction
	city: string
	headcount: number
	avgMonthlyWageRmb: number // average of the last 12 months, whole RMB
	avgTenureMonths: number
	accessToPersonalData: boolean
}

/** Group-wide headcount per function, inside and outside China (for workforce concentration). */
export interface GroupFunctionHeadcount {
	function: StaffFunction
	globalHeadcount: number
}

export const COST_EVIDENCE = ['sourced', 'estimate'] as const
export type CostEvidence = (typeof COST_EVIDENCE)[number]

export interface DestinationCost {
	function: StaffFunction
	annualCostUsd: number // fully loaded, per head per year, whole USD
	evidence: CostEvidence
}

export interface Destination {
	id: number
	city: string
	country: string // ISO 3166-1 alpha-2
	isMainlandChina: boolean // Dalian, Chengdu: moves inside China create no cross-border transfer
	privacyLaw: string
	privacyCrossBorder: string
	hiringLeadTimeMonths: number
	costs: DestinationCost[]
	source: string
	asOf: string
}

/** A city's published average monthly wage, the base of the severance cap (LCL art. 47). */
export interface CityAverageWage {
	city: string
	yearOfData: number
	monthlyRmb: number
	statistic: string
	source: string
	asOf: string
	verified: boolean
	/** Why this row is (or is not) the one the severance cap uses, and where sources disagree; null: not said. */
	note?: string | null
}

export const SCENARIO_STATUSES = ['draft', 'proposed', 'approved', 'rejected'] as const
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number]

export const DATA_HANDLING = ['remote_access', 'migrate', 'not_needed'] as const
export type DataHandling = (typeof DATA_HANDLING)[number]

export interface Range {
	low: number
	base: number
	high: number
}

export interface ScenarioAssumptions {
	discountRate: number // annual, e.g. 0.08
	horizonYears: number
	wageInflation: Range // annual, e.g. { low: 0.02, base: 0.04, high: 0.06 }
	attrition: Range // annual share of moved roles that leave before the move
	severancePremiumMonths: number // k of N+k; 0 = statutory N
	recruitmentCostPerHireUsd: number
	dualRunningMonths: number
	oneOffRelocationCostUsd: number
	usdCny: number // the FX assumption used to compare RMB costs with USD costs
}

export interface ScenarioMove {
	id: number
	staffingLineId: number
	headcount: number
	destinationId: number | null // null: the roles are cut (made redundant), not moved
	startQuarter: string // 'YYYY-Qn'
	dataHandling: DataHandling
}

export interface Scenario {
	id: number
	name: string
	description: string
	status: ScenarioStatus
	assumptions: ScenarioAssumptions
	moves: ScenarioMove[]
	createdBy: number
	decidedBy: number | null
	decisionComment: string | null
	decidedAt: string | null
	createdAt: string
	updatedAt: string
	/** Bumped by every save and transition: the editor and the workflow post the version they read. */
	version: number
}

export const ROLES = ['admin', 'analyst', 'executive', 'board'] as const
export type Role = (typeof ROLES)[number]

export interface User {
	id: number
	email: string
	name: string
	role: Role
	disabled: boolean
}

/** Individuals provided abroad by one flow in one month (optional; refines the threshold forecast). */
export interface FlowMonthCount {
	flowId: number
	month: string // 'YYYY-MM'
	personalInfoIndividuals: number
	sensitivePersonalInfoIndividuals: number
}

/** Everything the exposure engine needs about one unit. */
export interface UnitInventory {
	unit: BusinessUnit
	systems: InfoSystem[]
	flows: DataFlow[]
	staffing: StaffingLine[]
	/** Monthly counts of the unit's flows, where recorded (not frozen in snapshots: the forecast is). */
	flowMonths?: FlowMonthCount[]
}

/** Everything the exposure engine needs about the group. */
export interface PortfolioInventory {
	units: UnitInventory[]
	groupHeadcount: GroupFunctionHeadcount[]
}
