// The laws behind the exposure dimensions: CSL, MLPS 2.0, DSL, PIPL and the Network Data Regulations, with their key
// obligations and penalties. Copied from shared/reference/regulations.json (`regulations`); wording kept as there.
// Rows the JSON left without `as_of` / `verified` inherit them from their law (said per block below).
// MLPS details (levels, filing, grading matrix) are in ./mlps.ts; the cross-border regime in ./cross-border.ts.
import { type Provenance } from './provenance.ts'

export const REGULATION_IDS = ['CN-CSL', 'CN-MLPS2', 'CN-DSL', 'CN-PIPL', 'CN-NDSMR'] as const
export type RegulationId = (typeof REGULATION_IDS)[number]

export interface Regulation extends Provenance {
	id: RegulationId
	name: string
	/** Adopted / issued / published, as the JSON names it (null when it gives none). */
	issued: string | null
	effective: string
	amended: string | null
	issuer: string | null
	replaces: string | null
	sourceNote?: string
}

export const REGULATIONS: readonly Regulation[] = [
	{
		id: 'CN-CSL',
		name: 'PRC Cybersecurity Law (网络安全法)',
		issued: null,
		effective: '2017-06-01',
		amended: 'Amendment adopted 2025-10-28, effective 2026-01-01 (articles renumbered; penalties raised)',
		issuer: null,
		replaces: null,
		source: 'https://www.cac.gov.cn/2016-11/07/c_1119867116.htm',
		asOf: '2017-06-01 text',
		verified: true,
	},
	{
		id: 'CN-MLPS2',
		name: 'Multi-Level Protection Scheme 2.0 - GB/T 22239-2019 Baseline for classified protection of cybersecurity',
		issued: '2019-05-10',
		effective: '2019-12-01',
		amended: null,
		issuer: 'SAMR + SAC',
		replaces: 'GB/T 22239-2008',
		source: 'https://www.chinesestandard.us/products/GBT22239-2019?country=CN',
		asOf: '2019-12-01',
		verified: true,
		sourceNote: 'English TOC of the standard; Chinese TOC at https://www.guifanku.com/757492.html',
	},
	{
		id: 'CN-DSL',
		name: 'PRC Data Security Law (数据安全法)',
		issued: null,
		effective: '2021-09-01',
		amended: null,
		issuer: null,
		replaces: null,
		source: 'https://www.cac.gov.cn/2021-06/11/c_1624994566919140.htm',
		asOf: '2021-09-01',
		verified: true,
	},
	{
		id: 'CN-PIPL',
		name: 'PRC Personal Information Protection Law (个人信息保护法)',
		issued: '2021-08-20',
		effective: '2021-11-01',
		amended: null,
		issuer: null,
		replaces: null,
		source: 'http://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html',
		asOf: '2021-11-01',
		verified: true,
	},
	{
		id: 'CN-NDSMR',
		name: 'Regulations on Network Data Security Management (网络数据安全管理条例, State Council Decree 790)',
		issued: '2024-09-30',
		effective: '2025-01-01',
		amended: null,
		issuer: null,
		replaces: null,
		source: 'https://www.cac.gov.cn/2024-09/30/c_1729384452307680.htm',
		asOf: '2025-01-01',
		verified: true,
	},
]

/** One obligation (or defining rule) of a law, by article. */
export interface RegulationObligation extends Provenance {
	regulationId: RegulationId
	/** As the JSON gives it: '37', '34-36', '2022 Measures art.19', or '' where it names none. */
	article: string
	text: string
}

const CSL_2017 = 'https://www.cac.gov.cn/2016-11/07/c_1119867116.htm'
const CSL_2017_P2 = 'https://www.cac.gov.cn/2016-11/07/c_1119867116_2.htm'
const DSL = 'https://www.cac.gov.cn/2021-06/11/c_1624994566919140.htm'
const PIPL = 'http://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html'
const NDSMR = 'https://www.cac.gov.cn/2024-09/30/c_1729384452307680.htm'

