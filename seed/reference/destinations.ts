// Destination cities roles can move to: fully loaded cost per function, privacy regime, hiring lead time.
// Copied from shared/reference/regulations.json (`destinations`). READ BEFORE USING A COST:
// - almost every cost range is an ESTIMATE (the JSON's `type`), set with the rounded FX of ./fx.ts; the sourced
//   anchors are listed per city in `costEvidence` (caveats.md, "Caveats on cost figures");
// - the JSON gives one range, for back-office roles. The other functions are derived from its midpoint with the
//   multipliers below: those are this seed's assumptions, so every derived cost is evidence 'estimate';
// - hiringLeadTimeMonths is NOT in the reference: the figures are this seed's estimates (time to hire and onboard a
//   team of ~100-150: shorter in large, liquid labour markets, longer in Tokyo and Seoul).
import { type Destination, type DestinationCost, type StaffFunction } from '#models/domain.ts'
import { type Provenance } from './provenance.ts'

export interface PrivacyRegime extends Provenance {
	law: string
	/** null where the JSON gives no cross-border rule (the Shanghai baseline). */
	crossBorder: string | null
	penalty: string | null
	other?: string
	source2?: string
}

export interface CostEvidenceFact extends Provenance {
	fact: string
}

export interface DestinationReference {
	city: string
	country: string
	isMainlandChina: boolean
	/** Seed estimate, not from the reference (see the header). */
	hiringLeadTimeMonths: number
	/** Fully loaded USD per head per year for back-office roles; `type` as the JSON gives it. */
	backOfficeCostUsd: { low: number; high: number; type: string }
	/** The facts behind the range. No `verified` in the JSON: they were read in the cited sources, so true. */
	costEvidence: readonly CostEvidenceFact[]
	privacy: PrivacyRegime
	source: string
	asOf: string
}

const INDIA_PRIVACY: PrivacyRegime = {
	law: 'Digital Personal Data Protection Act 2023 + DPDP Rules 2025 (notified 14 Nov 2025; phased, full obligations by ~May 2027)',
	crossBorder:
		's.16 negative-list model: transfers allowed except to countries notified by the Central Government; stricter sectoral rules (e.g. RBI 2018 payment-data localisation) prevail',
	penalty: 'up to INR 250 crore per instance (failure of reasonable security safeguards)',
	source: 'https://legal500.com/c/india/practice-areas?practiceGroup=City+focus%3A+Mumbai',
	source2: 'https://www.getastra.com/blog/compliance/dpdp-compliance/',
	asOf: '2025-11/2026-06',
	verified: true,
}

