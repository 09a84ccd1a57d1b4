// Statutory maximum fines the findings point to, in whole RMB. The amounts are fixed by law and kept here with
// their source and `verified` flag (regulations.json › regulations[*].penalties); which tier a finding points to
// is a model setting (settings.penalties.tier). Fines on responsible individuals, confiscation of illegal gains,
// suspension and licence revocation are not counted. The CSL's amounts, dated either side of its 2026 amendment,
// are in ./csl.ts.
//
// Who is fined: PIPL art. 66, DSL arts 45-46 and the CSL fine the handler / processor / operator that breaches them,
// i.e. the legal entity. Each business unit is one legal entity (a representative office answers through its
// foreign parent), so a unit's ceiling is its own; the portfolio ceiling sums the entities' ceilings and counts the
// group's turnover at most once (see `portfolioPenaltyCeiling`).

import { type BusinessUnit } from '../domain.ts'
import { type PenaltyExposure, type PenaltyLaw, type PenaltyRef, type PenaltyTier, type UnitExposure } from './types.ts'

export { CSL_AMENDMENT_EFFECTIVE, cslInspectionPenalty, cslLocalisationPenalty, cslMlpsPenalty } from './csl.ts'

const PIPL_URL = 'https://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html'
// The CAC's copy of the DSL (2021-06-10); an official publisher, where the earlier source was an unofficial site.
const DSL_URL = 'https://www.cac.gov.cn/2021-06/11/c_1624994566919140.htm'

/** PIPL art. 66: 五千万元以下或者上一年度营业额百分之五以下 (serious); up to 1,000,000 on refusal to rectify. */
export const PIPL_66 = { seriousFixedRmb: 50_000_000, seriousTurnoverShare: 0.05, baseRmb: 1_000_000 } as const

export const PENALTY_LAWS = ['PIPL', 'DSL', 'CSL'] as const satisfies readonly PenaltyLaw[]

/**
 * PIPL art. 66 for one handler (the unit's legal entity): 'maximum' is the serious tier, the higher of RMB 50M and 5%
 * of the prior year's turnover (the text offers the two as alternatives, so the larger is the ceiling); 'base' is
 * RMB 1M. The turnover is the entity's own (`priorYearEntityTurnoverRmb`) where the inventory has it; otherwise the
 * group's (`priorYearGlobalTurnoverRmb`), marked as an assumption (`groupTurnoverAssumed`).
 */
export function piplPenalty(
	unit: Pick<BusinessUnit, 'priorYearGlobalTurnoverRmb' | 'priorYearEntityTurnoverRmb'>,
	tier: PenaltyTier,
): PenaltyRef {
	return tier === 'base' ? PIPL_66_BASE : piplSeriousPenalty(unit.priorYearEntityTurnoverRmb ?? null, unit.priorYearGlobalTurnoverRmb)
}

// Fixed by law: one frozen object, shared by every finding that cites it (a constant, not a cache).
const PIPL_66_BASE: PenaltyRef = Object.freeze({
	law: 'PIPL',
	article: 'Art. 66',
	maxRmb: PIPL_66.baseRmb,
	tier: 'base',
	basis: 'Refusal to rectify: up to RMB 1,000,000.',
	verified: true,
	source: PIPL_URL,
})

// Built on each call: a few arithmetic operations and one string, cheaper than looking it up.
function piplSeriousPenalty(entityTurnover: number | null, groupTurnover: number): PenaltyRef {
	const tier: PenaltyTier = 'maximum'
	const own = entityTurnover !== null
	const turnover = Math.max(0, own ? entityTurnover : groupTurnover)
	const share = Math.round(turnover * PIPL_66.seriousTurnoverShare)
	const maxRmb = Math.max(PIPL_66.seriousFixedRmb, share)
	const whose = own
		? "the entity's own prior-year turnover"
		: "the group's prior-year turnover (ASSUMPTION: the entity's own is not in the inventory)"
	const basis = `Serious circumstances: up to RMB 50,000,000 or up to 5% of prior-year turnover, the higher taken; 5% of ${whose} RMB ${turnover} = RMB ${share}.`
	return {
		law: 'PIPL',
		article: 'Art. 66',
		maxRmb,
		tier,
		basis,
		verified: true,
		source: PIPL_URL,
		turnoverBasis: own ? 'entity' : 'group',
		turnoverRmb: turnover,
	}
}

/** DSL art. 46: exporting important data in breach of art. 31, up to RMB 1,000,000; serious: up to RMB 10,000,000. */
export function dslExportPenalty(tier: PenaltyTier): PenaltyRef {
	return DSL_46[tier]
}

