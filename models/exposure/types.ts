// The shapes the exposure engine returns. Every score is explained by findings; every finding names the rule
// that raised it, the facts it used, the articles of law it rests on and what it contributed.

import { type GroupFunctionHeadcount, type StaffFunction } from '../domain.ts'
import { type ModelSettings } from './settings.ts'

export const DIMENSIONS = [
	'cross_border',
	'cybersecurity_mlps',
	'data_localisation',
	'ip_inspection',
	'enforcement',
	'workforce_concentration',
] as const
export type Dimension = (typeof DIMENSIONS)[number]

/** 'none' means the dimension does not apply (nothing of the kind in China); the others come from the risk matrix. */
export const BANDS = ['none', 'low', 'medium', 'high', 'critical'] as const
export type Band = (typeof BANDS)[number]
export const RATED_BANDS = ['low', 'medium', 'high', 'critical'] as const
export type RatedBand = (typeof RATED_BANDS)[number]

/**
 * 'gap': something the law requires is missing or late; 'warning': not yet a gap but close (a threshold, an expiry,
 * a due date); 'exposure': the footprint itself (what is there, even when compliant); 'data_quality': a fact is
 * unknown or malformed, so the result may be understated.
 */
export type FindingKind = 'gap' | 'warning' | 'exposure' | 'data_quality'

/** 'model' marks a judgement of the scoring model (e.g. a sector factor) rather than a rule of law. */
export type FindingCertainty = 'law' | 'practice' | 'uncertain' | 'model'

export interface ArticleRef {
	law: string // e.g. 'CAC Provisions 2024', 'PIPL', 'CSL', 'DSL', 'Labour Contract Law'
	article: string // e.g. 'Art. 7(2)'
	verified: boolean // false: from general knowledge (regulations.json), check before relying on it
	source: string
}

export interface EntityRef {
	kind: 'unit' | 'system' | 'flow' | 'staffing'
	id: number
	code: string
}

export type PenaltyLaw = 'PIPL' | 'CSL' | 'DSL'

/** 'maximum': the top statutory tier (serious circumstances); 'base': the ordinary tier (e.g. refusal to rectify). */
export type PenaltyTier = 'maximum' | 'base'

export interface PenaltyRef {
	law: PenaltyLaw
	article: string
	maxRmb: number // whole RMB, the ceiling of the tier
	tier: PenaltyTier
	basis: string // how the figure was reached, in words
	verified: boolean
	source: string
	/** PIPL's 5% alternative only: whose turnover it rests on ('group' is an assumption) and the amount, whole RMB. */
	turnoverBasis?: 'entity' | 'group'
	turnoverRmb?: number
}

export type FindingInputs = Record<string, string | number | boolean | null>

export interface Finding {
	/** `${ruleId}:${entity.kind}:${entity.id}` (plus a key when a rule fires twice for one entity); unique in a unit. */
	id: string
	ruleId: string // stable, e.g. 'XB-MECHANISM-MISSING'
	dimension: Dimension
	kind: FindingKind
	certainty: FindingCertainty
	title: string
	detail: string
	remedy: string
	entity: EntityRef
	inputs: FindingInputs
	articles: ArticleRef[]
	/** What the finding contributes to its dimension: likelihood 1-5 and impact 1-5. */
	contribution: { likelihood: number; impact: number }
	/** True for the finding(s) that set the dimension's likelihood and impact. */
	decisive: boolean
	penalties: PenaltyRef[]
}

export interface DimensionExposure {
	dimension: Dimension
	applicable: boolean // false: nothing of the kind in China; scores 0, band 'none'
	likelihood: number // 0-5 (0 only when not applicable)
	impact: number // 0-5
	score: number // likelihood x impact, 0-25
	band: Band
	weight: number // 0-1, from the settings
	/** The likelihood was raised because many gaps coincide (settings.escalation). */
	escalated: boolean
	findings: Finding[] // worst first
}

export interface PenaltyExposure {
	/** The largest penalty per law across the unit's findings (one law is not counted twice for one unit). */
	byLaw: PenaltyRef[]
	totalMaxRmb: number
	/** One of the amounts in `byLaw` rests on a provision marked verified: false. */
	unverified: boolean
}

export interface OverallExposure {
	/** Weighted max: the highest weight x score across dimensions, so one critical cell is never averaged away. */
	method: 'weighted_max'
	score: number // 0-25, two decimals
	band: Band // from settings.overallBands
	dimension: Dimension | null // the dimension that set the score
	weightedMean: number // for context only: sum(weight x score) / sum(weight) over applicable dimensions, two decimals
}

export interface UnitExposure {
	unitId: number
	unitCode: string
	unitName: string
	modelVersion: string
	asOf: string
	hasChinaFootprint: boolean // any system, flow or staffing line
	/** Handles consumer data but has no system, flow or staffing line recorded: scored on what is known, flagged. */
	incomplete: boolean
	dimensions: Record<Dimension, DimensionExposure>
	overall: OverallExposure
	penalties: PenaltyExposure
}

export interface ScoringContext {
	settings: ModelSettings
	asOf: string // 'YYYY-MM-DD'
	groupHeadcount: GroupFunctionHeadcount[]
}

export interface DimensionSummary {
	dimension: Dimension
	applicableUnits: number
	maxScore: number // 0-25
	meanScore: number // over applicable units, two decimals
	bandCounts: Record<Band, number>
}

export interface FunctionConcentration {
	function: StaffFunction
	chinaHeadcount: number
	globalHeadcount: number | null // null: not given
	share: number | null // 0-1, null when the global headcount is unknown or 0
}

export interface PortfolioExposure {
	modelVersion: string
	asOf: string
	units: UnitExposure[]
	dimensions: Record<Dimension, DimensionSummary>
	workforce: FunctionConcentration[]
	/** The statutory ceiling: each entity's maximum fines summed, the group's turnover counted at most once. */
	penalties: {
		totalMaxRmb: number
		byLaw: Record<PenaltyLaw, number>
		unverified: boolean
		basis: string
		groupTurnoverAssumedFor: string[]
	}
}
