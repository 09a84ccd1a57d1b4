// The scoring model as data: a versioned, JSON-serialisable settings object. Everything here is a judgement of
// the model (weights, bands, levels, factors); thresholds and amounts fixed by law live next to the rules that
// apply them (cross-border.ts, mlps.ts, severance.ts, exposure/penalties.ts). The same inputs and the same
// settings always give the same scores; a snapshot stores the settings it was scored with.

import { z } from 'zod'
import { SECTORS, STAFF_FUNCTIONS, type Sector, type StaffFunction } from '../domain.ts'
import { DIMENSIONS, RATED_BANDS, type Dimension, type PenaltyTier, type RatedBand } from './types.ts'

/** A step of a level table: a value of `min` or more rates at least `level` (1-5). */
export interface LevelStep {
	min: number
	level: number
}

export interface ModelSettings {
	version: string // e.g. '2026.1'
	/** 0-1 per dimension; the overall score of a unit is the highest weight x score. */
	dimensionWeights: Record<Dimension, number>
	/** riskMatrix[likelihood - 1][impact - 1]; bands must not fall as likelihood x impact rises. */
	riskMatrix: RatedBand[][]
	/** Lowest overall score (0-25) of each band; any score above 0 is at least 'low'. */
	overallBands: { medium: number; high: number; critical: number }
	/** With `gapCount` or more gap findings in one dimension, its likelihood rises by `likelihoodStep` (max 5). */
	escalation: { gapCount: number; likelihoodStep: number }
	crossBorder: {
		approachingShare: number // 0-1: within this share below a legal threshold counts as "about to be crossed"
		expiryWarningDays: number // warn this many days before a mechanism expires (art. 9: extend 60 working days before)
		likelihood: {
			missing: number
			expired: number
			insufficient: number
			expiring: number
			approaching: number
			unknownVolume: number
			invalidDate: number
			baseline: number
		}
		impactByIndividuals: LevelStep[] // non-sensitive + sensitive individuals of one flow
		impactBySensitiveIndividuals: LevelStep[]
		importantDataImpact: number
		ciioImpact: number // a CIIO exporting any personal information
		unknownVolumeImpact: number
	}
	mlps: {
		dueSoonDays: number
		severeOverdueDays: number // assessment overdue by more than this rates `assessmentSeverelyOverdue`
		likelihood: {
			ungraded: number
			filingOverdue: number
			filingUndated: number
			assessmentOverdue: number
			assessmentSeverelyOverdue: number
			assessmentUndated: number
			practiceOverdue: number
			dueSoon: number
			invalidDate: number
			baseline: number
		}
		impactByLevel: Record<'1' | '2' | '3' | '4' | '5', number>
		ungradedImpact: number
		personalDataImpact: number
		importantDataImpact: number
	}
	localisation: {
		likelihood: { unassessedExport: number; exemptExport: number; assessedExport: number; storedInChina: number }
		ciioImpact: number
		importantDataImpact: number
	}
	ipInspection: {
		/** base: any system or R&D team; supervisedLevel: MLPS level 3+ (PSB inspections); ciio: the unit is a CIIO. */
		likelihood: { base: number; supervisedLevel: number; ciio: number }
		sourceCodeImpact: number
		importantDataImpact: number
		rndImpactByHeadcount: LevelStep[]
	}
	enforcement: {
		consumerDataBase: number // points when the unit handles consumer data
		otherBase: number // points otherwise
		volumeSteps: number[] // one more point for each of these individuals-exported thresholds reached
		sectorFactors: Record<Sector, number>
		climateFactor: number // 1 = neutral; raise it when enforcement intensifies
		impactByChinaRevenueRmb: LevelStep[]
		ciioImpact: number
	}
	workforce: {
		impactByShare: LevelStep[] // share 0-1 of the group's function in the unit
		functionLikelihood: Record<StaffFunction, number>
		personalDataAccessStep: number // added to likelihood when the line can reach personal data
		unknownImpact: number // when the group headcount of the function is not known
	}
	penalties: { tier: PenaltyTier }
}

