// The cross-border data regime: the CAC's 2024 Provisions (Order No. 16) article by article, the 2022 and 2023
// instruments it overrides where they conflict (art. 13), the 2025 certification measures, the FTZ negative lists,
// and the mechanism table. Copied from shared/reference/regulations.json (`cross_border_rules`,
// `meta.conventions.threshold_reading`, `threshold_reading_source`).
//
// Reading the thresholds (decides the boundary cases, caveats.md item 1):
// `以上` ("X or more") INCLUDES X; `不满` ("fewer than X") EXCLUDES it (Civil Code art. 1259). So exactly 100,000
// needs a standard contract or certification, exactly 1,000,000 and exactly 10,000 sensitive need a security
// assessment. Counts are individuals, cumulative since 1 January of the CURRENT year (caveats.md item 2).
import { CAVEATS_FILE, COMPILATION_AS_OF, type Provenance, type Sourced } from './provenance.ts'

export const THRESHOLD_READING = {
	text: "Chinese '以上' (yi shang) and '以内/以下' INCLUDE the number; '不满' (bu man) and '超过' EXCLUDE it (Civil Code art. 1259). So 100,000 is inside 'X以上' and outside '不满X'.",
	source: 'https://jusspace.com/forum.php?goto=lastpost&mod=redirect&tid=1550',
	asOf: '2020 (Civil Code in force 2021-01-01)',
	verified: true,
	note: 'Quotes Civil Code art.1259 with official commentary; applies to civil-law terms, used by drafting convention in administrative rules',
	conflict:
		"Some English summaries (e.g. translate.hicom-asia.com) render 以上 as 'more than', which would move exactly 1,000,000 and exactly 10,000 out of the security-assessment band. caveats.md item 1.",
} as const satisfies Sourced

const ORDER_16 = 'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm'

export const PROVISIONS_2024 = {
	name: 'Provisions on Promoting and Regulating Cross-Border Data Flows (促进和规范数据跨境流动规定), CAC Order No.16',
	approved: '2023-11-28',
	promulgatedAndEffective: '2024-03-22',
	source: ORDER_16,
	asOf: '2024-03-22',
	verified: true,
	sourceNote:
		'Full text also in State Council Gazette: http://big5.www.gov.cn/gate/big5/www.gov.cn/gongbao/2024/issue_11366/202405/content_6954192.html',
	countingWindow: 'cumulative since 1 January of the CURRENT year (自当年1月1日起累计); counted in individuals',
	articleSources: {
		arts1To5Text: 'http://33809.123451234567.asia/index.php?7d=Y6.html (scraped full text)',
		arts7And8Quoted:
			'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm (quoted verbatim in GitHub review memo,and GitHub analysis id 59388467343)',
		art9Quoted: 'same memo: 有效期届满前60个工作日内 ... 可以延长评估结果有效期3年',
		summary: 'http://www.yyjob.cn/06010896.html (reprint of CAC official Q&A)',
	},
} as const satisfies Sourced

/** What an article does: the mechanism it leads to, or a rule around the mechanisms. */
export const PROVISION_ARTICLE_KINDS = [
	'scope',
	'exempt',
	'security_assessment',
	'standard_contract_or_certification',
	'procedure',
] as const
export type ProvisionArticleKind = (typeof PROVISION_ARTICLE_KINDS)[number]

/** Volume bounds, individuals since 1 January. `…Gte` is 以上 (includes), `…Lt` is 不满 (excludes). */
export interface VolumeThreshold {
	nonSensitiveGte?: number
	nonSensitiveLt?: number
	sensitiveGte?: number
	sensitiveLt?: number
}

export interface ProvisionArticle extends Provenance {
	art: string
	kind: ProvisionArticleKind
	rule: string
	threshold?: VolumeThreshold
}

