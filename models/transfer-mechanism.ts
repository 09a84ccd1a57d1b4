// Which transfer mechanism the 2024 Provisions require for one outbound data flow.
//
// Source: Provisions on Promoting and Regulating Cross-Border Data Flows (促进和规范数据跨境流动规定),
// CAC Order No. 16, in force 2024-03-22, https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm
// (regulations.json › cross_border_rules › provisions_2024 and mechanism_thresholds_table).
//
// Readings that decide results (see reference/README.md and caveats.md items 1-2):
// - counts are individuals, cumulative since 1 January of the CURRENT year (自当年1月1日起累计);
// - `以上` includes the number and `不满` excludes it (Civil Code art. 1259), so exactly 100,000
//   non-sensitive is art. 8, exactly 1,000,000 is art. 7(2), exactly 10,000 sensitive is art. 7(2);
// - the exemptions (arts 3-6) take precedence over arts 7 and 8 (both articles say "unless arts 3-6 apply");
// - art. 5(1)-(3) cover personal information only (not important data) and apply to CIIOs too;
// - art. 5(4) is for non-CIIOs only and covers non-sensitive personal information only.
// A flow can hold several kinds of data; each kind is assessed on its own and the strictest wins.

import { type DataFlow, type MechanismInPlace } from './domain.ts'
import { toDayNumber } from './dates.ts'

export type TransferPurpose = 'contract_with_individual' | 'hr_management' | 'emergency' | 'other'

/** The facts the 2024 Provisions turn on, for one flow. Counts are individuals since 1 January this year. */
export interface TransferFacts {
	exporterIsCiio: boolean
	includesImportantData: boolean // notified or published as important data (art. 2)
	personalInfoIndividuals: number // non-sensitive personal information, individuals, since 1 January this year
	sensitivePersonalInfoIndividuals: number
	purpose: TransferPurpose // the personal information is strictly necessary (确需) for this purpose
	collectedInMainland: boolean
	outsideFtzNegativeList: boolean // exporter in a free trade zone and the data is outside its negative list
}

export type TransferMechanism = 'security_assessment' | 'standard_contract_or_certification' | 'exempt'

/** Which part of a flow a result speaks about. */
export type TransferPart = 'all_data' | 'important_data' | 'personal_info' | 'non_sensitive_personal_info' | 'sensitive_personal_info'

export interface TransferPartRequirement {
	part: TransferPart
	mechanism: TransferMechanism
	article: string // e.g. 'Art. 7(2)' of the 2024 Provisions
	reason: string
}

export interface TransferRequirement {
	mechanism: TransferMechanism
	/** Articles of the 2024 Provisions: those of the deciding parts first, then the others. */
	articles: string[]
	/** One sentence per part, in the same order as `articles`. */
	reasons: string[]
	parts: TransferPartRequirement[]
}

/** Short name used in finding citations. */
export const PROVISIONS_2024 = 'CAC Provisions 2024'
export const PROVISIONS_2024_TITLE = 'Provisions on Promoting and Regulating Cross-Border Data Flows (CAC Order No. 16, 2024)'
export const PROVISIONS_2024_SOURCE = 'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm'

/** Thresholds fixed by the 2024 Provisions, in individuals since 1 January of the current year. */
export const TRANSFER_THRESHOLDS = {
	/** art. 5(4) exempts 不满10万 (fewer than); art. 8 starts at 10万以上 (100,000 included). */
	nonSensitiveStandardContract: 100_000,
	/** art. 7(2): 100万人以上, 1,000,000 included. */
	nonSensitiveSecurityAssessment: 1_000_000,
	/** art. 7(2): 1万人以上 sensitive, 10,000 included; art. 8: 不满1万. */
	sensitiveSecurityAssessment: 10_000,
} as const

const STRICTNESS: Record<TransferMechanism, number> = {
	exempt: 0,
	standard_contract_or_certification: 1,
	security_assessment: 2,
}

