// The Cybersecurity Law (网络安全法) on a date: which text is in force, how its articles are numbered and what it fines.
//
// Sources:
// - 2017 text (in force 2017-06-01 to 2025-12-31): https://www.cac.gov.cn/2016-11/07/c_1119867116.htm
// - amended text: Decision of the NPCSC of 2025-10-28 amending the CSL, in force 2026-01-01, published in the NPCSC
//   Gazette 2025 No. 6 (全国人民代表大会常务委员会公报 2025·6, pp. 797-803); read in full from a public copy of the
//   Gazette pages. Arts 23, 30, 39, 40, 61, 70 and 71 below were checked against that text (verified).
//
// Renumbering of the articles the engines cite (2017 -> amended): 21 -> 23 (MLPS duties), 28 -> 30 (assist public
// and state security organs), 37 -> 39 (CIIO localisation), 38 -> 40 (CIIO yearly testing and assessment),
// 59 -> 61 (penalties for arts 23/27 and CIIO duties), 66 -> 71(3) (localisation breaches: dealt with under other
// laws), 69 -> 70 (refusing or obstructing supervision and inspection).

import { toDayNumber } from '../dates.ts'
import { type ArticleRef, type PenaltyRef, type PenaltyTier } from './types.ts'

/** The amendment adopted 2025-10-28 applies from this date (articles renumbered, penalties raised). */
export const CSL_AMENDMENT_EFFECTIVE = '2026-01-01'

export const CSL_2017_SOURCE = 'https://www.cac.gov.cn/2016-11/07/c_1119867116.htm'
/** The national database of laws (NPC); the amended text is also in the NPCSC Gazette 2025 No. 6. */
export const CSL_2025_SOURCE = 'https://flk.npc.gov.cn/'

export const CSL_2017_LABEL = 'CSL (2017 text)'
export const CSL_2025_LABEL = 'CSL (as amended 2025-10-28, in force 2026-01-01)'

/** True when the amended text is in force on `asOf`; an unreadable date reads as "amended" (the law of today). */
export function amendedCslApplies(asOf: string): boolean {
	const today = toDayNumber(asOf)
	const from = toDayNumber(CSL_AMENDMENT_EFFECTIVE)
	return today === null || from === null || today >= from
}

/** The provisions the rules cite, with their 2017 and amended numbers and whether the 2017 number was verified. */
const PROVISIONS = {
	mlps: { old: 'Art. 21', amended: 'Art. 23', oldVerified: true },
	assistAuthorities: { old: 'Art. 28', amended: 'Art. 30', oldVerified: false },
	localisation: { old: 'Art. 37', amended: 'Art. 39', oldVerified: true },
	ciioYearlyAssessment: { old: 'Art. 38', amended: 'Art. 40', oldVerified: false },
	supervision: { old: 'Art. 69(2)', amended: 'Art. 70(1)', oldVerified: false },
	localisationPenalty: { old: 'Art. 66', amended: 'Art. 71(3)', oldVerified: false },
} as const
export type CslProvision = keyof typeof PROVISIONS

const REFS = new Map<string, ArticleRef>()

/** The CSL article in force on `asOf`: the amended numbering from 2026-01-01, the 2017 text (labelled so) before. */
export function cslArticle(provision: CslProvision, asOf: string): ArticleRef {
	const amended = amendedCslApplies(asOf)
	const key = `${provision}|${amended}`
	let r = REFS.get(key)
	if (!r) {
		const p = PROVISIONS[provision]
		r = amended
			? { law: CSL_2025_LABEL, article: p.amended, verified: true, source: CSL_2025_SOURCE }
			: { law: CSL_2017_LABEL, article: p.old, verified: p.oldVerified, source: CSL_2017_SOURCE }
		REFS.set(key, Object.freeze(r) as ArticleRef)
	}
	return r
}

const PENALTIES = new Map<string, PenaltyRef>()
function shared(key: string, build: () => PenaltyRef): PenaltyRef {
	let p = PENALTIES.get(key)
	if (!p) PENALTIES.set(key, (p = Object.freeze(build()) as PenaltyRef))
	return p
}

/**
 * A network operator failing its MLPS duty. Before 2026-01-01: 2017 art. 59(1), up to RMB 100,000 after refusing
 * to rectify or causing harm. From 2026-01-01, amended art. 61: (1) failing arts 23/27: warning and RMB 10,000-50,000,
 * on refusal to rectify or harm RMB 50,000-500,000 ('base'); (3) causing a large data leak or partial loss of a CII's
 * functions RMB 500,000-2,000,000, loss of a CII's main functions RMB 2,000,000-10,000,000 (only an operator of CII can
 * cause that: 'maximum' for a CIIO, RMB 2,000,000 for others).
 */