export const REGULATION_OBLIGATIONS: readonly RegulationObligation[] = [
	// CSL key obligations: as_of inherited from the law ('2017-06-01 text'); verified inherited (true) unless the row says false.
	{
		regulationId: 'CN-CSL',
		article: '21',
		text: 'Network operators must implement the multi-level protection scheme (MLPS); keep network logs >= 6 months',
		source: CSL_2017,
		asOf: '2017-06-01 text',
		verified: true,
	},
	{
		regulationId: 'CN-CSL',
		article: '31',
		text: 'Critical information infrastructure (CII): public communications/information services, energy, transport, water, finance, public services, e-government and others whose compromise could seriously harm national security/livelihood/public interest',
		source: CSL_2017_P2,
		asOf: '2017-06-01 text',
		verified: true,
	},
	{
		regulationId: 'CN-CSL',
		article: '34-36',
		text: 'CIIO extra duties: security management body, background checks on key personnel, training, disaster backup, emergency plans; procurement affecting national security subject to security review (art.35); security/confidentiality agreements with suppliers (art.36)',
		source: CSL_2017_P2,
		asOf: '2017-06-01 text',
		verified: true,
	},
	{
		regulationId: 'CN-CSL',
		article: '37',
		text: 'Data localisation: CIIOs must store personal information and important data collected/generated in operations in mainland China within China; where export is truly necessary, security assessment per CAC/State Council measures',
		source: CSL_2017_P2,
		asOf: '2017-06-01 text',
		verified: true,
	},
	{
		regulationId: 'CN-CSL',
		article: '38',
		text: 'CIIO must inspect/assess its network security and risks at least once a year',
		source: CSL_2017_P2,
		asOf: '2017-06-01 text',
		verified: false,
	},
	{
		regulationId: 'CN-CSL',
		article: '40-44',
		text: 'Personal information protection duties of network operators (now largely superseded/supplemented by PIPL)',
		source: CSL_2017_P2,
		asOf: '2017-06-01 text',
		verified: true,
	},
	{
		regulationId: 'CN-CSL',
		article: 'CII Regulations (State Council Decree 745)',
		text: "CIIOs are identified by sector 'protection work departments' and notified; Regulations on Security Protection of CII (State Council Decree 745) effective 2021-09-01",
		source: 'https://github.com/international-explore/awesome-privacy-chinese',
		asOf: '2021-09-01',
		verified: true,
		note: 'Effective date seen in third-party list; designation-by-notification detail from general knowledge',
	},

	// DSL key obligations (each row carries its own as_of and verified in the JSON).
	{
		regulationId: 'CN-DSL',
		article: '21',
		text: "Data classification & grading; regions/departments publish important-data catalogues; 'core data' = data concerning national security, lifelines of the national economy, important aspects of people's livelihood and major public interests -> stricter management",
		source: DSL,
		asOf: '2021-09-01',
		verified: false,
	},
	{
		regulationId: 'CN-DSL',
		article: '27',
		text: 'Full-process data security management; processors of important data designate a data security officer and management body',
		source: DSL,
		asOf: '2021-09-01',
		verified: false,
	},
	{
		regulationId: 'CN-DSL',
		article: '30',
		text: 'Important-data processors: periodic risk assessments, reports to authorities',
		source: DSL,
		asOf: '2021-09-01',
		verified: false,
	},
	{
		regulationId: 'CN-DSL',
		article: '31',
		text: 'Export of important data: CIIOs under CSL; other processors under CAC/State Council measures',
		source: DSL,
		asOf: '2021-09-01',
		verified: false,
	},
	{
		regulationId: 'CN-DSL',
		article: '36',
		text: 'No provision of data stored in China to foreign judicial/law-enforcement bodies without approval of PRC authorities',
		source: DSL,
		asOf: '2021-09-01',
		verified: false,
	},
	{
		// Important-data definition; as_of inherited from the DSL.
		regulationId: 'CN-DSL',
		article: '2022 Measures art.19',
		text: 'Important data: data that, once tampered with, destroyed, leaked or illegally obtained/used, may endanger national security, economic operation, social stability, public health and safety',
		source: 'https://www.cac.gov.cn/2022-07/07/c_1658811536396503.htm',
		asOf: '2021-09-01',
		verified: true,
	},

	// PIPL: as_of inherited from the law ('2021-11-01') where the JSON gives none.
	{
		regulationId: 'CN-PIPL',
		article: '28',
		text: 'Sensitive PI: biometrics, religious beliefs, specific identities, medical health, financial accounts, whereabouts/tracking, PI of minors under 14. Rules: specific purpose + sufficient necessity + strict protection; separate consent (art.29); notice of necessity and impact (art.30)',
		source: 'https://huggingface.co/datasets/Dusker/chinese-laws-pretrain',
		asOf: '2021-11-01',
		verified: true,
	},
	{
		regulationId: 'CN-PIPL',
		article: '38',
		text: 'Bases for providing PI abroad: CAC security assessment (per art.40); PI protection certification by a professional institution per CAC rules; CAC standard contract with the foreign recipient; other conditions set by laws/administrative regulations/CAC',
		source: PIPL,
		asOf: '2021-11-01',
		verified: false,
	},
	{
		regulationId: 'CN-PIPL',
		article: '39',
		text: 'Notify individuals of recipient identity, contact, purposes, methods, PI categories, how to exercise rights; obtain SEPARATE consent',
		source: PIPL,
		asOf: '2021-11-01',
		verified: false,
	},
	{
		regulationId: 'CN-PIPL',
		article: '40',
		text: 'CIIOs and processors handling PI reaching the CAC-set volume must store PI collected in China domestically; export needs CAC security assessment',
		source: PIPL,
		asOf: '2021-11-01',
		verified: false,
	},
	{
		regulationId: 'CN-PIPL',
		article: '41',
		text: 'No provision of PI stored in China to foreign judicial/law-enforcement bodies without approval',
		source: PIPL,
		asOf: '2021-11-01',
		verified: false,
	},
	{
		regulationId: 'CN-PIPL',
		article: '52',
		text: 'PI protection officer: processors handling PI of >= 1,000,000 individuals (PIPL art.52 + Compliance Audit Measures art.12); report officer details to city-level CAC within 30 working days of reaching 1,000,000; those already over the threshold by 2025-08-29',
		source: 'https://www.163.com/dy/article/K4PF5J6B05129QAF.html',
		asOf: '2025-07-18 (CAC announcement)',
		verified: true,
	},
	{
		regulationId: 'CN-PIPL',
		article: '53',
		text: 'Offshore processors caught by art.3(2) must set up a dedicated entity or designate a representative in China',
		source: PIPL,
		asOf: '2021-11-01',
		verified: false,
	},
	{
		regulationId: 'CN-PIPL',
		article: '55-56',
		text: 'PI protection impact assessment (PIPIA) before: processing sensitive PI; automated decision-making; entrusting processing / providing PI to other processors / public disclosure; providing PI abroad; other processing with major impact on individuals. PIPIA report and processing records kept >= 3 years',
		source: PIPL,
		asOf: '2021-11-01',
		verified: false,
	},
	{
		regulationId: 'CN-PIPL',
		article: 'Compliance Audit Measures (CAC; published 2025-02-14, effective 2025-05-01)',
		text: "Processors handling PI of > 10,000,000 individuals: at least once every 2 years; others: 'regularly'; regulators may order an audit by a professional institution when risk is high or an incident occurs",
		source:
			'https://www.kwm.com/cn/zh/insights/latest-thinking/interpretation-of-china-s-new-rules-on-personal-information-compliance-audit.html',
		asOf: '2025-05-01',
		verified: true,
		note: '2023 draft said > 1,000,000 -> annual audit; others every 2 years (not adopted). Second source: http://m.hfbida.com/news/735795.html',
	},

	// Network Data Regulations: each point carries its own as_of and verified in the JSON.
	{
		regulationId: 'CN-NDSMR',
		article: '30, 32',
		text: 'Processors handling PI of >= 10,000,000 individuals must also follow the rules for important-data processors (arts 30, 32: data security officer/body; reporting on mergers, splits etc.)',
		source: NDSMR,
		asOf: '2025-01-01',
		verified: false,
	},
	{
		regulationId: 'CN-NDSMR',
		article: '',
		text: 'Important-data processors: annual risk assessment of their network data processing, report to provincial authorities',
		source: NDSMR,
		asOf: '2025-01-01',
		verified: true,
		note: 'seen only in garbled scraped copies',
	},
	{
		regulationId: 'CN-NDSMR',
		article: '35',
		text: 'Art.35 restates PI export bases: security assessment, certification, standard contract, contract-performance / cross-border HR necessity, emergencies, other CAC conditions',
		source: NDSMR,
		asOf: '2025-01-01',
		verified: false,
	},
	{
		regulationId: 'CN-NDSMR',
		article: '37',
		text: 'Art.37: data not notified/published as important data need not be declared as important data (mirrors 2024 Provisions art.2)',
		source: NDSMR,
		asOf: '2025-01-01',
		verified: false,
	},
]