const PURPOSE_EXEMPTIONS = {
	contract_with_individual: {
		article: 'Art. 5(1)',
		words: 'to conclude or perform a contract to which the individual is a party (e.g. cross-border shopping, payment, booking)',
	},
	hr_management: {
		article: 'Art. 5(2)',
		words: 'for cross-border human-resources management under lawful labour rules and collective contracts',
	},
	emergency: {
		article: 'Art. 5(3)',
		words: "in an emergency, to protect a natural person's life, health or property",
	},
} as const

/**
 * The mechanism the 2024 Provisions require for a flow, the articles it rests on and the reasons in words.
 * Negative or non-numeric counts are read as 0. Returns 'exempt' | 'standard_contract_or_certification' |
 * 'security_assessment'; a flow with several kinds of data gets the strictest of their mechanisms.
 */
export function requiredTransferMechanism(facts: TransferFacts): TransferRequirement {
	const parts = assessParts(facts)
	const mechanism = parts.reduce<TransferMechanism>((acc, p) => stricterMechanism(acc, p.mechanism), 'exempt')
	if (parts.length === 1) return { mechanism, articles: [parts[0]!.article], reasons: [parts[0]!.reason], parts } // most flows
	const ordered = [...parts.filter(p => p.mechanism === mechanism), ...parts.filter(p => p.mechanism !== mechanism)]
	return {
		mechanism,
		articles: [...new Set(ordered.map(p => p.article))],
		reasons: ordered.map(p => p.reason),
		parts,
	}
}

/** The stricter of two mechanisms (security assessment > standard contract or certification > exempt). */
export function stricterMechanism(a: TransferMechanism, b: TransferMechanism): TransferMechanism {
	return STRICTNESS[b] > STRICTNESS[a] ? b : a
}

/**
 * Whether a mechanism in place meets a requirement. A passed security assessment satisfies everything;
 * a filed standard contract or a certification satisfies 'standard_contract_or_certification'; 'exempt'
 * needs nothing. Expiry is not checked here: pass the result of `effectiveMechanismInPlace`.
 */
export function mechanismSatisfies(required: TransferMechanism, inPlace: MechanismInPlace): boolean {
	if (required === 'exempt') return true
	if (inPlace === 'security_assessment') return true
	if (required === 'standard_contract_or_certification') {
		return inPlace === 'standard_contract' || inPlace === 'certification'
	}
	return false
}

/**
 * What is in place on `asOf` ('YYYY-MM-DD'): a mechanism whose `mechanismExpiresOn` is before `asOf`
 * counts as 'none' (it is still valid on its expiry day). An invalid date is ignored (not expired);
 * the exposure engine reports it as a data-quality finding.
 */
export function effectiveMechanismInPlace(flow: Pick<DataFlow, 'mechanismInPlace' | 'mechanismExpiresOn'>, asOf: string): MechanismInPlace {
	return isExpired(flow.mechanismExpiresOn, asOf) ? 'none' : flow.mechanismInPlace
}

/** True when `expiresOn` is a valid date strictly before `asOf`. */
export function isExpired(expiresOn: string | null, asOf: string): boolean {
	if (expiresOn === null) return false
	const end = toDayNumber(expiresOn)
	const today = toDayNumber(asOf)
	return end !== null && today !== null && end < today
}

/**
 * The transfer facts of a stored flow. Unknown counts (null) are read as 0, so the mechanism is a
 * lower bound until the counts are known (the exposure engine raises a data-quality finding for them).
 */
export function transferFactsForFlow(flow: DataFlow, exporterIsCiio: boolean): TransferFacts {
	return {
		exporterIsCiio,
		includesImportantData: flow.includesImportantData,
		personalInfoIndividuals: flow.personalInfoIndividuals ?? 0,
		sensitivePersonalInfoIndividuals: flow.sensitivePersonalInfoIndividuals ?? 0,
		purpose: flow.purpose,
		collectedInMainland: flow.collectedInMainland,
		outsideFtzNegativeList: flow.outsideFtzNegativeList,
	}
}