// Default risk matrix: the band of likelihood x impact, low 1-4, medium 5-9, high 10-15, critical 16-25.
const L: RatedBand = 'low'
const M: RatedBand = 'medium'
const H: RatedBand = 'high'
const C: RatedBand = 'critical'

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
	version: '2026.1',
	// Compliance dimensions (statutory duties with fines) weigh fully; strategic exposure weighs less.
	dimensionWeights: {
		cross_border: 1,
		cybersecurity_mlps: 1,
		data_localisation: 1,
		ip_inspection: 0.8,
		enforcement: 0.8,
		workforce_concentration: 0.6,
	},
	riskMatrix: [
		[L, L, L, L, M],
		[L, L, M, M, H],
		[L, M, M, H, H],
		[L, M, H, C, C],
		[M, H, H, C, C],
	],
	overallBands: { medium: 5, high: 10, critical: 16 },
	escalation: { gapCount: 3, likelihoodStep: 1 },
	crossBorder: {
		approachingShare: 0.1,
		expiryWarningDays: 120,
		likelihood: {
			missing: 5,
			expired: 5,
			insufficient: 4,
			expiring: 3,
			approaching: 2,
			unknownVolume: 3,
			invalidDate: 3,
			baseline: 1,
		},
		impactByIndividuals: [
			{ min: 0, level: 1 },
			{ min: 10_000, level: 2 },
			{ min: 100_000, level: 3 },
			{ min: 1_000_000, level: 4 },
			{ min: 10_000_000, level: 5 },
		],
		impactBySensitiveIndividuals: [
			{ min: 1, level: 2 },
			{ min: 1_000, level: 3 },
			{ min: 10_000, level: 4 },
			{ min: 100_000, level: 5 },
		],
		importantDataImpact: 5,
		ciioImpact: 4,
		unknownVolumeImpact: 3,
	},
	mlps: {
		dueSoonDays: 60,
		severeOverdueDays: 180,
		likelihood: {
			ungraded: 4,
			filingOverdue: 4,
			filingUndated: 3,
			assessmentOverdue: 4,
			assessmentSeverelyOverdue: 5,
			assessmentUndated: 3,
			practiceOverdue: 2,
			dueSoon: 2,
			invalidDate: 3,
			baseline: 1,
		},
		impactByLevel: { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 },
		ungradedImpact: 3,
		personalDataImpact: 2,
		importantDataImpact: 4,
	},
	localisation: {
		likelihood: { unassessedExport: 5, exemptExport: 2, assessedExport: 1, storedInChina: 1 },
		ciioImpact: 5,
		importantDataImpact: 5,
	},
	ipInspection: {
		likelihood: { base: 2, supervisedLevel: 3, ciio: 4 },
		sourceCodeImpact: 4,
		importantDataImpact: 4,
		rndImpactByHeadcount: [
			{ min: 1, level: 2 },
			{ min: 50, level: 3 },
			{ min: 200, level: 4 },
			{ min: 500, level: 5 },
		],
	},
	enforcement: {
		consumerDataBase: 2,
		otherBase: 1,
		// 1M individuals is the PI-protection-officer threshold (PIPL art. 52) and "more than 10 million" (超过1000万,
		// so 10,000,000 itself is not) the two-yearly compliance audit threshold (PI Compliance Audit Measures, in force
		// 2025-05-01); exported individuals stand in for volumes processed, which the inventory does not hold.
		volumeSteps: [1_000_000, 10_000_001],
		// CII sectors (CSL art. 33; art. 31 in the 2017 text) and consumer-facing sectors draw more attention; a model judgement, not law.
		sectorFactors: {
			finance: 1.2,
			telecoms: 1.2,
			healthcare: 1.2,
			energy: 1.1,
			software: 1.1,
			retail: 1.1,
			consumer_goods: 1,
			logistics: 1,
			manufacturing: 0.9,
			professional_services: 0.9,
		},
		climateFactor: 1,
		impactByChinaRevenueRmb: [
			{ min: 0, level: 2 },
			{ min: 100_000_000, level: 3 },
			{ min: 1_000_000_000, level: 4 },
			{ min: 10_000_000_000, level: 5 },
		],
		ciioImpact: 5,
	},
	workforce: {
		impactByShare: [
			{ min: 0, level: 1 },
			{ min: 0.05, level: 2 },
			{ min: 0.15, level: 3 },
			{ min: 0.3, level: 4 },
			{ min: 0.5, level: 5 },
		],
		functionLikelihood: { back_office: 3, rnd: 3, it: 3, operations: 2, management: 2, sales: 1 },
		personalDataAccessStep: 1,
		unknownImpact: 3,
	},
	penalties: { tier: 'maximum' },
}

const level = z.number().int().min(1).max(5)
const count = z.number().min(0)
const levelTable = z.array(z.strictObject({ min: z.number().min(0), level })).min(1)
const weight = z.number().min(0).max(1)
const factor = z.number().min(0).max(5)