/** PIPL art. 28 categories of sensitive personal information (source and flags on the art. 28 obligation above). */
export const PIPL_SENSITIVE_PI_CATEGORIES = [
	'biometrics',
	'religious beliefs',
	'specific identities',
	'medical health',
	'financial accounts',
	'whereabouts/tracking',
	'PI of minors under 14',
] as const

/** PIPL art. 52 + Compliance Audit Measures art. 12: 以上, so exactly 1,000,000 needs an officer. */
export const PI_PROTECTION_OFFICER_THRESHOLD_INDIVIDUALS = 1_000_000

// ---------------------------------------------------------------------------------------------------------------
// Penalties

export const PENALTY_TEXT_VERSIONS = ['2017', '2026', 'in_force'] as const
/** '2017': CSL as first enacted; '2026': CSL as amended, in force 2026-01-01; 'in_force': other laws' current text. */
export type PenaltyTextVersion = (typeof PENALTY_TEXT_VERSIONS)[number]

/** One band of a fine. Bounds are whole RMB; null where the text gives no such bound. */
export interface FineTier {
	label: string
	minRmb: number | null
	maxRmb: number | null
	/** PIPL art. 66: 'or up to 5% of prior-year turnover' (0.05); null elsewhere. */
	maxShareOfPriorYearTurnover: number | null
}

