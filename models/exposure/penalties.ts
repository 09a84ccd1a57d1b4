// Statutory maximum fines the findings point to, in whole RMB. The amounts are fixed by law and kept here with
// their source and `verified` flag (regulations.json › regulations[*].penalties); which tier a finding points to
// is a model setting (settings.penalties.tier). Fines on responsible individuals, confiscation of illegal gains,
// suspension and licence revocation are not counted.

import { LRUCache } from 'lru-cache'
import { type BusinessUnit } from '../domain.ts'
import { toDayNumber } from '../dates.ts'
import { type PenaltyExposure, type PenaltyLaw, type PenaltyRef, type PenaltyTier } from './types.ts'

const PIPL_URL = 'https://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html'
const CSL_URL = 'https://www.cac.gov.cn/2016-11/07/c_1119867116_2.htm'
const CSL_2026_URL =
	'https://privacymatters.dlapiper.com/2025/11/china-amendments-to-cybersecurity-law-effective-1-january-2026/'
const DSL_46_URL = 'https://www.chinadataregulation.com/laws/dsl/articles/article-46'

/** The CSL amendment adopted 2025-10-28 applies from this date (articles renumbered, penalties raised). */
export const CSL_AMENDMENT_EFFECTIVE = '2026-01-01'

/** PIPL art. 66: 五千万元以下或者上一年度营业额百分之五以下 (serious); up to 1,000,000 on refusal to rectify. */
export const PIPL_66 = { seriousFixedRmb: 50_000_000, seriousTurnoverShare: 0.05, baseRmb: 1_000_000 } as const

/**
 * PIPL art. 66 for a unit: 'maximum' is the serious tier, the higher of RMB 50M and 5% of the prior year's turnover
 * (the text offers the two as alternatives, so the larger is the ceiling); 'base' is RMB 1M. Whether "turnover" is the
 * entity's or the group's is not settled; the group figure (BusinessUnit.priorYearGlobalTurnoverRmb) is used.
 */
export function piplPenalty(unit: Pick<BusinessUnit, 'priorYearGlobalTurnoverRmb'>, tier: PenaltyTier): PenaltyRef {
	return shared(`PIPL|${tier}|${unit.priorYearGlobalTurnoverRmb}`, () => buildPiplPenalty(unit.priorYearGlobalTurnoverRmb, tier))
}

function buildPiplPenalty(priorYearGlobalTurnoverRmb: number, tier: PenaltyTier): PenaltyRef {
	if (tier === 'base') {
		return penalty('PIPL', 'Art. 66', PIPL_66.baseRmb, tier, 'Refusal to rectify: up to RMB 1,000,000.', true, PIPL_URL)
	}
	const turnover = Math.max(0, priorYearGlobalTurnoverRmb)
	const share = Math.round(turnover * PIPL_66.seriousTurnoverShare)
	const maxRmb = Math.max(PIPL_66.seriousFixedRmb, share)
	const basis = `Serious circumstances: up to RMB 50,000,000 or up to 5% of prior-year turnover (5% of ${turnover} = ${share}); the higher is taken. Entity vs group turnover is unsettled; group turnover used.`
	return penalty('PIPL', 'Art. 66', maxRmb, tier, basis, true, PIPL_URL)
}

/**
 * CSL penalty for a network operator failing its MLPS duty (art. 21). Before 2026-01-01: 2017 art. 59(1), up to
 * RMB 100,000. From 2026-01-01: amended art. 61, RMB 50,000-500,000 on refusal to rectify or harm ('base') and up to
 * RMB 2,000,000 for serious consequences such as a large data leak ('maximum'), per DLA Piper; the amended text was
 * not seen in full (caveats.md item 4).
 */
export function cslMlpsPenalty(asOf: string, tier: PenaltyTier): PenaltyRef {
	const amended = amendedCslApplies(asOf)
	return shared(`CSL-MLPS|${tier}|${amended}`, () => buildCslMlpsPenalty(amended, tier))
}