function assessParts(facts: TransferFacts): TransferPartRequirement[] {
	const personal = individuals(facts.personalInfoIndividuals)
	const sensitive = individuals(facts.sensitivePersonalInfoIndividuals)
	// Art. 6 speaks of "data" outside the list, important data included, so it covers the whole flow.
	if (facts.outsideFtzNegativeList) return [ftzExemption()]
	if (!facts.includesImportantData && personal === 0 && sensitive === 0) return [noRegulatedData()]
	const parts: TransferPartRequirement[] = []
	if (facts.includesImportantData) parts.push(importantData(facts.exporterIsCiio))
	if (personal > 0 || sensitive > 0) parts.push(...personalInfoParts(facts, personal, sensitive))
	return parts
}

function personalInfoParts(facts: TransferFacts, personal: number, sensitive: number): TransferPartRequirement[] {
	if (!facts.collectedInMainland) return [collectedAbroad(facts.includesImportantData)]
	if (facts.purpose !== 'other') return [purposeExemption(facts.purpose)]
	if (facts.exporterIsCiio) return [ciioPersonalInfo(personal + sensitive)]
	const parts: TransferPartRequirement[] = []
	if (personal > 0) parts.push(nonSensitiveVolume(personal))
	if (sensitive > 0) parts.push(sensitiveVolume(sensitive))
	return parts
}

function ftzExemption(): TransferPartRequirement {
	return {
		part: 'all_data',
		mechanism: 'exempt',
		article: 'Art. 6',
		reason: `${PROVISIONS_2024_TITLE}, art. 6: the exporter is in a pilot free trade zone and the data is outside the zone's negative list, so no security assessment, standard contract or certification is needed. Negative lists are per zone and per sector: check this data against the zone's own list.`,
	}
}

function noRegulatedData(): TransferPartRequirement {
	return {
		part: 'all_data',
		mechanism: 'exempt',
		article: 'Art. 3',
		reason: `${PROVISIONS_2024_TITLE}, art. 3: the flow carries no personal information and no important data, and the mechanisms of arts 7 and 8 apply only to those.`,
	}
}

function importantData(isCiio: boolean): TransferPartRequirement {
	const who = isCiio ? 'a critical information infrastructure operator (CIIO)' : 'an exporter that is not a CIIO'
	return {
		part: 'important_data',
		mechanism: 'security_assessment',
		article: isCiio ? 'Art. 7(1)' : 'Art. 7(2)',
		reason: `${PROVISIONS_2024_TITLE}, art. ${isCiio ? '7(1)' : '7(2)'}: ${who} providing important data abroad needs a CAC security assessment, whatever the volume. The exemptions for personal information (arts 4 and 5) do not reach important data.`,
	}
}

function collectedAbroad(includesImportantData: boolean): TransferPartRequirement {
	const proviso = includesImportantData
		? ' The important data in the flow is assessed separately: art. 4 does not cover it.'
		: ' The exemption holds only while no mainland personal information or important data is added during processing.'
	return {
		part: 'personal_info',
		mechanism: 'exempt',
		article: 'Art. 4',
		reason: `${PROVISIONS_2024_TITLE}, art. 4: the personal information was collected or generated outside mainland China and is only processed here before going back out, so it is exempt.${proviso}`,
	}
}

function purposeExemption(purpose: keyof typeof PURPOSE_EXEMPTIONS): TransferPartRequirement {
	const { article, words } = PURPOSE_EXEMPTIONS[purpose]
	const clause = article.replace('Art. ', '')
	return {
		part: 'personal_info',
		mechanism: 'exempt',
		article,
		reason: `${PROVISIONS_2024_TITLE}, art. ${clause}: the personal information is strictly necessary (确需) ${words}, so it is exempt, for CIIOs too. Only the personal information strictly necessary for that purpose is covered: anything beyond it falls back to the tests of arts 7 and 8.`,
	}
}