export function cslMlpsPenalty(asOf: string, tier: PenaltyTier, isCiio: boolean): PenaltyRef {
	const amended = amendedCslApplies(asOf)
	return shared(`MLPS|${tier}|${amended}|${isCiio}`, () => {
		if (!amended) {
			const basis = 'CSL 2017 art. 59(1): a network operator failing art. 21, after refusing to rectify or causing harm: up to RMB 100,000.'
			return { law: 'CSL', article: 'Art. 59(1) (2017 text)', maxRmb: 100_000, tier, basis, verified: true, source: CSL_2017_SOURCE }
		}
		if (tier === 'base') {
			const basis =
				'CSL as amended, art. 61(1): a network operator failing arts 23 or 27 is warned and may be fined RMB 10,000-50,000; on refusal to rectify or harm to network security, RMB 50,000-500,000.'
			return { law: 'CSL', article: 'Art. 61(1)', maxRmb: 500_000, tier, basis, verified: true, source: CSL_2025_SOURCE }
		}
		const basis = isCiio
			? "CSL as amended, art. 61(3): the breach causing loss of a critical information infrastructure's main functions (特别严重): RMB 2,000,000-10,000,000 (a large data leak or partial loss of functions: RMB 500,000-2,000,000)."
			: "CSL as amended, art. 61(3): the breach causing a large data leak or other serious harm to network security: RMB 500,000-2,000,000 (the RMB 10,000,000 tier needs loss of a CII's main functions, and the unit is not a CIIO)."
		return {
			law: 'CSL',
			article: 'Art. 61(3)',
			maxRmb: isCiio ? 10_000_000 : 2_000_000,
			tier,
			basis,
			verified: true,
			source: CSL_2025_SOURCE,
		}
	})
}

/**
 * A CIIO failing its own duties (arts 35, 36, 38, 40: e.g. the yearly testing and assessment). Amended art. 61(2):
 * RMB 50,000-100,000; on refusal or harm RMB 100,000-1,000,000 ('base'); art. 61(3) for serious consequences
 * ('maximum', RMB 10,000,000). Before 2026-01-01: 2017 art. 59(2), up to RMB 1,000,000 (not re-verified).
 */
export function cslCiioDutyPenalty(asOf: string, tier: PenaltyTier): PenaltyRef {
	const amended = amendedCslApplies(asOf)
	return shared(`CIIO|${tier}|${amended}`, () => {
		if (!amended) {
			const basis =
				'CSL 2017 art. 59(2): a CIIO failing arts 33, 34, 36 or 38, after refusing to rectify or causing harm: up to RMB 1,000,000 (general knowledge, not re-read).'
			return { law: 'CSL', article: 'Art. 59(2) (2017 text)', maxRmb: 1_000_000, tier, basis, verified: false, source: CSL_2017_SOURCE }
		}
		if (tier === 'base') {
			const basis =
				'CSL as amended, art. 61(2): a CIIO failing arts 35, 36, 38 or 40 may be fined RMB 50,000-100,000; on refusal to rectify or harm, RMB 100,000-1,000,000.'
			return { law: 'CSL', article: 'Art. 61(2)', maxRmb: 1_000_000, tier, basis, verified: true, source: CSL_2025_SOURCE }
		}
		const basis =
			"CSL as amended, art. 61(3): causing loss of a critical information infrastructure's main functions: RMB 2,000,000-10,000,000."
		return { law: 'CSL', article: 'Art. 61(3)', maxRmb: 10_000_000, tier, basis, verified: true, source: CSL_2025_SOURCE }
	})
}

/**
 * Refusing or obstructing a lawful supervision and inspection (or refusing technical support to public or state
 * security organs): amended art. 70, on refusal to rectify or serious circumstances RMB 50,000-500,000; the 2017 text
 * (art. 69) had the same amounts (not re-verified). One tier: 'base' and 'maximum' are the same RMB 500,000.
 */
export function cslInspectionPenalty(asOf: string, tier: PenaltyTier): PenaltyRef {
	const amended = amendedCslApplies(asOf)
	return shared(`INSPECTION|${tier}|${amended}`, () =>
		amended
			? {
					law: 'CSL',
					article: 'Art. 70',
					maxRmb: 500_000,
					tier,
					basis:
						'CSL as amended, art. 70: a network operator refusing or obstructing a lawful supervision and inspection, or refusing technical support to public or state security organs, on refusal to rectify or in serious circumstances: RMB 50,000-500,000.',
					verified: true,
					source: CSL_2025_SOURCE,
				}
			: {
					law: 'CSL',
					article: 'Art. 69 (2017 text)',
					maxRmb: 500_000,
					tier,
					basis:
						'CSL 2017 art. 69: refusing or obstructing a lawful supervision and inspection: RMB 50,000-500,000 (general knowledge, not re-read).',
					verified: false,
					source: CSL_2017_SOURCE,
				},
	)
}

/**
 * A CIIO storing or providing personal information or important data abroad in breach of the localisation duty.
 * Before 2026-01-01: 2017 art. 66, up to RMB 500,000 (unverified). From 2026-01-01 the CSL has no fine of its own:
 * amended art. 71(3) hands it to other laws (PIPL art. 66 for personal information, DSL art. 46 for important data),
 * so this returns null and the caller cites those.
 */
export function cslLocalisationPenalty(asOf: string, tier: PenaltyTier): PenaltyRef | null {
	if (amendedCslApplies(asOf)) return null
	return shared(`LOC|${tier}`, () => ({
		law: 'CSL',
		article: 'Art. 66 (2017 text)',
		maxRmb: 500_000,
		tier,
		basis:
			'CSL 2017 art. 66: a CIIO storing or providing data abroad in breach of art. 37: up to RMB 500,000 (general knowledge, not re-read).',
		verified: false,
		source: CSL_2017_SOURCE,
	}))
}