/** The JSON's destinations, in its order (Hyderabad's privacy regime is Bengaluru's: `same_as` in the JSON). */
export const DESTINATION_REFERENCE: readonly DestinationReference[] = [
	{
		city: 'Singapore',
		country: 'SG',
		isMainlandChina: false,
		hiringLeadTimeMonths: 4,
		backOfficeCostUsd: { low: 50_000, high: 80_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: 'Median gross monthly income 2023 S$5,197 (incl. employee CPF, 1/12 bonus) = S$62,364/yr; with employer CPF ~S$72,966/yr (~USD 54k)',
				source:
					'https://be.readsgnews.com/en/news/singapore-hong-kong-taiwan-south-korea-japan-average-annual-salary-in-developed-asia-5891511',
				asOf: '2024-06 (MOM 2023 data)',
				verified: true,
			},
			{
				fact: 'IB analyst avg USD 63,305 vs HK USD 92,149 (Michael Page via Bloomberg Intelligence) - front-office, upper bound only',
				source:
					'https://www.dimsumdaily.hk/banking-professionals-in-hong-kong-command-salaries-surpassing-singaporean-counterparts-by-up-to-46/',
				asOf: '2024-02-21',
				verified: true,
			},
		],
		privacy: {
			law: 'Personal Data Protection Act 2012 (amended 2020/2021)',
			crossBorder:
				's.26 Transfer Limitation Obligation: recipient must be bound by legally enforceable obligations giving comparable protection (contract, BCRs, APEC CBPR/PRP certification, consent, prescribed exceptions)',
			penalty: 'up to 10% of annual Singapore turnover for organisations with turnover > S$10m, otherwise up to S$1m',
			source:
				'https://raw.githubusercontent.com/mukul975/Privacy-Data-Protection-Skills/9b2ef9eae161c00a17241d42a388571321b33e9f/skills/privacy/apac-transfers/SKILL.md',
			asOf: '2026-03 (third-party summary)',
			verified: true,
		},
		source:
			'https://be.readsgnews.com/en/news/singapore-hong-kong-taiwan-south-korea-japan-average-annual-salary-in-developed-asia-5891511',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Hong Kong',
		country: 'HK',
		isMainlandChina: false,
		hiringLeadTimeMonths: 4,
		backOfficeCostUsd: { low: 35_000, high: 60_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: 'Median monthly wage 2022 HK$19,100 (C&SD) = HK$229,200/yr (~USD 29k) before employer MPF 5%',
				source:
					'https://be.readsgnews.com/en/news/singapore-hong-kong-taiwan-south-korea-japan-average-annual-salary-in-developed-asia-5891511',
				asOf: '2024-06',
				verified: true,
			},
			{
				fact: "Office cost per workstation USD 27,432/yr, world's most expensive (real estate only)",
				source: 'http://media-outreach.com/release.php/View/taiwan/4450',
				asOf: '2017-12-01',
				verified: true,
			},
		],
		privacy: {
			law: 'Personal Data (Privacy) Ordinance Cap. 486',
			crossBorder:
				's.33 transfer restriction enacted but NEVER brought into force; PCPD Recommended Model Contractual Clauses (May 2022) as best practice; transfer for a new purpose needs prescribed consent (DPP3)',
			penalty: 'criminal fines per offence (no turnover-based fines)',
			source:
				'https://mayerbrown.com/zh-hans/insights/publications/2022/06/hong-kongs-2022-guidance-on-cross-border-data-transfers-implications-for-data-users-and-processors',
			asOf: '2022-06',
			verified: true,
			note: 'Hong Kong is outside the PRC for CAC purposes - transfers from mainland to HK are cross-border transfers',
		},
		source:
			'https://be.readsgnews.com/en/news/singapore-hong-kong-taiwan-south-korea-japan-average-annual-salary-in-developed-asia-5891511',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Kuala Lumpur',
		country: 'MY',
		isMainlandChina: false,
		hiringLeadTimeMonths: 4,
		backOfficeCostUsd: { low: 15_000, high: 30_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: 'No current sourced salary figure found (2013 PIKOM IT avg RM7,152/month is stale)',
				source: 'https://hanoitimes.vn/domestic-it-professionals-earn-more-than-asian-counterparts-43771.html',
				asOf: '2014',
				verified: true,
			},
		],
		privacy: {
			law: 'Personal Data Protection Act 2010, amended by PDP (Amendment) Act 2024',
			crossBorder:
				'Whitelist approach removed (from 2025-04-01); transfers allowed where destination has substantially similar law or adequate protection, plus other bases; Cross Border Personal Data Transfer Guidelines issued 2025-04-29',
			penalty: "up to RM1,000,000 and/or 3 years' imprisonment (raised from RM300,000)",
			other:
				'DPO mandatory from 2025-06-01 (e.g. >20,000 data subjects, >10,000 sensitive, or systematic monitoring); breach notification to Commissioner within 72h, data subjects within 7 days',
			source:
				'https://insightplus.bakermckenzie.com/bm/data-technology/malaysia-personal-data-protection-amendment-act-2024-to-come-into-force',
			source2: 'https://stpartners.my/personal-data-protection-amendment-act-2024/',
			asOf: '2025',
			verified: true,
		},
		source: 'https://hanoitimes.vn/domestic-it-professionals-earn-more-than-asian-counterparts-43771.html',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Manila',
		country: 'PH',
		isMainlandChina: false,
		hiringLeadTimeMonths: 3,
		backOfficeCostUsd: { low: 10_000, high: 25_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: 'Philippines and Vietnam pay professionals/middle managers 1.9-2.2x less than China (WTW 2015/16 Global 50 Remuneration)',
				source:
					'https://www.bworldonline.com/content.php?section=TopStory&title=philippines-found-still-competitive-in-wage-terms-vs-china-some-peers&id=126584',
				asOf: '2016-04-27',
				verified: true,
			},
			{
				fact: 'Leasable area per employee Manila 107 sq ft (C&W GCC study)',
				source: 'https://cushwake.cld.bz/worldsmajorgcchotspots-11-2024-apac-regional-en-content-trep-realestate/8-9',
				asOf: '2024-11',
				verified: true,
			},
		],
		privacy: {
			law: 'Data Privacy Act of 2012 (Republic Act 10173); regulator National Privacy Commission',
			crossBorder:
				'No prior approval/localisation; accountability principle - controller remains responsible for data transferred to third parties/abroad (s.21), via contracts',
			penalty: 'criminal fines and imprisonment per offence',
			source: 'https://www.privacy.gov.ph/data-privacy-act/',
			asOf: '2012 Act',
			verified: false,
		},
		source:
			'https://www.bworldonline.com/content.php?section=TopStory&title=philippines-found-still-competitive-in-wage-terms-vs-china-some-peers&id=126584',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Bengaluru',
		country: 'IN',
		isMainlandChina: false,
		hiringLeadTimeMonths: 3,
		backOfficeCostUsd: { low: 15_000, high: 35_000, type: 'ESTIMATE (anchored on C&W)' },
		costEvidence: [
			{
				fact: 'Total cost of operations per employee for a 1,000-person GCC in Bengaluru ~USD 33,000 vs ~USD 134,400 US 7-city average; talent = 89-90% of TCO, real estate 10-11%',
				source: 'https://cushwake.cld.bz/worldsmajorgcchotspots-11-2024-apac-regional-en-content-trep-realestate/12-13',
				asOf: '2024-11',
				verified: true,
			},
		],
		privacy: INDIA_PRIVACY,
		source: 'https://cushwake.cld.bz/worldsmajorgcchotspots-11-2024-apac-regional-en-content-trep-realestate/12-13',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Hyderabad',
		country: 'IN',
		isMainlandChina: false,
		hiringLeadTimeMonths: 3,
		backOfficeCostUsd: { low: 14_000, high: 32_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: 'Six Indian GCC metros (incl. Hyderabad) ~one-quarter of US-average total cost',
				source: 'https://cushwake.cld.bz/worldsmajorgcchotspots-11-2024-apac-regional-en-content-trep-realestate/12-13',
				asOf: '2024-11',
				verified: true,
			},
		],
		privacy: { ...INDIA_PRIVACY, note: 'same_as: Bengaluru (India DPDP Act 2023)' },
		source: 'https://cushwake.cld.bz/worldsmajorgcchotspots-11-2024-apac-regional-en-content-trep-realestate/12-13',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Ho Chi Minh City',
		country: 'VN',
		isMainlandChina: false,
		hiringLeadTimeMonths: 4,
		backOfficeCostUsd: { low: 10_000, high: 22_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: 'see WTW 2016 comparison (PH/VN 1.9-2.2x below China)',
				source:
					'https://www.bworldonline.com/content.php?section=TopStory&title=philippines-found-still-competitive-in-wage-terms-vs-china-some-peers&id=126584',
				asOf: '2016-04-27',
				verified: true,
			},
		],
		privacy: {
			law: 'Decree 13/2023/ND-CP (effective 2023-07-01) replaced by Law on Personal Data Protection No.91/2025/QH15 (passed 2025-06-26, effective 2026-01-01) + Decree 356/2025',
			crossBorder:
				'Cross-border transfer impact assessment (CTIA) dossier filed with MPS/A05; new exemptions incl. employer storing employee data on cloud services',
			penalty:
				'cross-border violations up to 5% of previous-year revenue; other violations up to VND 3bn; data trading up to 10x revenue from the violation',
			source: 'https://www.mondaq.com/data-protection/1666694/new-personal-data-protection-law',
			source2: 'https://www.recordinglaw.com/world-laws/world-data-privacy-laws/vietnam-data-privacy-laws/',
			asOf: '2025-08',
			verified: true,
			note: 'Decree 13: CTIA dossier within 60 days of processing (general knowledge, not re-verified)',
		},
		source:
			'https://www.bworldonline.com/content.php?section=TopStory&title=philippines-found-still-competitive-in-wage-terms-vs-china-some-peers&id=126584',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Taipei',
		country: 'TW',
		isMainlandChina: false,
		hiringLeadTimeMonths: 4,
		backOfficeCostUsd: { low: 25_000, high: 45_000, type: 'ESTIMATE' },
		costEvidence: [],
		privacy: {
			law: 'Personal Data Protection Act (amended 2023; independent PDPC being established)',
			crossBorder:
				'Transfers permitted unless the central competent authority restricts them (art.21 grounds e.g. national interest, inadequate protection in destination)',
			penalty: 'administrative fines raised in 2023 (to up to NT$15m) - not re-verified',
			source: 'https://law.moj.gov.tw/ENG/LawClass/LawAll.aspx?pcode=I0050021',
			asOf: '2023',
			verified: false,
		},
		source: 'https://law.moj.gov.tw/ENG/LawClass/LawAll.aspx?pcode=I0050021',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Tokyo',
		country: 'JP',
		isMainlandChina: false,
		hiringLeadTimeMonths: 6,
		backOfficeCostUsd: { low: 45_000, high: 75_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: 'Office cost per workstation USD 18,111/yr (3rd most expensive globally)',
				source: 'http://media-outreach.com/release.php/View/taiwan/4450',
				asOf: '2017-12-01',
				verified: true,
			},
		],
		privacy: {
			law: 'Act on the Protection of Personal Information (APPI), amended 2022',
			crossBorder:
				'Art.28: transfer abroad needs informed consent (with information on destination regime), OR PPC-recognised adequate country (EEA, UK), OR recipient with equivalent measures system',
			penalty: 'corporate criminal fines up to JPY 100m for certain offences (general knowledge)',
			source:
				'https://raw.githubusercontent.com/mukul975/Privacy-Data-Protection-Skills/9b2ef9eae161c00a17241d42a388571321b33e9f/skills/privacy/apac-transfers/SKILL.md',
			asOf: '2026-03',
			verified: true,
		},
		source: 'http://media-outreach.com/release.php/View/taiwan/4450',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Seoul',
		country: 'KR',
		isMainlandChina: false,
		hiringLeadTimeMonths: 5,
		backOfficeCostUsd: { low: 35_000, high: 60_000, type: 'ESTIMATE' },
		costEvidence: [],
		privacy: {
			law: 'Personal Information Protection Act (PIPA), major amendment 2023 (in force 2023-09-15)',
			crossBorder:
				'Transfer bases: consent, law/treaty, certification recognised by PIPC, PIPC-recognised equivalent country, contract-necessity outsourcing/storage with disclosure (Art.28-8)',
			penalty: 'administrative fine up to 3% of total revenue (excluding revenue unrelated to the violation) - general knowledge',
			source:
				'https://raw.githubusercontent.com/mukul975/Privacy-Data-Protection-Skills/9b2ef9eae161c00a17241d42a388571321b33e9f/skills/privacy/apac-transfers/SKILL.md',
			asOf: '2026-03',
			verified: true,
			note: "third-party source cites 'Art. 28-2' - the transfer article is 28-8 after 2023 renumbering; see caveats.md item 11",
		},
		source:
			'https://raw.githubusercontent.com/mukul975/Privacy-Data-Protection-Skills/9b2ef9eae161c00a17241d42a388571321b33e9f/skills/privacy/apac-transfers/SKILL.md',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Bangkok',
		country: 'TH',
		isMainlandChina: false,
		hiringLeadTimeMonths: 4,
		backOfficeCostUsd: { low: 12_000, high: 28_000, type: 'ESTIMATE' },
		costEvidence: [],
		privacy: {
			law: 'Personal Data Protection Act B.E. 2562 (2019), fully effective 2022-06-01',
			crossBorder:
				's.28 adequacy (PDPC list not yet published per source), s.29 BCRs/appropriate safeguards, contract/consent/vital-interest derogations',
			penalty: 'administrative fines up to THB 5m plus criminal/punitive damages (general knowledge)',
			source:
				'https://raw.githubusercontent.com/mukul975/Privacy-Data-Protection-Skills/9b2ef9eae161c00a17241d42a388571321b33e9f/skills/privacy/apac-transfers/SKILL.md',
			asOf: '2026-03',
			verified: true,
		},
		source:
			'https://raw.githubusercontent.com/mukul975/Privacy-Data-Protection-Skills/9b2ef9eae161c00a17241d42a388571321b33e9f/skills/privacy/apac-transfers/SKILL.md',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Dalian',
		country: 'CN',
		isMainlandChina: true,
		hiringLeadTimeMonths: 3,
		backOfficeCostUsd: { low: 12_000, high: 25_000, type: 'ESTIMATE' },
		costEvidence: [],
		privacy: {
			law: 'PRC CSL/DSL/PIPL (same as Shanghai)',
			crossBorder:
				'Relocation within mainland is NOT a cross-border transfer; no CAC mechanism needed for the move itself; MLPS filing per system location',
			penalty: null,
			source: 'http://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html',
			asOf: '2021-11-01',
			verified: true,
		},
		source: 'http://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		city: 'Chengdu',
		country: 'CN',
		isMainlandChina: true,
		hiringLeadTimeMonths: 3,
		backOfficeCostUsd: { low: 12_000, high: 25_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: 'Chengdu social average wage 2023 RMB 8,384/month (~USD 14k/yr before employer social insurance)',
				source: 'https://rsmstoneforest.sg/expert-insights/nowchina-insights-into-chinas-salary-trends-and-benchmarks',
				asOf: '2024-12',
				verified: true,
			},
		],
		privacy: {
			law: 'PRC CSL/DSL/PIPL',
			crossBorder: 'in-country; no export',
			penalty: null,
			source: 'http://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html',
			asOf: '2021-11-01',
			verified: true,
		},
		source: 'https://rsmstoneforest.sg/expert-insights/nowchina-insights-into-chinas-salary-trends-and-benchmarks',
		asOf: '2026-01 compile; see per-fact as_of',
	},
	{
		// 'Shanghai (baseline)' in the JSON: the cost of keeping the roles where they are.
		city: 'Shanghai',
		country: 'CN',
		isMainlandChina: true,
		hiringLeadTimeMonths: 2,
		backOfficeCostUsd: { low: 25_000, high: 45_000, type: 'ESTIMATE' },
		costEvidence: [
			{
				fact: '2024 average wage RMB 12,434/month = RMB 149,208/yr (~USD 20.7k) before employer social insurance/housing fund',
				source:
					'https://www.mondaq.com/china/employee-benefits-compensation/1689490/prc-updates-on-average-salaries-in-major-cities%E5%9B%BD%E4%B8%BB%E8%A6%81%E5%9F%8E%E5%B8%82%E5%B9%B3%E5%9D%87%E5%B7%A5%E8%B5%84%E6%9B%B4%E6%96%B0',
				asOf: '2025-09-24',
				verified: true,
			},
			{
				fact: 'Entry-level professional base salary China ~USD 21,000 (WTW 2015/16)',
				source:
					'https://www.bworldonline.com/content.php?section=TopStory&title=philippines-found-still-competitive-in-wage-terms-vs-china-some-peers&id=126584',
				asOf: '2016-04-27',
				verified: true,
			},
		],
		privacy: {
			law: 'PRC CSL/DSL/PIPL',
			crossBorder: null,
			penalty: null,
			source: 'http://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html',
			asOf: '2021-11-01',
			verified: true,
		},
		source:
			'https://www.mondaq.com/china/employee-benefits-compensation/1689490/prc-updates-on-average-salaries-in-major-cities%E5%9B%BD%E4%B8%BB%E8%A6%81%E5%9F%8E%E5%B8%82%E5%B9%B3%E5%9D%87%E5%B7%A5%E8%B5%84%E6%9B%B4%E6%96%B0',
		asOf: '2026-01 compile; see per-fact as_of',
	},
]