const DSL_46: Record<PenaltyTier, PenaltyRef> = {
	maximum: Object.freeze({
		law: 'DSL',
		article: 'Art. 46',
		maxRmb: 10_000_000,
		tier: 'maximum',
		basis: 'DSL art. 46, serious circumstances: RMB 1,000,000-10,000,000.',
		verified: true,
		source: DSL_URL,
	}),
	base: Object.freeze({
		law: 'DSL',
		article: 'Art. 46',
		maxRmb: 1_000_000,
		tier: 'base',
		basis: 'DSL art. 46: RMB 100,000-1,000,000.',
		verified: true,
		source: DSL_URL,
	}),
}

/**
 * The penalty exposure of one entity from its findings' penalties: the largest per law (ties keep the first seen),
 * so one law is not counted twice for one entity; the total is their sum, in whole RMB.
 */
export function penaltyExposure(penalties: readonly PenaltyRef[]): PenaltyExposure {
	const best = new Map<PenaltyLaw, PenaltyRef>()
	for (const p of penalties) {
		const current = best.get(p.law)
		if (!current || p.maxRmb > current.maxRmb) best.set(p.law, p)
	}
	const byLaw = PENALTY_LAWS.flatMap(law => best.get(law) ?? [])
	return {
		byLaw,
		totalMaxRmb: byLaw.reduce((sum, p) => sum + p.maxRmb, 0),
		unverified: byLaw.some(p => !p.verified),
	}
}

export interface PortfolioPenaltyCeiling {
	/** Whole RMB: the sum of each entity's maximum fines, the group's turnover counted at most once. */
	totalMaxRmb: number
	byLaw: Record<PenaltyLaw, number>
	unverified: boolean
	/** One sentence saying what the figure is, for the headline. */
	basis: string
	/** Entities whose PIPL ceiling rests on the group's turnover (an assumption: their own is not recorded). */
	groupTurnoverAssumedFor: string[]
}

/**
 * The portfolio's statutory ceiling: each entity can be fined on its own, so the entities' ceilings add up, but a
 * turnover is never counted twice. Entities with their own turnover use it (their turnovers are parts of the
 * group's). Entities without one would each take 5% of the whole group's turnover, counting it many times over: here
 * the group's turnover not already attributed to an entity is counted once, for the largest of them, and the
 * others are taken at the fixed RMB 50M alternative. Whole RMB.
 */
export function portfolioPenaltyCeiling(units: readonly Pick<UnitExposure, 'unitCode' | 'penalties'>[]): PortfolioPenaltyCeiling {
	const byLaw: Record<PenaltyLaw, number> = { PIPL: 0, DSL: 0, CSL: 0 }
	let unverified = false
	let attributed = 0
	let groupTurnover = 0
	const assumed: Array<{ code: string; ref: PenaltyRef }> = []
	for (const u of units) {
		unverified ||= u.penalties.unverified
		for (const p of u.penalties.byLaw) {
			if (p.law === 'PIPL' && p.turnoverBasis === 'group') {
				assumed.push({ code: u.unitCode, ref: p })
				groupTurnover = Math.max(groupTurnover, p.turnoverRmb ?? 0)
				continue
			}
			if (p.law === 'PIPL' && p.turnoverBasis === 'entity') attributed += p.turnoverRmb ?? 0
			byLaw[p.law] += p.maxRmb
		}
	}
	assumed.sort((a, b) => b.ref.maxRmb - a.ref.maxRmb || (a.code < b.code ? -1 : 1))
	const rest = Math.max(0, groupTurnover - attributed)
	assumed.forEach(({ ref }, i) => {
		byLaw.PIPL +=
			i === 0
				? Math.max(PIPL_66.seriousFixedRmb, Math.round(rest * PIPL_66.seriousTurnoverShare))
				: Math.min(ref.maxRmb, PIPL_66.seriousFixedRmb)
	})
	const totalMaxRmb = byLaw.PIPL + byLaw.DSL + byLaw.CSL
	const assumption =
		assumed.length > 0
			? ` ${assumed.length} entit${assumed.length === 1 ? 'y has' : 'ies have'} no turnover of its own recorded (${assumed.map(a => a.code).join(', ')}): the group's turnover not attributed to an entity is counted once for them.`
			: ''
	return {
		totalMaxRmb,
		byLaw,
		unverified,
		basis: `Statutory ceiling: the sum of each legal entity's maximum fines under PIPL, DSL and CSL, the group's turnover counted at most once.${assumption}`,
		groupTurnoverAssumedFor: assumed.map(a => a.code),
	}
}