const riskMatrixSchema = z
	.array(z.array(z.enum(RATED_BANDS)).length(5))
	.length(5)
	.superRefine((matrix, ctx) => {
		if (!bandsFollowScores(matrix)) {
			ctx.addIssue({
				code: 'custom',
				message: 'A cell with a higher likelihood x impact must not have a lower band than a cell with a lower one',
			})
		}
	})

/** Validates a settings object (e.g. edited by the admin or read back from a snapshot). */
export const modelSettingsSchema: z.ZodType<ModelSettings> = z.strictObject({
	version: z.string().min(1).max(40),
	dimensionWeights: z.record(z.enum(DIMENSIONS), weight),
	riskMatrix: riskMatrixSchema,
	overallBands: z
		.strictObject({ medium: z.number().gt(0), high: z.number(), critical: z.number().max(25) })
		.refine(b => b.medium <= b.high && b.high <= b.critical, 'Band thresholds must rise: medium <= high <= critical'),
	escalation: z.strictObject({ gapCount: z.number().int().min(1), likelihoodStep: z.number().int().min(0).max(4) }),
	crossBorder: z.strictObject({
		approachingShare: z.number().min(0).max(0.5),
		expiryWarningDays: z.number().int().min(0).max(3650),
		likelihood: z.strictObject({
			missing: level,
			expired: level,
			insufficient: level,
			expiring: level,
			approaching: level,
			unknownVolume: level,
			invalidDate: level,
			baseline: level,
		}),
		impactByIndividuals: levelTable,
		impactBySensitiveIndividuals: levelTable,
		importantDataImpact: level,
		ciioImpact: level,
		unknownVolumeImpact: level,
	}),
	mlps: z.strictObject({
		dueSoonDays: z.number().int().min(0).max(3650),
		severeOverdueDays: z.number().int().min(0).max(3650),
		likelihood: z.strictObject({
			ungraded: level,
			filingOverdue: level,
			filingUndated: level,
			assessmentOverdue: level,
			assessmentSeverelyOverdue: level,
			assessmentUndated: level,
			practiceOverdue: level,
			dueSoon: level,
			invalidDate: level,
			baseline: level,
		}),
		impactByLevel: z.strictObject({ '1': level, '2': level, '3': level, '4': level, '5': level }),
		ungradedImpact: level,
		personalDataImpact: level,
		importantDataImpact: level,
	}),
	localisation: z.strictObject({
		likelihood: z.strictObject({
			unassessedExport: level,
			exemptExport: level,
			assessedExport: level,
			storedInChina: level,
		}),
		ciioImpact: level,
		importantDataImpact: level,
	}),
	ipInspection: z.strictObject({
		likelihood: z.strictObject({ base: level, supervisedLevel: level, ciio: level }),
		sourceCodeImpact: level,
		importantDataImpact: level,
		rndImpactByHeadcount: levelTable,
	}),
	enforcement: z.strictObject({
		consumerDataBase: count,
		otherBase: count,
		volumeSteps: z.array(count),
		sectorFactors: z.record(z.enum(SECTORS), factor),
		climateFactor: factor,
		impactByChinaRevenueRmb: levelTable,
		ciioImpact: level,
	}),
	workforce: z.strictObject({
		impactByShare: levelTable,
		functionLikelihood: z.record(z.enum(STAFF_FUNCTIONS), level),
		personalDataAccessStep: z.number().int().min(0).max(4),
		unknownImpact: level,
	}),
	penalties: z.strictObject({ tier: z.enum(['maximum', 'base']) }),
})

export type SettingsResult = { ok: true; value: ModelSettings } | { ok: false; errors: string[] }

/** Validates unknown input as settings: `{ ok: true, value }` or `{ ok: false, errors }` with 'path: message' lines. */
export function parseModelSettings(input: unknown): SettingsResult {
	const result = modelSettingsSchema.safeParse(input)
	if (result.success) return { ok: true, value: result.data }
	return { ok: false, errors: result.error.issues.map(i => `${i.path.join('.') || '(root)'}: ${i.message}`) }
}

/** True when no cell has a lower band than a cell with a smaller likelihood x impact (the band follows the score). */
export function bandsFollowScores(matrix: readonly (readonly RatedBand[])[]): boolean {
	const cells = matrix.flatMap((row, l) => row.map((band, i) => ({ score: (l + 1) * (i + 1), rank: RATED_BANDS.indexOf(band) })))
	return cells.every(a => cells.every(b => !(a.score < b.score && a.rank > b.rank)))
}