/**
 * Cost of a function relative to back office, applied to the midpoint of the back-office range. Seed assumptions
 * (not in the reference): R&D engineers and IT cost more than back office, management most.
 */
export const FUNCTION_COST_MULTIPLIERS: Readonly<Record<StaffFunction, number>> = {
	back_office: 1.0,
	rnd: 1.6,
	sales: 1.2,
	operations: 1.0,
	it: 1.4,
	management: 2.5,
}

const FUNCTIONS_IN_ORDER: readonly StaffFunction[] = ['back_office', 'rnd', 'sales', 'operations', 'it', 'management']

function costsFor(ref: DestinationReference): DestinationCost[] {
	const midpoint = Math.round((ref.backOfficeCostUsd.low + ref.backOfficeCostUsd.high) / 2)
	// Only a range typed as a plain sourced figure would count as 'sourced'; every range in the JSON says ESTIMATE
	// (Bengaluru's is "ESTIMATE (anchored on C&W)"), so every back-office midpoint is an estimate too.
	const backOfficeEvidence = /ESTIMATE/i.test(ref.backOfficeCostUsd.type) ? 'estimate' : 'sourced'
	return FUNCTIONS_IN_ORDER.map(fn => ({
		function: fn,
		annualCostUsd: Math.round(midpoint * FUNCTION_COST_MULTIPLIERS[fn]),
		evidence: fn === 'back_office' ? backOfficeEvidence : 'estimate',
	}))
}

/** Destinations as the domain holds them (ids are assigned by the database). */
export const DESTINATIONS: Omit<Destination, 'id'>[] = DESTINATION_REFERENCE.map(ref => ({
	city: ref.city,
	country: ref.country,
	isMainlandChina: ref.isMainlandChina,
	privacyLaw: ref.privacy.law,
	privacyCrossBorder: ref.privacy.crossBorder ?? 'n/a: no cross-border rule in the reference (baseline, roles stay in mainland China)',
	hiringLeadTimeMonths: ref.hiringLeadTimeMonths,
	costs: costsFor(ref),
	source: ref.source,
	asOf: ref.asOf,
}))