function ciioPersonalInfo(total: number): TransferPartRequirement {
	return {
		part: 'personal_info',
		mechanism: 'security_assessment',
		article: 'Art. 7(1)',
		reason: `${PROVISIONS_2024_TITLE}, art. 7(1): the exporter is a critical information infrastructure operator (CIIO), and a CIIO providing any personal information abroad (here ${formatCount(total)} individuals) needs a CAC security assessment, whatever the volume.`,
	}
}

function nonSensitiveVolume(count: number, scope: 'flow' | 'exporter' = 'flow'): TransferPartRequirement {
	const n = `${scope === 'exporter' ? "the exporter's total of " : ''}${formatCount(count)} individuals' non-sensitive personal information since 1 January`
	if (count >= TRANSFER_THRESHOLDS.nonSensitiveSecurityAssessment) {
		return {
			part: 'non_sensitive_personal_info',
			mechanism: 'security_assessment',
			article: 'Art. 7(2)',
			reason: `${PROVISIONS_2024_TITLE}, art. 7(2): ${n} is 1,000,000 or more (100万人以上 includes 1,000,000), which needs a CAC security assessment.`,
		}
	}
	if (count >= TRANSFER_THRESHOLDS.nonSensitiveStandardContract) {
		return {
			part: 'non_sensitive_personal_info',
			mechanism: 'standard_contract_or_certification',
			article: 'Art. 8',
			reason: `${PROVISIONS_2024_TITLE}, art. 8: ${n} is 100,000 or more but fewer than 1,000,000 (10万人以上、不满100万人), which needs a CAC standard contract (filed with the provincial CAC) or personal information protection certification.`,
		}
	}
	return {
		part: 'non_sensitive_personal_info',
		mechanism: 'exempt',
		article: 'Art. 5(4)',
		reason: `${PROVISIONS_2024_TITLE}, art. 5(4): ${n} is fewer than 100,000 (不满10万人) and the exporter is not a CIIO, so this part is exempt. The exemption does not cover sensitive personal information.`,
	}
}