function buildCslMlpsPenalty(amended: boolean, tier: PenaltyTier): PenaltyRef {
	if (!amended) {
		const basis =
			'CSL 2017 art. 59(1): network operator failing art. 21, after refusing to rectify or causing harm: up to RMB 100,000.'
		return penalty('CSL', 'Art. 59(1) (2017 text)', 100_000, tier, basis, true, CSL_URL)
	}
	const maxRmb = tier === 'maximum' ? 2_000_000 : 500_000
	const basis =
		tier === 'maximum'
			? 'CSL as amended from 2026-01-01, art. 61 (formerly 59): up to RMB 2,000,000 for serious consequences such as a large-scale data leak (DLA Piper; Hunton gives RMB 500,000 for ordinary businesses; amended text not seen in full).'
			: 'CSL as amended from 2026-01-01, art. 61 (formerly 59): RMB 50,000-500,000 on refusal to rectify or harm (amended text not seen in full).'
	// regulations.json marks the law-firm notes as seen, but the amended text was not, and the notes disagree on the
	// tiers (caveats.md item 4): flagged unverified so the figure is checked before it decides anything.
	return penalty('CSL', 'Art. 61 (2026 text)', maxRmb, tier, basis, false, CSL_2026_URL)
}

/**
 * CSL art. 66 (2017 numbering): a CIIO storing or exporting data abroad in breach of art. 37, RMB 50,000-500,000.
 * Marked unverified in regulations.json; the 2026 amendment renumbered the articles and raised penalties, and the
 * amended figure for this provision was not seen, so this may understate a fine after 2026-01-01.
 */
export function cslLocalisationPenalty(asOf: string, tier: PenaltyTier): PenaltyRef {
	const after = amendedCslApplies(asOf)
		? ' The 2026 amendment may have changed this figure (not seen); it may understate.'
		: ''
	const basis = `CSL art. 66 (2017 text): CIIO storing or providing data abroad in breach of art. 37, up to RMB 500,000.${after}`
	return penalty('CSL', 'Art. 66 (2017 text)', 500_000, tier, basis, false, CSL_URL)
}

/** DSL art. 46: exporting important data in breach of art. 31, up to RMB 1,000,000; serious: up to RMB 10,000,000. */
export function dslExportPenalty(tier: PenaltyTier): PenaltyRef {
	return shared(`DSL|${tier}`, () => buildDslExportPenalty(tier))
}

function buildDslExportPenalty(tier: PenaltyTier): PenaltyRef {
	const maxRmb = tier === 'maximum' ? 10_000_000 : 1_000_000
	const basis =
		tier === 'maximum'
			? 'DSL art. 46, serious circumstances: RMB 1,000,000-10,000,000.'
			: 'DSL art. 46: RMB 100,000-1,000,000.'
	return penalty('DSL', 'Art. 46', maxRmb, tier, basis, true, DSL_46_URL)
}

/**
 * The penalty exposure of a set of findings' penalties: the largest per law (ties keep the first seen), so one law
 * is not counted twice for one unit; the total is their sum, in whole RMB.
 */
export function penaltyExposure(penalties: readonly PenaltyRef[]): PenaltyExposure {
	const best = new Map<PenaltyLaw, PenaltyRef>()
	for (const p of penalties) {
		const current = best.get(p.law)
		if (!current || p.maxRmb > current.maxRmb) best.set(p.law, p)
	}
	const order: PenaltyLaw[] = ['PIPL', 'DSL', 'CSL']
	const byLaw = order.flatMap(law => best.get(law) ?? [])
	return {
		byLaw,
		totalMaxRmb: byLaw.reduce((sum, p) => sum + p.maxRmb, 0),
		unverified: byLaw.some(p => !p.verified),
	}
}

// A penalty reference is plain data fixed by its inputs, cited by thousands of findings at scale: built once per
// inputs and shared (frozen). Turnovers are per unit, so the map holds at most a few entries per unit.
const PENALTIES = new LRUCache<string, PenaltyRef>({ max: 50_000 })

function shared(key: string, build: () => PenaltyRef): PenaltyRef {
	let p = PENALTIES.get(key)
	if (!p) {
		PENALTIES.set(key, (p = Object.freeze(build())))
	}
	return p
}

function amendedCslApplies(asOf: string): boolean {
	const today = toDayNumber(asOf)
	const from = toDayNumber(CSL_AMENDMENT_EFFECTIVE)
	// An invalid date reads as "after": the amended, higher figures are the safer default.
	return today === null || from === null || today >= from
}

function penalty(
	law: PenaltyLaw,
	article: string,
	maxRmb: number,
	tier: PenaltyTier,
	basis: string,
	verified: boolean,
	source: string,
): PenaltyRef {
	return { law, article, maxRmb, tier, basis, verified, source }
}