export interface PenaltyProvision extends Provenance {
	regulationId: RegulationId
	textVersion: PenaltyTextVersion
	article: string
	who: string
	/** The JSON's own words for the sanction (fine, trigger, extra, escalation, serious), joined with ' | '. */
	wording: string
	entity: readonly FineTier[]
	individuals: readonly FineTier[]
}

const tier = (label: string, minRmb: number | null, maxRmb: number | null, share: number | null = null): FineTier => ({
	label,
	minRmb,
	maxRmb,
	maxShareOfPriorYearTurnover: share,
})

const DLA_CSL_2026 = 'https://privacymatters.dlapiper.com/2025/11/china-amendments-to-cybersecurity-law-effective-1-january-2026/'

export const PENALTIES: readonly PenaltyProvision[] = [
	// CSL, 2017 text. as_of inherited from the law ('2017-06-01 text').
	{
		regulationId: 'CN-CSL',
		textVersion: '2017',
		article: '59(1)',
		who: 'network operator failing arts 21/25',
		wording:
			'fine RMB 10,000-100,000 | trigger: refuses to rectify or causes harm (first step is warning only) | individuals RMB 5,000-50,000',
		entity: [tier('refuses to rectify or causes harm', 10_000, 100_000)],
		individuals: [tier('responsible individuals', 5_000, 50_000)],
		source: 'http://crsrw.com/qiyezixun/124054.html',
		asOf: '2017-06-01 text',
		verified: true,
	},
	{
		regulationId: 'CN-CSL',
		textVersion: '2017',
		article: '59(2)',
		who: 'CIIO failing arts 33/34/36/38',
		wording: 'fine RMB 100,000-1,000,000 | trigger: refuses to rectify or causes harm | individuals RMB 10,000-100,000',
		entity: [tier('refuses to rectify or causes harm', 100_000, 1_000_000)],
		individuals: [tier('responsible individuals', 10_000, 100_000)],
		source: 'http://crsrw.com/qiyezixun/124054.html',
		asOf: '2017-06-01 text',
		verified: true,
	},
	{
		regulationId: 'CN-CSL',
		textVersion: '2017',
		article: '64',
		who: 'PI violations (arts 22(3), 41-43)',
		wording: '1-10x illegal income; if none, up to RMB 1,000,000; serious: suspension, licence revocation | individuals RMB 10,000-100,000',
		entity: [tier('1-10x illegal income', null, null), tier('no illegal income', null, 1_000_000)],
		individuals: [tier('responsible individuals', 10_000, 100_000)],
		source: 'http://zgdxy.com.cn/article/html/18965_7.html',
		asOf: '2017-06-01 text',
		verified: true,
		note: "scraped copy shows 'up to RMB 500,000' garbled; official text reads 一百万元以下 (general knowledge) - see caveats.md",
		conflict:
			'One scraped copy reads 五十万元以下 (RMB 500,000); the official text per general knowledge is 一百万元以下 (RMB 1,000,000). caveats.md item 5.',
	},
	{
		regulationId: 'CN-CSL',
		textVersion: '2017',
		article: '66',
		who: 'CIIO storing/exporting data abroad in breach of art.37',
		wording:
			'fine RMB 50,000-500,000 | confiscate illegal income; may order suspension, website closure, licence revocation | individuals RMB 10,000-100,000',
		entity: [tier('breach of art.37', 50_000, 500_000)],
		individuals: [tier('responsible individuals', 10_000, 100_000)],
		source: CSL_2017_P2,
		asOf: '2017-06-01 text',
		verified: false,
	},

	// CSL as amended (effective 2026-01-01).
	{
		regulationId: 'CN-CSL',
		textVersion: '2026',
		article: '61 (formerly 59)',
		who: 'network operator',
		wording:
			'warning + may fine 10,000-50,000; refuses/causes harm 50,000-500,000; individuals 10,000-100,000; large-scale data leak or similarly serious consequences: up to 2,000,000 (per DLA Piper)',
		entity: [
			tier('warning + may fine', 10_000, 50_000),
			tier('refuses to rectify or causes harm', 50_000, 500_000),
			tier('large-scale data leak or similarly serious consequences', null, 2_000_000),
		],
		individuals: [tier('responsible individuals', 10_000, 100_000)],
		source: DLA_CSL_2026,
		asOf: '2025-11',
		verified: true,
		conflict:
			'DLA Piper: non-CIIO maximum RMB 2,000,000; Hunton: ordinary businesses up to RMB 500,000. Likely different tiers; the amended article text was not seen in full. caveats.md item 4.',
	},
	{
		regulationId: 'CN-CSL',
		textVersion: '2026',
		article: '61 (formerly 59)',
		who: 'CIIO',
		wording:
			'warning + may fine 50,000-100,000; especially serious (e.g. loss of main CII functions): up to 10,000,000; responsible individuals up to 1,000,000',
		entity: [tier('warning + may fine', 50_000, 100_000), tier('especially serious (e.g. loss of main CII functions)', null, 10_000_000)],
		individuals: [tier('responsible individuals', null, 1_000_000)],
		source: 'https://www.hunton.com/privacy-and-information-security-law/cac-issues-amendment-to-the-cybersecurity-law-of-china',
		asOf: '2025-10-28',
		verified: true,
	},
	{
		regulationId: 'CN-CSL',
		textVersion: '2026',
		article: 'content obligations',
		who: 'network operator (content obligations)',
		wording: 'up to 10,000,000 (was 500,000)',
		entity: [tier('content obligations', null, 10_000_000)],
		individuals: [],
		source: DLA_CSL_2026,
		asOf: '2025-11',
		verified: true,
	},

	// DSL.
	{
		regulationId: 'CN-DSL',
		textVersion: 'in_force',
		article: '45(1)',
		who: 'fails data security duties (arts 27, 29, 30)',
		wording:
			'fine RMB 50,000-500,000; individuals 10,000-100,000 | escalation: refuses to rectify or large data leak: 500,000-2,000,000, suspension/licence revocation; individuals 50,000-200,000',
		entity: [tier('fails data security duties', 50_000, 500_000), tier('refuses to rectify or large data leak', 500_000, 2_000_000)],
		individuals: [tier('responsible individuals', 10_000, 100_000), tier('refuses to rectify or large data leak', 50_000, 200_000)],
		source: DSL,
		asOf: '2021-09-01',
		verified: false,
	},
	{
		regulationId: 'CN-DSL',
		textVersion: 'in_force',
		article: '45(2)',
		who: 'violates national core data management system, endangering sovereignty/security/development interests',
		wording: 'fine RMB 2,000,000-10,000,000 | suspension, licence revocation; criminal liability',
		entity: [tier('core data violation', 2_000_000, 10_000_000)],
		individuals: [],
		source: DSL,
		asOf: '2021-09-01',
		verified: false,
	},
	{
		regulationId: 'CN-DSL',
		textVersion: 'in_force',
		article: '46',
		who: 'exports important data in breach of art.31',
		wording:
			'fine RMB 100,000-1,000,000; individuals 10,000-100,000 | serious: 1,000,000-10,000,000 + suspension/revocation; individuals 100,000-1,000,000',
		entity: [tier('unlawful export of important data', 100_000, 1_000_000), tier('serious', 1_000_000, 10_000_000)],
		individuals: [tier('responsible individuals', 10_000, 100_000), tier('serious', 100_000, 1_000_000)],
		source: 'https://www.chinadataregulation.com/laws/dsl/articles/article-46',
		asOf: '2021-09-01',
		verified: true,
	},
	{
		regulationId: 'CN-DSL',
		textVersion: 'in_force',
		article: '48(2)',
		who: 'provides data to foreign judicial/law-enforcement bodies without approval',
		wording: 'fine RMB 100,000-1,000,000 | serious: 1,000,000-5,000,000; individuals 10,000-100,000 (serious 50,000-500,000)',
		entity: [tier('provision without approval', 100_000, 1_000_000), tier('serious', 1_000_000, 5_000_000)],
		individuals: [tier('responsible individuals', 10_000, 100_000), tier('serious', 50_000, 500_000)],
		source: 'https://sktcar.xyz/html/23d06199915.html',
		asOf: '2021-09-01',
		verified: true,
		note: 'seen only on a garbled scraped copy; amounts consistent with official text per general knowledge',
	},

	// PIPL art. 66. as_of inherited from the law.
	{
		regulationId: 'CN-PIPL',
		textVersion: 'in_force',
		article: '66',
		who: 'PI processor violating PIPL',
		wording:
			'general: rectify, warning, confiscation of illegal gains, suspension of offending apps; refusal to rectify: fine up to RMB 1,000,000; responsible individuals RMB 10,000-100,000 | serious: up to RMB 50,000,000 or up to 5% of prior-year turnover; suspension, licence revocation; responsible individuals RMB 100,000-1,000,000 and may be barred from director/supervisor/senior-management/PI-officer roles for a period',
		entity: [tier('refusal to rectify', null, 1_000_000), tier('serious', null, 50_000_000, 0.05)],
		individuals: [tier('responsible individuals', 10_000, 100_000), tier('serious', 100_000, 1_000_000)],
		source: 'https://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html',
		asOf: '2021-11-01',
		verified: true,
		note: 'source quote seen: 并处五千万元以下或者上一年度营业额百分之五以下罚款 (seen quoted in multiple repositories)',
	},
]