export const PROVISIONS_2024_ARTICLES: readonly ProvisionArticle[] = [
	{
		art: '2',
		kind: 'scope',
		rule: 'Processors identify/declare important data per rules; data NOT notified by authorities or publicly released as important data need not be declared as important data for a security assessment',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '3',
		kind: 'exempt',
		rule: 'EXEMPT: data collected/generated in international trade, cross-border transport, academic cooperation, transnational manufacturing and marketing, containing no PI and no important data',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '4',
		kind: 'exempt',
		rule: 'EXEMPT: PI collected/generated OUTSIDE China, transferred into China for processing and then sent out, with no domestic PI or important data introduced during processing',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '5(1)',
		kind: 'exempt',
		rule: 'EXEMPT: necessary to conclude/perform a contract to which the individual is a party (e.g. cross-border shopping, delivery, remittance, payment, account opening, flight/hotel booking, visa, exam services)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '5(2)',
		kind: 'exempt',
		rule: 'EXEMPT: necessary for cross-border HR management under lawfully formulated labour rules and lawfully concluded collective contracts (employee PI)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '5(3)',
		kind: 'exempt',
		rule: 'EXEMPT: necessary in an emergency to protect life, health and property of natural persons',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '5(4)',
		kind: 'exempt',
		rule: "EXEMPT: non-CIIO, cumulative since 1 Jan of current year < 100,000 individuals' PI (EXCLUDING sensitive PI)",
		threshold: { nonSensitiveLt: 100_000 },
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '6',
		kind: 'exempt',
		rule: "EXEMPT: FTZ processors exporting data NOT on the FTZ's negative list (list approved by provincial cyberspace commission, filed with CAC and National Data Administration)",
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '7(1)',
		kind: 'security_assessment',
		rule: 'SECURITY ASSESSMENT: CIIO providing ANY PI or important data abroad (unless arts 3-6 apply)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '7(2)',
		kind: 'security_assessment',
		rule: "SECURITY ASSESSMENT: non-CIIO providing important data, or cumulative since 1 Jan of current year >= 1,000,000 individuals' PI (excluding sensitive) or >= 10,000 individuals' sensitive PI (unless arts 3-6 apply)",
		threshold: { nonSensitiveGte: 1_000_000, sensitiveGte: 10_000 },
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '8',
		kind: 'standard_contract_or_certification',
		rule: "STANDARD CONTRACT or CERTIFICATION: non-CIIO, cumulative since 1 Jan of current year >= 100,000 and < 1,000,000 individuals' PI (excluding sensitive) or < 10,000 individuals' sensitive PI (no lower floor for sensitive) (unless arts 3-6 apply)",
		threshold: { nonSensitiveGte: 100_000, nonSensitiveLt: 1_000_000, sensitiveLt: 10_000, sensitiveGte: 1 },
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '9',
		kind: 'procedure',
		rule: 'Security assessment result valid 3 YEARS from issue; may apply for extension within 60 working days before expiry via provincial CAC; if approved, extended by 3 years',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '10',
		kind: 'procedure',
		rule: 'Exporters of PI must still give notice, obtain separate consent and conduct a PIPIA as required by law',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: false,
	},
	{
		art: '11',
		kind: 'procedure',
		rule: 'Data security protection duties; report security incidents to provincial-or-higher CAC',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		art: '13',
		kind: 'procedure',
		rule: 'Where the 2022 Security Assessment Measures or 2023 Standard Contract Measures conflict with these Provisions, these Provisions prevail',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
]

/**
 * The numbers of Order No. 16 in one place, for engines and tests. Each bound is named for its reading:
 * `…From` is 以上 (the number itself is inside), `…Below` is 不满 (the number itself is outside).
 */
export const CROSS_BORDER_THRESHOLDS = {
	/** art. 5(4): non-CIIO, non-sensitive PI of 不满 100,000 individuals is exempt (99,999 exempt; 100,000 not). */
	exemptNonSensitiveBelow: 100_000,
	/** art. 8: 100,000 以上 and 不满 1,000,000 non-sensitive → standard contract or certification. */
	contractNonSensitiveFrom: 100_000,
	/** art. 7(2): 1,000,000 以上 non-sensitive → security assessment (exactly 1,000,000 included). */
	assessmentNonSensitiveFrom: 1_000_000,
	/** art. 8: 不满 10,000 sensitive (from 1; no lower floor) → standard contract or certification. */
	contractSensitiveFrom: 1,
	/** art. 7(2): 10,000 以上 sensitive → security assessment (exactly 10,000 included). */
	assessmentSensitiveFrom: 10_000,
	/** art. 9: a security assessment result is valid 3 years from issue. */
	assessmentValidityYears: 3,
	/** art. 9: extension may be applied for within 60 working days before expiry; extends by 3 years. */
	assessmentExtensionWindowWorkingDays: 60,
	assessmentExtensionYears: 3,
	/** Certification Measures 2025: certificate valid 3 years. */
	certificationValidityYears: 3,
	/** Standard Contract Measures art. 7: file within 10 working days after the contract takes effect. */
	standardContractFilingWorkingDays: 10,
	source: ORDER_16,
	asOf: '2024-03-22',
	verified: true,
} as const satisfies Sourced

export const MEASURES_2022_SECURITY_ASSESSMENT = {
	name: 'Measures for Security Assessment of Outbound Data Transfers (数据出境安全评估办法), CAC Order No.11',
	promulgated: '2022-07-07',
	effective: '2022-09-01',
	source: 'https://www.cac.gov.cn/2022-07/07/c_1658811536396503.htm',
	asOf: '2022-09-01',
	verified: true,
	art4Triggers: [
		'any important data',
		'CIIO, or processor handling PI of >= 1,000,000 individuals, providing PI abroad',
		'cumulative since 1 January of the PREVIOUS year: PI of 100,000 individuals or sensitive PI of 10,000 individuals',
		'other CAC-specified cases',
	],
	triggerSource: 'https://epaper.bbtnews.com.cn/site1/bjsb/html/2022-07/08/content_477083.htm?div=-1',
	validity: '2 years (art.14) - superseded by 3 years under 2024 Provisions art.9',
	reviewTime: 'CAC to complete within 45 working days of acceptance notice, extendable (art.12)',
	reviewTimeVerified: false,
	note: 'Superseded where it conflicts with the 2024 Provisions (art. 13). Its triggers (previous-year window, 100,000 → assessment, processes >= 1M) are NOT the current ones. caveats.md item 2.',
} as const satisfies Sourced

export const MEASURES_2023_STANDARD_CONTRACT = {
	name: 'Measures on the Standard Contract for Outbound Transfer of PI (个人信息出境标准合同办法), CAC Order No.13',
	promulgated: '2023-02-24',
	effective: '2023-06-01',
	source: 'https://www.cac.gov.cn/2023-02/24/c_1678884830036813.htm',
	asOf: '2023-06-01',
	verified: true,
	art4OriginalConditions: [
		'non-CIIO',
		'handles PI of < 1,000,000 individuals',
		"cumulative since 1 Jan of previous year < 100,000 individuals' PI",
		"cumulative since 1 Jan of previous year < 10,000 individuals' sensitive PI",
	],
	originalConditionsSource: 'http://www.b4dc4.cn/video/2023/0530/262640.html (CCTV reprint of Filing Guide v1)',
	filingDeadline:
		'file with provincial CAC within 10 working days after the standard contract takes effect, together with the PIPIA report (art.7)',
	filingDeadlineSource:
		'http://www.tianyuanriji.com/news/news1/859.html (Hebei CAC filing guidance: 10 working days; 15 working days CAC check)',
	filingGuideV2: {
		date: '2024-03-22',
		scope:
			"non-CIIO; 100,000-<1,000,000 non-sensitive or <10,000 sensitive since 1 Jan current year; no splitting of volumes to avoid assessment; 'export' includes remote access from abroad (query, retrieve, download, export of China-stored PI)",
		source: 'https://www.waitang.com/report/51485001.html',
	},
} as const satisfies Sourced

export const CERTIFICATION_2025 = {
	name: 'Measures for Certification of Outbound PI Transfers (个人信息出境认证办法), CAC/SAMR Order No.20',
	promulgated: '2025-10-14',
	effective: '2026-01-01',
	source: 'https://www.cac.gov.cn/2025-10/17/c_1762449728720008.htm',
	asOf: '2026-01-01',
	verified: true,
	sourceNote: 'CAC explainer: http://www.cac.gov.cn/2025-10/17/c_1762449729745366.htm',
	conditions: [
		'non-CIIO',
		'cumulative since 1 Jan of current year 100,000-<1,000,000 non-sensitive PI or <10,000 sensitive PI',
		'no important data in the PI exported',
		'no splitting of volumes to avoid security assessment',
	],
	certificateValidityYears: 3,
	certificationBodyFiling: 'certification bodies file with CAC within 10 working days of obtaining qualification',
	detailSource: 'http://blog.meiducn.com/m?id=9346526',
} as const satisfies Sourced

export const FTZ_NEGATIVE_LISTS = {
	text: 'Tianjin, Beijing, Hainan, Shanghai, Zhejiang and other FTZs have issued negative lists (17 sectors reported, e.g. autos, pharma, retail, civil aviation, reinsurance); Guangxi FTZ 2025 list example',
	source: 'https://www.secrss.com/articles/81909',
	asOf: '2025',
	verified: true,
	note: "FTZ negative lists are per zone and per sector: whether a data type is outside the list has to be checked against the specific zone's list. caveats.md.",
} as const satisfies Sourced

export const REQUIRED_MECHANISMS = ['security_assessment', 'standard_contract_or_certification', 'exempt'] as const
export type RequiredMechanism = (typeof REQUIRED_MECHANISMS)[number]

export interface MechanismThresholdRow extends Provenance {
	case: string
	mechanism: RequiredMechanism
	basis: string
}

/** The mechanism table, in the JSON's order (assessment cases first, exemptions last). */
export const MECHANISM_THRESHOLDS_TABLE: readonly MechanismThresholdRow[] = [
	{
		case: 'CIIO, any PI (non-exempt purpose) or important data',
		mechanism: 'security_assessment',
		basis: '2024 Provisions art.7(1)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'non-CIIO, important data',
		mechanism: 'security_assessment',
		basis: 'art.7(2)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'non-CIIO, non-sensitive >= 1,000,000',
		mechanism: 'security_assessment',
		basis: 'art.7(2)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'non-CIIO, sensitive >= 10,000',
		mechanism: 'security_assessment',
		basis: 'art.7(2)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'non-CIIO, non-sensitive 100,000-999,999',
		mechanism: 'standard_contract_or_certification',
		basis: 'art.8',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'non-CIIO, sensitive 1-9,999',
		mechanism: 'standard_contract_or_certification',
		basis: 'art.8',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'non-CIIO, non-sensitive 0-99,999 and no sensitive',
		mechanism: 'exempt',
		basis: 'art.5(4)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'any processor, contract with the individual / cross-border HR / emergency (PI strictly necessary)',
		mechanism: 'exempt',
		basis: 'art.5(1)-(3)',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'foreign-collected PI processed in China and returned, nothing domestic added',
		mechanism: 'exempt',
		basis: 'art.4',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'no PI and no important data',
		mechanism: 'exempt',
		basis: 'art.3',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
	{
		case: 'FTZ processor, data outside FTZ negative list',
		mechanism: 'exempt',
		basis: 'art.6',
		source: ORDER_16,
		asOf: '2024-03-22',
		verified: true,
	},
]

/**
 * Interpretive points from caveats.md ("Interpretive points in the cross-border cases") and the reference README
 * (precedence). They are the compiler's reading, not a cited source: `verified: false`.
 */
export const CROSS_BORDER_INTERPRETIVE_NOTES: readonly (Provenance & { topic: string; text: string })[] = [
	{
		topic: 'mixed sensitive and non-sensitive volumes',
		text: 'Art. 5(4) exempts fewer than 100,000 individuals "excluding sensitive PI". In a mixed transfer, the sensitive subset needs Art. 8; filing one standard contract for the whole flow is the practical approach. This is interpretive.',
		source: CAVEATS_FILE,
		asOf: COMPILATION_AS_OF,
		verified: false,
	},
	{
		topic: '确需 (strictly necessary)',
		text: 'Art. 5(1)-(3) cover only the PI that is strictly necessary for the contract, HR or emergency purpose. Analytics on employee data beyond HR administration falls back to the volume tests.',
		source: CAVEATS_FILE,
		asOf: COMPILATION_AS_OF,
		verified: false,
	},
	{
		topic: 'CIIO status',
		text: "CIIO status depends on notification by the sector protection work department (CII Regulations, effective 2021-09-01). Most multinationals' China entities are not CIIOs, but banks, telecoms and energy companies may be.",
		source: CAVEATS_FILE,
		asOf: COMPILATION_AS_OF,
		verified: false,
	},
	{
		topic: 'remote access is an export',
		text: 'Relocating a role while leaving the data in Shanghai is still a transfer if the offshore team can access PI stored in China (Filing Guide v2).',
		source: CAVEATS_FILE,
		asOf: COMPILATION_AS_OF,
		verified: false,
	},
	{
		topic: 'precedence',
		text: 'Exemptions (arts. 3-6) take precedence over arts. 7 and 8; art. 5(1)-(3) cover personal information only and apply to CIIOs too; art. 5(4) is for non-CIIOs only and covers non-sensitive personal information only.',
		source: CAVEATS_FILE,
		asOf: COMPILATION_AS_OF,
		verified: false,
	},
]