function sensitiveVolume(count: number, scope: 'flow' | 'exporter' = 'flow'): TransferPartRequirement {
	const n = `${scope === 'exporter' ? "the exporter's total of " : ''}${formatCount(count)} individuals' sensitive personal information since 1 January`
	if (count >= TRANSFER_THRESHOLDS.sensitiveSecurityAssessment) {
		return {
			part: 'sensitive_personal_info',
			mechanism: 'security_assessment',
			article: 'Art. 7(2)',
			reason: `${PROVISIONS_2024_TITLE}, art. 7(2): ${n} is 10,000 or more (1万人以上 includes 10,000), which needs a CAC security assessment.`,
		}
	}
	return {
		part: 'sensitive_personal_info',
		mechanism: 'standard_contract_or_certification',
		article: 'Art. 8',
		reason: `${PROVISIONS_2024_TITLE}, art. 8: ${n} is fewer than 10,000 (不满1万人), and sensitive personal information has no exempt floor, so it needs a CAC standard contract or certification. Art. 5(4) does not cover sensitive personal information.`,
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Counted per exporter. Arts 5(4), 7(2) and 8 turn on what one data processor has provided abroad in total since
// 1 January (自当年1月1日起累计), over all its transfers, and the Filing Guide (2nd ed.) forbids splitting volumes to
// escape a mechanism (不得采取数量拆分等手段). So the volume tests read the exporter's totals, never one flow's count.
// What counts toward the totals (decision 014): personal information the Provisions regulate, i.e. not exempt by
// art. 4 (collected abroad), art. 5(1)-(3) (contract, HR, emergency) or art. 6 (free-trade-zone list); arts 7 and 8
// apply "unless arts 3-6 apply" (第三条、第四条、第五条、第六条规定情形的除外), so exempt transfers stay outside them.

/** One flow as `requiredTransferMechanisms` reads it. Counts are individuals since 1 January; null = unknown. */
export interface ExporterFlowFacts {
	code: string
	personalInfoIndividuals: number | null
	sensitivePersonalInfoIndividuals: number | null
	includesImportantData: boolean
	purpose: TransferPurpose
	collectedInMainland: boolean
	outsideFtzNegativeList: boolean
}

/** The exporter (one legal entity, a business unit here) and, when known, its distinct individuals abroad this year. */
export interface ExporterFacts {
	isCiio: boolean
	/** Distinct individuals (non-sensitive) provided abroad since 1 January over the counted transfers; replaces the sum. */
	distinctIndividualsAbroad?: number | null
	distinctSensitiveIndividualsAbroad?: number | null
	/**
	 * Whether the exporter can claim art. 6 on the date scored: it is registered in a pilot free-trade zone whose
	 * negative list is in force that day (models/ftz-zones.ts). Absent: taken as stated on each flow. When false, a
	 * flow marked "outside the negative list" is read as not exempt, and `ftzRefusal` says why in its reasons.
	 */
	ftzListInForce?: boolean
	ftzRefusal?: string | null
}

export interface ExporterTotals {
	personalInfoIndividuals: number
	sensitivePersonalInfoIndividuals: number
	/** Counted flows whose non-sensitive or sensitive count is unknown: the totals leave them out. */
	unknownVolumes: number
}

export interface ExporterFlowRequirement extends TransferRequirement {
	code: string
	/** The exporter's totals the volume tests read (the same object for every flow of the exporter). */
	cumulative: ExporterTotals
	/** Whether this flow's personal information counts toward the totals (not exempt by arts 4, 5(1)-(3) or 6). */
	counted: boolean
	/** How the totals were reached, in words: a sum over flows (an upper bound) or the distinct count given. */
	totalsBasis: string
}

/**
 * The mechanism each flow of one exporter needs under the 2024 Provisions, with the volume tests read on the
 * exporter's totals since 1 January (not the flow's own count). Same order as `flows`. Unknown is never zero: a
 * CIIO's personal information of unknown volume needs a security assessment; for others a flow of unknown volume
 * needs at least a standard contract and at least what the known totals require. Per flow, the strictest part wins.
 */
export function requiredTransferMechanisms(exporter: ExporterFacts, claimed: ReadonlyArray<ExporterFlowFacts>): ExporterFlowRequirement[] {
	// Art. 6 only for a processor registered in a zone whose negative list is in force on the date scored.
	const refused = claimed.map(f => f.outsideFtzNegativeList && exporter.ftzListInForce === false)
	const flows = claimed.map((f, i) => (refused[i] ? { ...f, outsideFtzNegativeList: false } : f))
	const refusal =
		exporter.ftzRefusal ?? 'Art. 6 does not apply: the unit is not registered in a free-trade zone whose negative list is in force.'
	const counted = flows.map(f => countsTowardTotals(f))
	const totals = exporterTotals(exporter, flows, counted)
	const basis = totalsBasis(exporter, flows, counted, totals)
	return flows.map((flow, i) => {
		const parts = exporterFlowParts(exporter, flow, counted[i]!, totals, basis)
		const mechanism = parts.reduce<TransferMechanism>((acc, p) => stricterMechanism(acc, p.mechanism), 'exempt')
		const ordered = [...parts.filter(p => p.mechanism === mechanism), ...parts.filter(p => p.mechanism !== mechanism)]
		return {
			code: flow.code,
			mechanism,
			articles: [...new Set(ordered.map(p => p.article))],
			reasons: [...(refused[i] ? [`${PROVISIONS_2024_TITLE}, art. 6: ${refusal}`] : []), ...ordered.map(p => p.reason)],
			parts,
			cumulative: totals,
			counted: counted[i]!,
			totalsBasis: basis,
		}
	})
}

/** The facts `requiredTransferMechanisms` reads from a stored flow. */
export function exporterFlowFacts(flow: DataFlow): ExporterFlowFacts {
	return {
		code: flow.code,
		personalInfoIndividuals: flow.personalInfoIndividuals,
		sensitivePersonalInfoIndividuals: flow.sensitivePersonalInfoIndividuals,
		includesImportantData: flow.includesImportantData,
		purpose: flow.purpose,
		collectedInMainland: flow.collectedInMainland,
		outsideFtzNegativeList: flow.outsideFtzNegativeList,
	}
}

/** Personal information the volume tests regulate: collected in mainland China, purpose 'other', no FTZ exemption. */
function countsTowardTotals(f: ExporterFlowFacts): boolean {
	return !f.outsideFtzNegativeList && f.collectedInMainland && f.purpose === 'other'
}

function exporterTotals(exporter: ExporterFacts, flows: ReadonlyArray<ExporterFlowFacts>, counted: boolean[]): ExporterTotals {
	let personal = 0
	let sensitive = 0
	let maxPersonal = 0
	let maxSensitive = 0
	let unknown = 0
	flows.forEach((f, i) => {
		if (!counted[i]) return
		if (f.personalInfoIndividuals === null || f.sensitivePersonalInfoIndividuals === null) unknown++
		const p = individuals(f.personalInfoIndividuals ?? 0)
		const s = individuals(f.sensitivePersonalInfoIndividuals ?? 0)
		personal += p
		sensitive += s
		maxPersonal = Math.max(maxPersonal, p)
		maxSensitive = Math.max(maxSensitive, s)
	})
	// A distinct count replaces the sum, but can never be below the largest single flow (those people are distinct).
	const distinct = (given: number | null | undefined, max: number, sum: number) =>
		given === null || given === undefined || !(given >= 0) ? sum : Math.max(given, max)
	return {
		personalInfoIndividuals: distinct(exporter.distinctIndividualsAbroad, maxPersonal, personal),
		sensitivePersonalInfoIndividuals: distinct(exporter.distinctSensitiveIndividualsAbroad, maxSensitive, sensitive),
		unknownVolumes: unknown,
	}
}

function totalsBasis(exporter: ExporterFacts, flows: ReadonlyArray<ExporterFlowFacts>, counted: boolean[], totals: ExporterTotals): string {
	const n = counted.filter(Boolean).length
	const given = (v: number | null | undefined) => v !== null && v !== undefined && v >= 0
	const how = (field: 'non-sensitive' | 'sensitive', v: number | null | undefined) =>
		given(v)
			? `${field}: the distinct count given for the unit`
			: `${field}: the sum over its flows, an upper bound when the same people appear in several`
	const unknown =
		totals.unknownVolumes > 0
			? ` ${totals.unknownVolumes} counted flow(s) have an unknown volume and are not in the totals, so the totals may be higher.`
			: ''
	return `The exporter's totals since 1 January over its ${n} flow(s) that count (of ${flows.length}; exempt transfers under arts 4, 5(1)-(3) and 6 are left out) are ${formatCount(totals.personalInfoIndividuals)} non-sensitive and ${formatCount(totals.sensitivePersonalInfoIndividuals)} sensitive individuals (${how('non-sensitive', exporter.distinctIndividualsAbroad)}; ${how('sensitive', exporter.distinctSensitiveIndividualsAbroad)}).${unknown}`
}

function exporterFlowParts(
	exporter: ExporterFacts,
	flow: ExporterFlowFacts,
	counted: boolean,
	totals: ExporterTotals,
	basis: string,
): TransferPartRequirement[] {
	// Exemptions and important data do not depend on the totals: the flow's own facts decide them.
	const own = assessParts({
		exporterIsCiio: exporter.isCiio,
		includesImportantData: flow.includesImportantData,
		personalInfoIndividuals: flow.personalInfoIndividuals ?? 0,
		sensitivePersonalInfoIndividuals: flow.sensitivePersonalInfoIndividuals ?? 0,
		purpose: flow.purpose,
		collectedInMainland: flow.collectedInMainland,
		outsideFtzNegativeList: flow.outsideFtzNegativeList,
	})
	const personalUnknown = flow.personalInfoIndividuals === null
	const sensitiveUnknown = flow.sensitivePersonalInfoIndividuals === null
	if (!counted || (!personalUnknown && !sensitiveUnknown && own.every(p => p.part === 'important_data' || p.part === 'all_data'))) {
		return own // exempt transfers, and flows without personal information, are read as before
	}
	const parts = own.filter(p => p.part === 'important_data')
	const personal = individuals(flow.personalInfoIndividuals ?? 0)
	const sensitive = individuals(flow.sensitivePersonalInfoIndividuals ?? 0)
	const thisFlow = `This flow: ${countOrUnknown(flow.personalInfoIndividuals)} non-sensitive, ${countOrUnknown(flow.sensitivePersonalInfoIndividuals)} sensitive.`
	if (exporter.isCiio) {
		const ciio = ciioPersonalInfo(totals.personalInfoIndividuals + totals.sensitivePersonalInfoIndividuals)
		const unknownWords =
			personalUnknown || sensitiveUnknown
				? " The volume of this flow is unknown, and an unknown volume of a CIIO's personal information is never read as none."
				: ''
		parts.push({ ...ciio, reason: `${ciio.reason}${unknownWords} ${basis} ${thisFlow}` })
		return parts
	}
	if (personal > 0 || personalUnknown) {
		const p = nonSensitiveVolume(totals.personalInfoIndividuals, 'exporter')
		parts.push(personalUnknown ? atLeastStandardContract(p, 'non_sensitive_personal_info', basis, thisFlow) : withBasis(p, basis, thisFlow))
	}
	if (sensitive > 0 || sensitiveUnknown) {
		const s = sensitiveVolume(Math.max(totals.sensitivePersonalInfoIndividuals, sensitive), 'exporter')
		parts.push(sensitiveUnknown ? atLeastStandardContract(s, 'sensitive_personal_info', basis, thisFlow) : withBasis(s, basis, thisFlow))
	}
	return parts
}

function withBasis(p: TransferPartRequirement, basis: string, thisFlow: string): TransferPartRequirement {
	return { ...p, reason: `${p.reason} ${basis} ${thisFlow}` }
}

/** A part of unknown volume: at least a standard contract (arts 7-8 have no floor below it), and what the totals need. */
function atLeastStandardContract(p: TransferPartRequirement, part: TransferPart, basis: string, thisFlow: string): TransferPartRequirement {
	const mechanism = stricterMechanism(p.mechanism, 'standard_contract_or_certification')
	const article = mechanism === p.mechanism ? p.article : 'Art. 8'
	return {
		part,
		mechanism,
		article,
		reason: `The ${part === 'sensitive_personal_info' ? 'sensitive' : 'non-sensitive'} volume of this flow is unknown, and unknown is never read as none: it needs at least a CAC standard contract or certification (art. 8), and at least what the exporter's known totals require (${p.mechanism.replaceAll('_', ' ')}); the mechanism may be higher once the count is known. ${basis} ${thisFlow}`,
	}
}

function countOrUnknown(value: number | null): string {
	return value === null ? 'unknown' : formatCount(individuals(value))
}

/** A count of individuals; anything not a positive number is 0 (NaN included). */
function individuals(value: number): number {
	return value > 0 ? value : 0
}

/** 1234567 -> '1,234,567' without depending on the runtime's locale data. */
export function formatCount(value: number): string {
	// Whole numbers (every count) are grouped by slicing: the scoring engine formats one or more per flow.
	if (Number.isSafeInteger(value)) {
		const digits = String(Math.abs(value))
		let out = digits.slice(0, digits.length % 3 || 3)
		for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`
		return value < 0 ? `-${out}` : out
	}
	const [whole = '0', fraction] = String(value).split('.')
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
	return fraction ? `${grouped}.${fraction}` : grouped
}
