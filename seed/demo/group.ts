// The demo group: Meridian Holdings, a fictional multinational (banking, technology, retail, consumer and
// manufacturing) with 17 business units in seven China cities. Hand-written and deterministic: no faker, no dates
// computed at load. Every name, figure and entity here is invented for the demo; any likeness is accidental.
//
// The inventory is set as of DEMO_AS_OF (2026-11-23), so its findings land in every state:
// - MLPS: systems filed on time, filed late, not filed (overdue, and one still inside its 30 days), assessments
//   fine, due within days, overdue and never done; levels 1-4 and three ungraded systems;
// - cross-border: every mechanism class of the CAC's 2024 Provisions, the boundary volumes on both sides of each
//   threshold (以上 includes the number, 不满 excludes it: see seed/reference/cross-border-regime.ts), mechanisms in place,
//   missing and wrong, one security assessment expired and one expiring soon, remote access, unknown volumes;
// - workforce: ~1,500 R&D engineers (most in Beijing), a ~150-strong Shanghai back-office data team, and lines of
//   high earners above 3x their city's average wage, so the severance cap matters.
import {
	type BusinessUnit,
	type DataFlow,
	type FlowMonthCount,
	type GroupFunctionHeadcount,
	type InfoSystem,
	type Role,
	type StaffingLine,
} from '#models/domain.ts'

export const DEMO_GROUP_NAME = 'Meridian Holdings'

/** The date the demo inventory describes: due dates, expiries and "since 1 January" counts are relative to it. */
export const DEMO_AS_OF = '2026-11-23'

export type DemoUnit = Omit<BusinessUnit, 'id'>
export type DemoSystem = Omit<InfoSystem, 'id' | 'unitId'> & { unitCode: string }
export type DemoFlow = Omit<DataFlow, 'id' | 'unitId'> & { unitCode: string }
export type DemoStaffingLine = Omit<StaffingLine, 'id' | 'unitId'> & { unitCode: string }
export interface DemoUser {
	email: string
	name: string
	role: Role
	password: string
	/** Base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s): demo data only, listed in the README beside the password. */
	totpSecret: string
}

/**
 * Meridian Holdings' prior-year global turnover (FY2025), RMB ~412bn (~USD 57bn at 7.2). The same group figure on
 * every unit: the domain field is the group's turnover, the base of PIPL art. 66's 5% ceiling.
 */
export const GROUP_PRIOR_YEAR_TURNOVER_RMB = 412_000_000_000

/**
 * Units whose own prior-year turnover the demo inventory does not hold: the representative office (not a legal
 * person of its own: the foreign parent answers for it, so the group's turnover is the honest base). PIPL art. 66's
 * 5% alternative falls back to the group's turnover for it, marked as an assumption. Every other entity's FY2025
 * turnover is its China revenue (invented, as all here).
 */
const ENTITY_TURNOVER_UNKNOWN = new Set(['BU-BJ-REP'])

type DemoUnitInput = Omit<
	DemoUnit,
	| 'priorYearGlobalTurnoverRmb'
	| 'priorYearEntityTurnoverRmb'
	| 'distinctIndividualsAbroad'
	| 'distinctSensitiveIndividualsAbroad'
	| 'ftzZone'
> &
	Partial<Pick<DemoUnit, 'distinctIndividualsAbroad' | 'distinctSensitiveIndividualsAbroad' | 'ftzZone'>>

/**
 * Individuals whose personal information the entity processes, and the day the count reached 1,000,000 (null: not
 * recorded), where the demo knows them; the other consumer businesses leave it unknown (their officer and audit
 * duties read uncertain).
 */
const INDIVIDUALS_PROCESSED: Record<string, [number, string | null]> = {
	'BU-SH-BANK': [6_800_000, null],
	'BU-SZ-APP': [14_500_000, '2024-09-02'],
	'BU-SH-RETAIL': [1_120_000, '2026-11-16'],
	'BU-DL-SSC': [240_000, null],
}

const unit = (u: DemoUnitInput): DemoUnit => ({
	...u,
	piIndividualsProcessed: INDIVIDUALS_PROCESSED[u.code]?.[0] ?? null,
	piOfficerThresholdReachedOn: INDIVIDUALS_PROCESSED[u.code]?.[1] ?? null,
	priorYearGlobalTurnoverRmb: GROUP_PRIOR_YEAR_TURNOVER_RMB,
	priorYearEntityTurnoverRmb: ENTITY_TURNOVER_UNKNOWN.has(u.code) ? null : u.chinaRevenueRmb,
	distinctIndividualsAbroad: u.distinctIndividualsAbroad ?? null,
	distinctSensitiveIndividualsAbroad: u.distinctSensitiveIndividualsAbroad ?? null,
	ftzZone: u.ftzZone ?? null,
})

// ---------------------------------------------------------------------------------------------------------------
// Business units

export const DEMO_UNITS: DemoUnit[] = [
	// Shanghai
	unit({
		code: 'BU-SH-BANK',
		name: 'Meridian Bank (China): Corporate & Retail Banking',
		segment: 'banking',
		legalEntityType: 'wfoe',
		city: 'Shanghai',
		sector: 'finance',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 4_850_000_000,
	}),
	unit({
		// The group's one CIIO: notified by the sector protection work department as part of the payments
		// infrastructure. Every non-exempt export of PI or important data needs a security assessment (art. 7(1)).
		code: 'BU-SH-PAY',
		name: 'Meridian Payments (China)',
		segment: 'banking',
		legalEntityType: 'wfoe',
		city: 'Shanghai',
		sector: 'finance',
		isCiio: true,
		handlesConsumerData: true,
		chinaRevenueRmb: 1_260_000_000,
	}),
	unit({
		// Home of the ~150-strong client data operations team the relocation scenarios move.
		code: 'BU-SH-BANKOPS',
		name: 'Meridian Bank Shanghai Operations Centre',
		segment: 'banking',
		legalEntityType: 'wfoe',
		city: 'Shanghai',
		sector: 'finance',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 210_000_000, // intra-group service fees
	}),
	unit({
		code: 'BU-SH-RETAIL',
		name: 'Meridian Retail China (stores and e-commerce)',
		segment: 'retail',
		legalEntityType: 'wfoe',
		city: 'Shanghai',
		sector: 'retail',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 7_420_000_000,
	}),
	unit({
		code: 'BU-SH-CNHQ',
		name: 'Meridian (China) Investment Co.: China headquarters',
		segment: 'services',
		legalEntityType: 'wfoe',
		city: 'Shanghai',
		sector: 'professional_services',
		isCiio: false,
		handlesConsumerData: false,
		chinaRevenueRmb: 320_000_000, // management fees from the China subsidiaries
	}),

	// Beijing
	unit({
		// ~1,500 engineers: most in Beijing, with lines in Shanghai and Chengdu (see the staffing lines).
		code: 'BU-BJ-RND',
		name: 'Meridian Technology China R&D Centre',
		segment: 'technology',
		legalEntityType: 'wfoe',
		city: 'Beijing',
		sector: 'software',
		isCiio: false,
		handlesConsumerData: false,
		chinaRevenueRmb: 1_980_000_000, // cost-plus R&D service fees from the group
	}),
	unit({
		code: 'BU-BJ-WEALTH',
		name: 'Meridian Wealth Management (Beijing)',
		segment: 'banking',
		legalEntityType: 'wfoe',
		city: 'Beijing',
		sector: 'finance',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 690_000_000,
	}),
	unit({
		// A rep office may not trade: no revenue (a fact, so 0, not null).
		code: 'BU-BJ-REP',
		name: 'Meridian Holdings Beijing Representative Office',
		segment: 'services',
		legalEntityType: 'rep_office',
		city: 'Beijing',
		sector: 'professional_services',
		isCiio: false,
		handlesConsumerData: false,
		chinaRevenueRmb: 0,
	}),

	// Shenzhen
	unit({
		// New consumer app (launched 2026): hundreds of thousands of users, systems still being graded.
		code: 'BU-SZ-APP',
		name: 'Meridian Life consumer app',
		segment: 'consumer',
		legalEntityType: 'wfoe',
		city: 'Shenzhen',
		sector: 'consumer_goods',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 380_000_000,
	}),
	unit({
		// Registered in the Qianhai area of the Guangdong free-trade zone, which has no data-export negative list in
		// force (Shenzhen announced a pilot; none was found): art. 6 is not open to it, so no zone is recorded.
		code: 'BU-SZ-LOG',
		name: 'Meridian Logistics South China (Qianhai FTZ)',
		segment: 'services',
		legalEntityType: 'wfoe',
		city: 'Shenzhen',
		sector: 'logistics',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 1_430_000_000,
	}),
	unit({
		code: 'BU-SZ-ENERGY',
		name: 'Meridian Smart Energy (meters and battery storage)',
		segment: 'manufacturing',
		legalEntityType: 'wfoe',
		city: 'Shenzhen',
		sector: 'energy',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 2_060_000_000,
	}),

	// Suzhou
	unit({
		code: 'BU-SU-MFG',
		name: 'Meridian Precision Manufacturing (Suzhou Industrial Park)',
		segment: 'manufacturing',
		legalEntityType: 'wfoe',
		city: 'Suzhou',
		sector: 'manufacturing',
		isCiio: false,
		handlesConsumerData: false,
		chinaRevenueRmb: 5_600_000_000,
	}),
	unit({
		// 51/49 joint venture with a fictional local partner; automotive electronics.
		code: 'BU-SU-JV',
		name: 'Meridian Jiangnan Automotive Electronics (JV)',
		segment: 'manufacturing',
		legalEntityType: 'jv',
		city: 'Suzhou',
		sector: 'manufacturing',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 3_870_000_000,
	}),

	// Guangzhou
	unit({
		code: 'BU-GZ-RETAIL',
		name: 'Meridian Retail South China',
		segment: 'retail',
		legalEntityType: 'wfoe',
		city: 'Guangzhou',
		sector: 'retail',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 3_150_000_000,
	}),
	unit({
		code: 'BU-GZ-HEALTH',
		name: 'Meridian Consumer Health (OTC, e-pharmacy and wearables)',
		segment: 'consumer',
		legalEntityType: 'wfoe',
		city: 'Guangzhou',
		sector: 'healthcare',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 2_240_000_000,
	}),

	// Chengdu
	unit({
		code: 'BU-CD-TECH',
		name: 'Meridian Technology Delivery Centre (Chengdu)',
		segment: 'technology',
		legalEntityType: 'wfoe',
		city: 'Chengdu',
		sector: 'software',
		isCiio: false,
		handlesConsumerData: false,
		chinaRevenueRmb: 240_000_000,
	}),

	// Dalian
	unit({
		// Finance/HR shared services for Asia and a Japanese-language contact centre for Meridian Japan.
		code: 'BU-DL-SSC',
		name: 'Meridian Shared Services Centre (Dalian)',
		segment: 'services',
		legalEntityType: 'wfoe',
		city: 'Dalian',
		sector: 'professional_services',
		isCiio: false,
		handlesConsumerData: true,
		chinaRevenueRmb: 96_000_000,
	}),
]

// ---------------------------------------------------------------------------------------------------------------
// Information systems. States relative to DEMO_AS_OF (2026-11-23), by the 2007 Measures: file within 30 days of
// grading (level 2+); assess level 3 yearly, level 4 every six months; level 2 has no mandated frequency.

export const DEMO_SYSTEMS: DemoSystem[] = [
	// BU-SH-BANK
	{
		unitCode: 'BU-SH-BANK',
		code: 'SYS-BANK-CORE',
		name: 'Core banking platform',
		mlpsLevel: 3,
		gradedOn: '2021-03-15',
		filedOn: '2021-04-09', // on time
		lastAssessedOn: '2026-04-20', // next due 2027-04-20
		technologies: [],
		holdsPersonalData: true,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-BANK',
		code: 'SYS-BANK-MOBILE',
		name: 'Retail mobile banking app',
		mlpsLevel: 3,
		gradedOn: '2022-06-01',
		filedOn: '2022-06-24',
		lastAssessedOn: '2025-10-14', // OVERDUE: yearly assessment was due 2026-10-14
		technologies: ['mobile', 'cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-BANK',
		code: 'SYS-BANK-CRM',
		name: 'Client relationship management (private cloud)',
		mlpsLevel: 2,
		gradedOn: '2023-02-10',
		filedOn: '2023-03-02',
		lastAssessedOn: '2024-11-18', // level 2: no mandated frequency (market practice: 2 years)
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-BANK',
		code: 'SYS-BANK-TREASURY',
		name: 'Treasury and trade finance',
		mlpsLevel: 3,
		gradedOn: '2020-09-01',
		filedOn: '2020-09-25',
		lastAssessedOn: '2025-12-08', // due 2026-12-08: within the month
		technologies: [],
		holdsPersonalData: true,
		holdsImportantData: true,
		holdsSourceCode: false,
	},

	// BU-SH-PAY (CIIO)
	{
		unitCode: 'BU-SH-PAY',
		code: 'SYS-PAY-SWITCH',
		name: 'Payments switching and clearing',
		mlpsLevel: 4,
		gradedOn: '2021-10-11',
		filedOn: '2021-11-02',
		lastAssessedOn: '2026-07-15', // level 4: every six months, next due 2027-01-15
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-PAY',
		code: 'SYS-PAY-WALLET',
		name: 'Merchant and wallet platform',
		mlpsLevel: 4,
		gradedOn: '2022-04-18',
		filedOn: '2022-05-10',
		lastAssessedOn: '2026-03-30', // OVERDUE: six-monthly assessment was due 2026-09-30
		technologies: ['mobile', 'cloud', 'big_data'],
		holdsPersonalData: true,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-PAY',
		code: 'SYS-PAY-FRAUD',
		name: 'Real-time fraud analytics',
		mlpsLevel: 3,
		gradedOn: '2024-05-06',
		filedOn: '2024-05-28',
		lastAssessedOn: '2026-05-22',
		technologies: ['big_data', 'cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-SH-BANKOPS
	{
		unitCode: 'BU-SH-BANKOPS',
		code: 'SYS-OPS-DW',
		name: 'Client operations data warehouse',
		mlpsLevel: 3,
		gradedOn: '2022-01-17',
		filedOn: '2022-02-11',
		lastAssessedOn: '2025-11-30', // due 2026-11-30: one week after DEMO_AS_OF
		technologies: ['big_data'],
		holdsPersonalData: true,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-BANKOPS',
		code: 'SYS-OPS-RECON',
		name: 'Reconciliation and settlement operations',
		mlpsLevel: 2,
		gradedOn: '2020-07-01',
		filedOn: '2020-07-20',
		lastAssessedOn: '2024-09-03',
		technologies: [],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-BANKOPS',
		code: 'SYS-OPS-KYC',
		name: 'KYC document processing (OCR)',
		mlpsLevel: 3,
		gradedOn: '2026-09-01',
		filedOn: null, // NOT FILED: due 2026-10-01, overdue
		lastAssessedOn: null,
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-SH-RETAIL
	{
		unitCode: 'BU-SH-RETAIL',
		code: 'SYS-RTL-ECOM',
		name: 'E-commerce storefront and order management',
		mlpsLevel: 3,
		gradedOn: '2020-11-02',
		filedOn: '2020-11-27',
		lastAssessedOn: '2026-06-10',
		technologies: ['cloud', 'mobile'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-RETAIL',
		code: 'SYS-RTL-LOYALTY',
		name: 'Loyalty and member CRM',
		mlpsLevel: 3,
		gradedOn: '2023-08-14',
		filedOn: '2023-11-20', // LATE: 98 days after grading
		lastAssessedOn: '2025-09-02', // OVERDUE since 2026-09-02
		technologies: ['cloud', 'big_data'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-RETAIL',
		code: 'SYS-RTL-POS',
		name: 'Store point of sale and inventory',
		mlpsLevel: 2,
		gradedOn: '2019-12-20',
		filedOn: '2020-01-15',
		lastAssessedOn: '2025-08-19',
		technologies: ['iot'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-RETAIL',
		code: 'SYS-RTL-WMS',
		name: 'Warehouse management (RFID)',
		mlpsLevel: 2,
		gradedOn: '2022-03-07',
		filedOn: '2022-03-30',
		lastAssessedOn: null, // never assessed: level 2 has no mandated frequency
		technologies: ['iot'],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-SH-CNHQ
	{
		unitCode: 'BU-SH-CNHQ',
		code: 'SYS-HQ-HRIS',
		name: 'China HRIS and payroll',
		mlpsLevel: 3,
		gradedOn: '2020-04-06',
		filedOn: '2020-04-29',
		lastAssessedOn: '2026-05-12',
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-CNHQ',
		code: 'SYS-HQ-ERP',
		name: 'China finance ERP',
		mlpsLevel: 2,
		gradedOn: '2019-09-02',
		filedOn: '2019-09-20',
		lastAssessedOn: '2025-06-30',
		technologies: [],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SH-CNHQ',
		code: 'SYS-HQ-MAIL',
		name: 'Email and collaboration (China region)',
		mlpsLevel: 2,
		gradedOn: '2021-01-11',
		filedOn: '2021-02-01',
		lastAssessedOn: '2025-02-18',
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-BJ-RND
	{
		unitCode: 'BU-BJ-RND',
		code: 'SYS-RND-SCM',
		name: 'Source code repositories and CI',
		mlpsLevel: 3,
		gradedOn: '2021-05-10',
		filedOn: '2021-06-01',
		lastAssessedOn: '2026-01-19',
		technologies: ['cloud'],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: true,
		techExportCategory: 'none', // reviewed: tooling only, nothing in the Catalogue
	},
	{
		unitCode: 'BU-BJ-RND',
		code: 'SYS-RND-BUILD',
		name: 'Build farm and artefact repository',
		mlpsLevel: 2,
		gradedOn: '2021-05-10',
		filedOn: '2021-06-01',
		lastAssessedOn: '2025-03-11',
		technologies: ['cloud'],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: true,
	},
	{
		unitCode: 'BU-BJ-RND',
		code: 'SYS-RND-TESTLAB',
		name: 'Test data lab (masked production copies)',
		mlpsLevel: 2,
		gradedOn: '2025-12-01',
		filedOn: null, // NOT FILED: due 2025-12-31, overdue almost a year
		lastAssessedOn: null,
		technologies: ['big_data', 'cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-BJ-RND',
		code: 'SYS-RND-WIKI',
		name: 'Engineering wiki and issue tracker',
		mlpsLevel: 1,
		gradedOn: '2019-11-05',
		filedOn: null, // level 1: no filing required
		lastAssessedOn: null,
		technologies: [],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-BJ-RND',
		code: 'SYS-RND-ML',
		name: 'Machine-learning training cluster',
		mlpsLevel: null, // UNGRADED
		gradedOn: null,
		filedOn: null,
		lastAssessedOn: null,
		technologies: ['big_data', 'cloud'],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: true,
		// Recommendation models: the Catalogue's restricted item on personalised push based on data analysis.
		techExportCategory: 'restricted',
		techExportItem: '086501X information processing (personalised recommendation)',
	},

	// BU-BJ-WEALTH
	{
		unitCode: 'BU-BJ-WEALTH',
		code: 'SYS-WLT-ADVISORY',
		name: 'Wealth advisory and portfolio platform',
		mlpsLevel: 3,
		gradedOn: '2022-02-14',
		filedOn: '2022-03-10',
		lastAssessedOn: '2025-12-15',
		technologies: ['cloud', 'mobile'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-BJ-WEALTH',
		code: 'SYS-WLT-ONBOARD',
		name: 'Client onboarding and KYC',
		mlpsLevel: 3,
		gradedOn: '2026-08-03',
		filedOn: '2026-08-21',
		lastAssessedOn: '2026-07-30', // the level-3 filing includes the assessment report
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-BJ-REP
	{
		unitCode: 'BU-BJ-REP',
		code: 'SYS-REP-OFFICE',
		name: 'Rep office email and document management',
		mlpsLevel: 1,
		gradedOn: '2018-06-01',
		filedOn: null,
		lastAssessedOn: null,
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-SZ-APP
	{
		unitCode: 'BU-SZ-APP',
		code: 'SYS-APP-CORE',
		name: 'Meridian Life app backend',
		mlpsLevel: 3,
		gradedOn: '2026-11-05',
		filedOn: null, // not filed yet, still inside the 30 days (due 2026-12-05)
		lastAssessedOn: '2026-10-28', // pre-launch assessment for the level-3 filing
		technologies: ['mobile', 'cloud', 'big_data'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SZ-APP',
		code: 'SYS-APP-ANALYTICS',
		name: 'App behavioural analytics',
		mlpsLevel: null, // UNGRADED, yet it holds the users' behavioural data
		gradedOn: null,
		filedOn: null,
		lastAssessedOn: null,
		technologies: ['big_data', 'cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SZ-APP',
		code: 'SYS-APP-SUPPORT',
		name: 'In-app customer service and chat',
		mlpsLevel: 2,
		gradedOn: '2026-06-15',
		filedOn: '2026-07-03',
		lastAssessedOn: null,
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-SZ-LOG
	{
		unitCode: 'BU-SZ-LOG',
		code: 'SYS-LOG-TMS',
		name: 'Transport management and customs brokerage',
		mlpsLevel: 3,
		gradedOn: '2021-12-06',
		filedOn: '2021-12-30',
		lastAssessedOn: '2026-08-25',
		technologies: ['iot', 'cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SZ-LOG',
		code: 'SYS-LOG-FLEET',
		name: 'Fleet telematics',
		mlpsLevel: 2,
		gradedOn: '2022-07-11',
		filedOn: '2022-08-03',
		lastAssessedOn: '2024-12-02',
		technologies: ['iot'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-SZ-ENERGY
	{
		unitCode: 'BU-SZ-ENERGY',
		code: 'SYS-NRG-METER',
		name: 'Smart meter and grid-edge platform',
		mlpsLevel: 3,
		gradedOn: '2023-06-05',
		filedOn: '2023-06-29',
		lastAssessedOn: '2026-01-08',
		technologies: ['iot', 'cloud', 'big_data'],
		holdsPersonalData: true,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SZ-ENERGY',
		code: 'SYS-NRG-ICS',
		name: 'Battery plant control system',
		mlpsLevel: 3,
		gradedOn: '2024-01-15',
		filedOn: '2024-02-06',
		lastAssessedOn: null, // NEVER ASSESSED: level 3, graded almost three years ago
		technologies: ['industrial_control'],
		holdsPersonalData: false,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SZ-ENERGY',
		code: 'SYS-NRG-FIRMWARE',
		name: 'Meter firmware build pipeline',
		mlpsLevel: 2,
		gradedOn: '2024-01-15',
		filedOn: null, // NOT FILED: due 2024-02-14
		lastAssessedOn: null,
		technologies: ['cloud'],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: true,
	},

	// BU-SU-MFG
	{
		unitCode: 'BU-SU-MFG',
		code: 'SYS-MFG-SCADA',
		name: 'Plant SCADA and DCS (lines 1-4)',
		mlpsLevel: 3,
		gradedOn: '2020-10-12',
		filedOn: '2020-11-05',
		lastAssessedOn: '2026-09-08',
		technologies: ['industrial_control'],
		holdsPersonalData: false,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SU-MFG',
		code: 'SYS-MFG-MES',
		name: 'Manufacturing execution system',
		mlpsLevel: 3,
		gradedOn: '2020-10-12',
		filedOn: '2020-11-05',
		lastAssessedOn: '2025-07-16', // OVERDUE since 2026-07-16
		technologies: ['industrial_control', 'iot'],
		holdsPersonalData: false,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SU-MFG',
		code: 'SYS-MFG-PLM',
		name: 'Product lifecycle management and embedded firmware',
		mlpsLevel: 2,
		gradedOn: '2021-02-01',
		filedOn: '2021-02-24',
		lastAssessedOn: '2025-05-20',
		technologies: ['cloud'],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: true,
	},
	{
		unitCode: 'BU-SU-MFG',
		code: 'SYS-MFG-PREDICT',
		name: 'Predictive maintenance IoT platform',
		mlpsLevel: null, // UNGRADED
		gradedOn: null,
		filedOn: null,
		lastAssessedOn: null,
		technologies: ['iot', 'big_data', 'cloud'],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-SU-JV
	{
		unitCode: 'BU-SU-JV',
		code: 'SYS-JV-ICS',
		name: 'JV plant control network',
		mlpsLevel: 3,
		gradedOn: '2023-03-01',
		filedOn: '2023-03-24',
		lastAssessedOn: '2026-04-11',
		technologies: ['industrial_control'],
		holdsPersonalData: false,
		holdsImportantData: true,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-SU-JV',
		code: 'SYS-JV-ERP',
		name: 'JV ERP, supplier portal and warranty claims',
		mlpsLevel: 2,
		gradedOn: '2023-03-01',
		filedOn: '2023-04-28', // LATE: 58 days after grading
		lastAssessedOn: null,
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-GZ-RETAIL
	{
		unitCode: 'BU-GZ-RETAIL',
		code: 'SYS-GZR-STORE',
		name: 'South China store systems',
		mlpsLevel: 2,
		gradedOn: '2021-06-01',
		filedOn: '2021-06-18',
		lastAssessedOn: '2024-06-25',
		technologies: ['iot'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-GZ-RETAIL',
		code: 'SYS-GZR-MINIPROG',
		name: 'WeChat mini-program shop',
		mlpsLevel: 2,
		gradedOn: '2024-09-09',
		filedOn: null, // NOT FILED: due 2024-10-09
		lastAssessedOn: null,
		technologies: ['mobile', 'cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-GZ-HEALTH
	{
		unitCode: 'BU-GZ-HEALTH',
		code: 'SYS-HLT-PHARMACY',
		name: 'Membership and e-pharmacy',
		mlpsLevel: 3,
		gradedOn: '2022-10-10',
		filedOn: '2022-11-01',
		lastAssessedOn: '2026-02-27',
		technologies: ['cloud', 'mobile'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-GZ-HEALTH',
		code: 'SYS-HLT-WEARABLE',
		name: 'Wearable device health data platform',
		mlpsLevel: 3,
		gradedOn: '2025-04-14',
		filedOn: '2025-05-09',
		lastAssessedOn: '2025-04-30', // OVERDUE since 2026-04-30
		technologies: ['iot', 'cloud', 'big_data'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-GZ-HEALTH',
		code: 'SYS-HLT-ERP',
		name: 'Consumer health ERP',
		mlpsLevel: 2,
		gradedOn: '2019-08-01',
		filedOn: '2019-08-26',
		lastAssessedOn: '2025-01-22',
		technologies: [],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: false,
	},

	// BU-CD-TECH
	{
		unitCode: 'BU-CD-TECH',
		code: 'SYS-CD-ITSM',
		name: 'Group IT service desk and monitoring',
		mlpsLevel: 2,
		gradedOn: '2023-09-04',
		filedOn: '2023-09-27',
		lastAssessedOn: '2025-10-09',
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-CD-TECH',
		code: 'SYS-CD-DEVICELAB',
		name: 'Mobile device test lab',
		mlpsLevel: 1,
		gradedOn: '2024-02-01',
		filedOn: null,
		lastAssessedOn: null,
		technologies: ['mobile'],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: true,
	},

	// BU-DL-SSC
	{
		unitCode: 'BU-DL-SSC',
		code: 'SYS-SSC-ERP',
		name: 'Asia finance and HR shared-services platform',
		mlpsLevel: 3,
		gradedOn: '2021-08-02',
		filedOn: '2021-08-27',
		lastAssessedOn: '2026-03-17',
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
	{
		unitCode: 'BU-DL-SSC',
		code: 'SYS-SSC-CONTACT',
		name: 'Japanese-language contact centre',
		mlpsLevel: 2,
		gradedOn: '2022-05-09',
		filedOn: '2022-06-01',
		lastAssessedOn: '2024-05-15',
		technologies: ['cloud'],
		holdsPersonalData: true,
		holdsImportantData: false,
		holdsSourceCode: false,
	},
]

// ---------------------------------------------------------------------------------------------------------------
// Data flows. Counts are individuals transferred since 1 January 2026 (the 2024 Provisions' window).
// Each comment names the article path the flow exercises; "THRESHOLD" marks the boundary cases.
// Readings (seed/reference/cross-border-regime.ts): 以上 includes the number, 不满 excludes it; exemptions (arts 3-6)
// come first; art. 5(1)-(3) apply to CIIOs too; art. 5(4) is non-CIIO and non-sensitive only.

export const DEMO_FLOWS: DemoFlow[] = [
	// BU-SH-PAY (CIIO)
	{
		// art. 5(1): remittance is a contract with the individual: EXEMPT, even for a CIIO.
		unitCode: 'BU-SH-PAY',
		code: 'FLW-PAY-REMIT',
		name: 'Cross-border remittance instructions',
		destinationCountry: 'HK',
		destinationEntity: 'Meridian Bank (Hong Kong) Ltd',
		personalInfoIndividuals: 380_000,
		sensitivePersonalInfoIndividuals: 380_000, // financial accounts
		includesImportantData: false,
		purpose: 'contract_with_individual',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 7(1): CIIO exporting PI: SECURITY ASSESSMENT, in place but EXPIRING SOON. Passed 2024-03-28 under the
		// 2024 Provisions: valid 3 years (art. 9); the 60-working-day extension window opens around late December 2026.
		unitCode: 'BU-SH-PAY',
		code: 'FLW-PAY-FRAUD',
		name: 'Fraud model features to the regional fraud hub',
		destinationCountry: 'SG',
		destinationEntity: 'Meridian Payments Asia Pte Ltd',
		personalInfoIndividuals: 2_400_000,
		sensitivePersonalInfoIndividuals: 2_400_000,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'security_assessment',
		mechanismSince: '2024-03-28',
		mechanismExpiresOn: '2027-03-27',
	},
	{
		// art. 7(1), not 5(4): 42,000 would be exempt for a non-CIIO, but 5(4) is for non-CIIOs only. Remote access is
		// an export (Filing Guide v2). SECURITY ASSESSMENT required, none in place.
		unitCode: 'BU-SH-PAY',
		code: 'FLW-PAY-SUPPORT-RA',
		name: 'Remote access by Singapore support to settlement records',
		destinationCountry: 'SG',
		destinationEntity: 'Meridian Payments Asia Pte Ltd',
		personalInfoIndividuals: 42_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-SH-BANK
	{
		// THRESHOLD art. 7(2): exactly 1,000,000 non-sensitive is "1,000,000 以上": SECURITY ASSESSMENT (in place).
		// The English "more than one million" misreading would put it in art. 8.
		unitCode: 'BU-SH-BANK',
		code: 'FLW-BANK-AML',
		name: 'AML and sanctions screening to the group financial crime hub',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Holdings Inc. (Financial Crime Compliance)',
		personalInfoIndividuals: 1_000_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'security_assessment',
		mechanismSince: '2024-09-20',
		mechanismExpiresOn: '2027-09-19',
	},
	{
		// THRESHOLD art. 8: 999,999 is "不满 1,000,000": STANDARD CONTRACT or certification (contract filed).
		unitCode: 'BU-SH-BANK',
		code: 'FLW-BANK-CRM',
		name: 'Corporate client contacts to the global CRM',
		destinationCountry: 'GB',
		destinationEntity: 'Meridian Bank plc (London)',
		personalInfoIndividuals: 999_999,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'standard_contract',
		mechanismSince: '2025-03-14',
		mechanismExpiresOn: null,
	},
	{
		// art. 7(2): important data (notified by the sector regulator): SECURITY ASSESSMENT, EXPIRED. Passed
		// 2023-09-15 under the 2022 Measures (2 years, art. 14: expired 2025-09-14); even on a 3-year reading it would
		// have expired 2026-09-14. No extension was sought.
		unitCode: 'BU-SH-BANK',
		code: 'FLW-BANK-RISK',
		name: 'Credit risk and capital reporting to group risk',
		destinationCountry: 'DE',
		destinationEntity: 'Meridian Bank Europe AG (Frankfurt)',
		personalInfoIndividuals: 0,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: true,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'security_assessment',
		mechanismSince: '2023-09-15',
		mechanismExpiresOn: '2025-09-14',
	},
	{
		// UNKNOWN volumes: a third-party crash-analytics SDK in the mobile banking app. Unknown is a finding.
		unitCode: 'BU-SH-BANK',
		code: 'FLW-BANK-SDK',
		name: 'Mobile banking crash analytics SDK',
		destinationCountry: 'US',
		destinationEntity: 'AppPulse Analytics Inc. (vendor)',
		personalInfoIndividuals: null,
		sensitivePersonalInfoIndividuals: null,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-SH-BANKOPS
	{
		// art. 8: remote access by the Singapore operations centre, 640,000 non-sensitive: standard contract filed.
		unitCode: 'BU-SH-BANKOPS',
		code: 'FLW-OPS-SG-RA',
		name: 'Remote access by Singapore operations to client servicing data',
		destinationCountry: 'SG',
		destinationEntity: 'Meridian Bank Asia Operations Pte Ltd',
		personalInfoIndividuals: 640_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'standard_contract',
		mechanismSince: '2024-07-08',
		mechanismExpiresOn: null,
	},
	{
		// art. 5(4): 45,000 non-sensitive, non-CIIO: EXEMPT.
		unitCode: 'BU-SH-BANKOPS',
		code: 'FLW-OPS-HK-RECON',
		name: 'Reconciliation exceptions to Hong Kong',
		destinationCountry: 'HK',
		destinationEntity: 'Meridian Bank (Hong Kong) Ltd',
		personalInfoIndividuals: 45_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 4: KYC files of clients onboarded in the UK, processed in Shanghai and returned, nothing domestic
		// added: EXEMPT.
		unitCode: 'BU-SH-BANKOPS',
		code: 'FLW-OPS-KYC-RETURN',
		name: 'KYC reviews for UK-onboarded clients (processed in Shanghai, returned)',
		destinationCountry: 'GB',
		destinationEntity: 'Meridian Bank plc (London)',
		personalInfoIndividuals: 120_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: false,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// UNKNOWN volumes, remote access: the group data office queries the operations warehouse for global MI.
		unitCode: 'BU-SH-BANKOPS',
		code: 'FLW-OPS-MI-RA',
		name: 'Remote access by the group data office to the operations warehouse',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Holdings Inc. (Group Data Office)',
		personalInfoIndividuals: null,
		sensitivePersonalInfoIndividuals: null,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-SH-RETAIL
	{
		// art. 5(1): cross-border e-commerce orders fulfilled from Hong Kong: EXEMPT.
		unitCode: 'BU-SH-RETAIL',
		code: 'FLW-RTL-XBORDER',
		name: 'Cross-border e-commerce orders to the Hong Kong fulfilment entity',
		destinationCountry: 'HK',
		destinationEntity: 'Meridian Retail (Hong Kong) Ltd',
		personalInfoIndividuals: 310_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'contract_with_individual',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// THRESHOLD art. 8: exactly 100,000 is "100,000 以上" and not "不满 100,000": STANDARD CONTRACT or
		// certification needed; NONE in place (the team read "more than 100,000" and thought it exempt).
		unitCode: 'BU-SH-RETAIL',
		code: 'FLW-RTL-LOYALTY',
		name: 'Loyalty members to the global customer data platform',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Retail Group Inc.',
		personalInfoIndividuals: 100_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// THRESHOLD art. 5(4): 99,999 is "不满 100,000", non-CIIO, no sensitive PI: EXEMPT.
		unitCode: 'BU-SH-RETAIL',
		code: 'FLW-RTL-AUDIENCES',
		name: 'Marketing audiences to the APAC marketing hub',
		destinationCountry: 'SG',
		destinationEntity: 'Meridian Retail Asia Pte Ltd',
		personalInfoIndividuals: 99_999,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 8, remote access by the Manila customer-care team: certified (certification available since
		// 2026-01-01; certificate valid 3 years).
		unitCode: 'BU-SH-RETAIL',
		code: 'FLW-RTL-CARE-RA',
		name: 'Remote access by Manila customer care to order history',
		destinationCountry: 'PH',
		destinationEntity: 'Meridian Global Services Inc. (Manila)',
		personalInfoIndividuals: 420_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'certification',
		mechanismSince: '2026-04-20',
		mechanismExpiresOn: '2029-04-19',
	},

	// BU-SH-CNHQ
	{
		// art. 5(2): employee records strictly necessary for cross-border HR management: EXEMPT (sensitive PI
		// included: ID numbers, bank accounts for payroll).
		unitCode: 'BU-SH-CNHQ',
		code: 'FLW-HQ-HRIS',
		name: 'China employee records to the global HRIS',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Holdings Inc. (Global HR)',
		personalInfoIndividuals: 12_800,
		sensitivePersonalInfoIndividuals: 12_800,
		includesImportantData: false,
		purpose: 'hr_management',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// Not HR administration: people analytics falls back to the volume tests (确需). 12,800 non-sensitive:
		// art. 5(4) EXEMPT; the sensitive subset (performance and health-leave data, 1,900) needs art. 8: NONE in place.
		unitCode: 'BU-SH-CNHQ',
		code: 'FLW-HQ-PEOPLE-ANALYTICS',
		name: 'People analytics and attrition models',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Holdings Inc. (People Analytics)',
		personalInfoIndividuals: 12_800,
		sensitivePersonalInfoIndividuals: 1_900,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-BJ-RND
	{
		// No PI, no important data: source code is outside the 2024 Provisions' mechanisms. Remote access from the US.
		unitCode: 'BU-BJ-RND',
		code: 'FLW-RND-SCM-RA',
		name: 'Remote access by US and German engineers to source repositories',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Technology Inc. (Seattle)',
		personalInfoIndividuals: 0,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 5(4): remote access from Bengaluru to masked test data, 48,000 non-sensitive: EXEMPT.
		unitCode: 'BU-BJ-RND',
		code: 'FLW-RND-TESTLAB-RA',
		name: 'Remote access by Bengaluru support engineers to the test data lab',
		destinationCountry: 'IN',
		destinationEntity: 'Meridian Technology India Pvt Ltd (Bengaluru)',
		personalInfoIndividuals: 48_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 8: product telemetry with device identifiers from China customers, 210,000: NONE in place.
		unitCode: 'BU-BJ-RND',
		code: 'FLW-RND-TELEMETRY',
		name: 'Product telemetry to the global telemetry service',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Technology Inc. (Seattle)',
		personalInfoIndividuals: 210_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-BJ-WEALTH
	{
		// art. 7(2): 38,000 sensitive (financial accounts) is over 10,000: SECURITY ASSESSMENT, in place and valid.
		unitCode: 'BU-BJ-WEALTH',
		code: 'FLW-WLT-HK-RA',
		name: 'Remote access by Hong Kong relationship managers to client portfolios',
		destinationCountry: 'HK',
		destinationEntity: 'Meridian Private Bank (Hong Kong) Ltd',
		personalInfoIndividuals: 38_000,
		sensitivePersonalInfoIndividuals: 38_000,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'security_assessment',
		mechanismSince: '2025-05-19',
		mechanismExpiresOn: '2028-05-18',
	},
	{
		// art. 5(1): opening an offshore account at the client's request: EXEMPT.
		unitCode: 'BU-BJ-WEALTH',
		code: 'FLW-WLT-ACCOUNT-OPENING',
		name: 'Offshore account opening for clients',
		destinationCountry: 'HK',
		destinationEntity: 'Meridian Private Bank (Hong Kong) Ltd',
		personalInfoIndividuals: 6_500,
		sensitivePersonalInfoIndividuals: 6_500,
		includesImportantData: false,
		purpose: 'contract_with_individual',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-BJ-REP
	{
		// art. 5(4): 4,200 business contacts: EXEMPT.
		unitCode: 'BU-BJ-REP',
		code: 'FLW-REP-CONTACTS',
		name: 'Business contacts to the group CRM',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Holdings Inc.',
		personalInfoIndividuals: 4_200,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-SZ-APP (new consumer app)
	{
		// art. 8: 680,000 app users replicated to the regional cloud: NONE in place.
		unitCode: 'BU-SZ-APP',
		code: 'FLW-APP-PROFILES',
		name: 'App user profiles to the Singapore regional cloud',
		destinationCountry: 'SG',
		destinationEntity: 'Meridian Consumer Asia Pte Ltd',
		personalInfoIndividuals: 680_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// THRESHOLD art. 8: 9,999 sensitive (precise location) is "不满 10,000": STANDARD CONTRACT or certification
		// (there is no lower floor for sensitive PI); NONE in place. The 9,999 non-sensitive alone would be 5(4).
		unitCode: 'BU-SZ-APP',
		code: 'FLW-APP-LOCATION',
		name: 'Location-based offers engine (precise location)',
		destinationCountry: 'JP',
		destinationEntity: 'Meridian Japan KK (Digital)',
		personalInfoIndividuals: 9_999,
		sensitivePersonalInfoIndividuals: 9_999,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// UNKNOWN volumes: third-party analytics SDK embedded in the app.
		unitCode: 'BU-SZ-APP',
		code: 'FLW-APP-SDK',
		name: 'Third-party product analytics SDK',
		destinationCountry: 'US',
		destinationEntity: 'Funnelwise Inc. (vendor)',
		personalInfoIndividuals: null,
		sensitivePersonalInfoIndividuals: null,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-SZ-LOG (Qianhai, Guangdong FTZ: no negative list in force)
	{
		// art. 3: customs declarations and freight data, no PI, no important data: EXEMPT.
		unitCode: 'BU-SZ-LOG',
		code: 'FLW-LOG-CUSTOMS',
		name: 'Customs declarations and freight data to the Hong Kong hub',
		destinationCountry: 'HK',
		destinationEntity: 'Meridian Logistics (Hong Kong) Ltd',
		personalInfoIndividuals: 0,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 8: 260,000 consignees since 1 January. Registered in Qianhai, whose zone has no negative list in force,
		// so art. 6 cannot exempt it: a standard contract was filed.
		unitCode: 'BU-SZ-LOG',
		code: 'FLW-LOG-CONSIGNEES',
		name: 'Consignee delivery data to the regional control tower',
		destinationCountry: 'SG',
		destinationEntity: 'Meridian Logistics Asia Pte Ltd',
		personalInfoIndividuals: 260_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'standard_contract',
		mechanismSince: '2025-03-10',
		mechanismExpiresOn: null,
	},

	// BU-SZ-ENERGY
	{
		// art. 7(2): grid operation data notified as important data: SECURITY ASSESSMENT, in place.
		unitCode: 'BU-SZ-ENERGY',
		code: 'FLW-NRG-GRID',
		name: 'Grid-edge operating data to European R&D',
		destinationCountry: 'DE',
		destinationEntity: 'Meridian Energy GmbH (Munich)',
		personalInfoIndividuals: 0,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: true,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'security_assessment',
		mechanismSince: '2025-08-11',
		mechanismExpiresOn: '2028-08-10',
	},
	{
		// art. 8: household consumption profiles, 430,000: certified.
		unitCode: 'BU-SZ-ENERGY',
		code: 'FLW-NRG-HOUSEHOLD',
		name: 'Household consumption profiles to analytics',
		destinationCountry: 'SG',
		destinationEntity: 'Meridian Energy Asia Pte Ltd',
		personalInfoIndividuals: 430_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'certification',
		mechanismSince: '2026-03-09',
		mechanismExpiresOn: '2029-03-08',
	},

	// BU-SU-MFG
	{
		// art. 3: production quality statistics for transnational manufacturing, no PI, no important data: EXEMPT.
		unitCode: 'BU-SU-MFG',
		code: 'FLW-MFG-QUALITY',
		name: 'Production quality statistics to engineering HQ',
		destinationCountry: 'DE',
		destinationEntity: 'Meridian Industrial GmbH (Stuttgart)',
		personalInfoIndividuals: 0,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 7(2): vendor remote maintenance of the control systems reaches line configuration data the industry
		// regulator notified as important data: SECURITY ASSESSMENT required, NONE in place.
		unitCode: 'BU-SU-MFG',
		code: 'FLW-MFG-ICS-RA',
		name: 'Remote maintenance of plant control systems by the equipment vendor',
		destinationCountry: 'DE',
		destinationEntity: 'Meridian Industrial GmbH (Service)',
		personalInfoIndividuals: 0,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: true,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-SU-JV
	{
		// art. 5(2): JV employees' data to the foreign parent's HR: EXEMPT.
		unitCode: 'BU-SU-JV',
		code: 'FLW-JV-HR',
		name: 'JV employee records to the parent HR system',
		destinationCountry: 'DE',
		destinationEntity: 'Meridian Industrial GmbH (HR)',
		personalInfoIndividuals: 1_300,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'hr_management',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 8: vehicle owners' warranty claims, 260,000: standard contract filed.
		unitCode: 'BU-SU-JV',
		code: 'FLW-JV-WARRANTY',
		name: 'Warranty claims (vehicle owners) to the parent',
		destinationCountry: 'DE',
		destinationEntity: 'Meridian Industrial GmbH (Quality)',
		personalInfoIndividuals: 260_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'standard_contract',
		mechanismSince: '2025-06-30',
		mechanismExpiresOn: null,
	},

	// BU-GZ-RETAIL
	{
		// art. 5(4): 75,000 mini-program shoppers: EXEMPT.
		unitCode: 'BU-GZ-RETAIL',
		code: 'FLW-GZR-SHOPPERS',
		name: 'Mini-program shopper segments to Hong Kong merchandising',
		destinationCountry: 'HK',
		destinationEntity: 'Meridian Retail (Hong Kong) Ltd',
		personalInfoIndividuals: 75_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 3: supplier orders and shipment data (international trade), no PI: EXEMPT.
		unitCode: 'BU-GZ-RETAIL',
		code: 'FLW-GZR-SOURCING',
		name: 'Supplier orders to the Japan sourcing office',
		destinationCountry: 'JP',
		destinationEntity: 'Meridian Trading Japan KK',
		personalInfoIndividuals: 0,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-GZ-HEALTH
	{
		// THRESHOLD art. 7(2): exactly 10,000 sensitive (health data) is "10,000 以上": SECURITY ASSESSMENT required.
		// Only a standard contract is in place: filed on the "more than 10,000" misreading. WRONG mechanism.
		unitCode: 'BU-GZ-HEALTH',
		code: 'FLW-HLT-WEARABLE',
		name: 'Wearable health data to digital health R&D',
		destinationCountry: 'US',
		destinationEntity: 'Meridian Health Labs LLC (Boston)',
		personalInfoIndividuals: 10_000,
		sensitivePersonalInfoIndividuals: 10_000,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'standard_contract',
		mechanismSince: '2025-01-20',
		mechanismExpiresOn: null,
	},
	{
		// art. 8: 1,850 sensitive (adverse-event reports): standard contract filed.
		unitCode: 'BU-GZ-HEALTH',
		code: 'FLW-HLT-SAFETY',
		name: 'Adverse-event reports to global product safety',
		destinationCountry: 'DE',
		destinationEntity: 'Meridian Consumer Health GmbH',
		personalInfoIndividuals: 1_850,
		sensitivePersonalInfoIndividuals: 1_850,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'standard_contract',
		mechanismSince: '2024-11-04',
		mechanismExpiresOn: null,
	},
	{
		// art. 5(3): serious reactions escalated to the on-call medical safety physician to protect life and health:
		// EXEMPT.
		unitCode: 'BU-GZ-HEALTH',
		code: 'FLW-HLT-EMERGENCY',
		name: 'Emergency medical escalations to the on-call safety physician',
		destinationCountry: 'GB',
		destinationEntity: 'Meridian Consumer Health Ltd (Medical Safety)',
		personalInfoIndividuals: 60,
		sensitivePersonalInfoIndividuals: 60,
		includesImportantData: false,
		purpose: 'emergency',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-CD-TECH
	{
		// art. 5(4): follow-the-sun IT support reaching 13,400 employee and contractor records: EXEMPT (IT support is not HR
		// management, so 5(2) does not carry it; the volume test does).
		unitCode: 'BU-CD-TECH',
		code: 'FLW-CD-ITSM-RA',
		name: 'Remote access by follow-the-sun IT support to the service desk',
		destinationCountry: 'SG',
		destinationEntity: 'Meridian Technology Asia Pte Ltd',
		personalInfoIndividuals: 13_400,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: true,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},

	// BU-DL-SSC
	{
		// art. 4: Japanese customers' contact-centre records handled in Dalian and returned to Japan: EXEMPT.
		unitCode: 'BU-DL-SSC',
		code: 'FLW-SSC-JP-RETURN',
		name: 'Contact-centre records returned to Meridian Japan',
		destinationCountry: 'JP',
		destinationEntity: 'Meridian Japan KK',
		personalInfoIndividuals: 240_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: false,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
	{
		// art. 5(4): supplier contacts on invoices, 12,000: EXEMPT.
		unitCode: 'BU-DL-SSC',
		code: 'FLW-SSC-PAYABLES',
		name: 'Supplier invoices and payments to the finance hub',
		destinationCountry: 'GB',
		destinationEntity: 'Meridian Holdings plc (Group Finance)',
		personalInfoIndividuals: 12_000,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	},
]

/**
 * Monthly counts of the Guangzhou retailer's shopper flow in 2026 (they add up to its 75,000 since 1 January):
 * growth through the year and the November sales, which the forecast follows instead of the run rate. Its sourcing
 * flow, also counted, carries no personal information each month.
 */
const GZ_SHOPPERS_2026 = [3_000, 2_500, 4_000, 5_000, 5_500, 6_000, 6_500, 7_500, 8_500, 10_500, 16_000]
export const DEMO_FLOW_MONTHS: Array<Omit<FlowMonthCount, 'flowId'> & { flowCode: string }> = GZ_SHOPPERS_2026.flatMap((n, i) => {
	const month = `2026-${String(i + 1).padStart(2, '0')}`
	return [
		{ flowCode: 'FLW-GZR-SHOPPERS', month, personalInfoIndividuals: n, sensitivePersonalInfoIndividuals: 0 },
		{ flowCode: 'FLW-GZR-SOURCING', month, personalInfoIndividuals: 0, sensitivePersonalInfoIndividuals: 0 },
	]
})

// ---------------------------------------------------------------------------------------------------------------
// Staffing lines. Wages: average monthly RMB over the last 12 months, realistic for a multinational in each city.
// Severance caps (3x the local average, seed/reference/wages.ts): Shanghai 37,302; Beijing 47,103; Shenzhen
// 44,265; Guangzhou 41,112; Chengdu 25,152; Suzhou ~31,500 and Dalian ~26,700 (ESTIMATES). Lines marked
// "ABOVE CAP" earn more than that, so both their base and their years are capped.

const line = (
	unitCode: string,
	code: string,
	fn: DemoStaffingLine['function'],
	city: string,
	headcount: number,
	avgMonthlyWageRmb: number,
	avgTenureMonths: number,
	accessToPersonalData: boolean,
): DemoStaffingLine => ({
	unitCode,
	code,
	function: fn,
	city,
	headcount,
	avgMonthlyWageRmb,
	avgTenureMonths,
	accessToPersonalData,
})

export const DEMO_STAFFING: DemoStaffingLine[] = [
	// BU-SH-BANK
	line('BU-SH-BANK', 'SL-BANK-SALES-SH', 'sales', 'Shanghai', 220, 26_000, 62, true),
	line('BU-SH-BANK', 'SL-BANK-OPS-SH', 'operations', 'Shanghai', 180, 16_500, 74, true),
	line('BU-SH-BANK', 'SL-BANK-IT-SH', 'it', 'Shanghai', 90, 27_000, 58, true),
	line('BU-SH-BANK', 'SL-BANK-BO-SH', 'back_office', 'Shanghai', 110, 17_000, 66, true),
	line('BU-SH-BANK', 'SL-BANK-MGMT-SH', 'management', 'Shanghai', 24, 68_000, 96, false), // ABOVE CAP

	// BU-SH-PAY
	line('BU-SH-PAY', 'SL-PAY-OPS-SH', 'operations', 'Shanghai', 95, 15_500, 48, true),
	line('BU-SH-PAY', 'SL-PAY-IT-SH', 'it', 'Shanghai', 130, 30_000, 44, true),
	line('BU-SH-PAY', 'SL-PAY-RND-SH', 'rnd', 'Shanghai', 70, 34_000, 40, true),
	line('BU-SH-PAY', 'SL-PAY-MGMT-SH', 'management', 'Shanghai', 9, 55_000, 70, false), // ABOVE CAP

	// BU-SH-BANKOPS: SL-OPS-DATA-SH is the ~150-strong client data operations team the scenarios relocate.
	line('BU-SH-BANKOPS', 'SL-OPS-DATA-SH', 'back_office', 'Shanghai', 148, 18_500, 71, true),
	line('BU-SH-BANKOPS', 'SL-OPS-RECON-SH', 'back_office', 'Shanghai', 64, 14_800, 83, true),
	line('BU-SH-BANKOPS', 'SL-OPS-MGMT-SH', 'management', 'Shanghai', 6, 46_000, 110, true), // ABOVE CAP

	// BU-SH-RETAIL
	line('BU-SH-RETAIL', 'SL-RTL-SALES-SH', 'sales', 'Shanghai', 1_450, 8_200, 40, true), // store associates
	line('BU-SH-RETAIL', 'SL-RTL-ECOM-SH', 'operations', 'Shanghai', 210, 15_000, 36, true),
	line('BU-SH-RETAIL', 'SL-RTL-BO-SH', 'back_office', 'Shanghai', 160, 14_000, 58, true),
	line('BU-SH-RETAIL', 'SL-RTL-MGMT-SH', 'management', 'Shanghai', 18, 52_000, 88, false), // ABOVE CAP

	// BU-SH-CNHQ
	line('BU-SH-CNHQ', 'SL-HQ-BO-SH', 'back_office', 'Shanghai', 120, 19_000, 80, true),
	line('BU-SH-CNHQ', 'SL-HQ-IT-SH', 'it', 'Shanghai', 40, 25_500, 71, true),
	// ABOVE CAP, and over 12 years on average: the 12-year cap bites too.
	line('BU-SH-CNHQ', 'SL-HQ-MGMT-SH', 'management', 'Shanghai', 22, 85_000, 162, true),

	// BU-BJ-RND: 1,500 engineers (rnd) in all, 1,220 of them in Beijing, 160 in Shanghai, 120 in Chengdu.
	line('BU-BJ-RND', 'SL-RND-PLATFORM-BJ', 'rnd', 'Beijing', 420, 32_000, 68, false),
	line('BU-BJ-RND', 'SL-RND-CLOUD-BJ', 'rnd', 'Beijing', 360, 33_500, 54, false),
	line('BU-BJ-RND', 'SL-RND-DATA-BJ', 'rnd', 'Beijing', 250, 35_000, 49, true), // works on the test data lab
	line('BU-BJ-RND', 'SL-RND-MOBILE-BJ', 'rnd', 'Beijing', 150, 29_500, 41, false),
	line('BU-BJ-RND', 'SL-RND-PRINCIPAL-BJ', 'rnd', 'Beijing', 40, 52_000, 131, false), // ABOVE CAP
	line('BU-BJ-RND', 'SL-RND-SH', 'rnd', 'Shanghai', 160, 31_000, 57, false),
	line('BU-BJ-RND', 'SL-RND-CD', 'rnd', 'Chengdu', 120, 19_500, 38, false),
	line('BU-BJ-RND', 'SL-RND-IT-BJ', 'it', 'Beijing', 45, 24_500, 60, false),
	line('BU-BJ-RND', 'SL-RND-BO-BJ', 'back_office', 'Beijing', 38, 15_000, 72, true),
	line('BU-BJ-RND', 'SL-RND-MGMT-BJ', 'management', 'Beijing', 28, 60_000, 118, false), // ABOVE CAP

	// BU-BJ-WEALTH
	line('BU-BJ-WEALTH', 'SL-WLT-RM-BJ', 'sales', 'Beijing', 140, 34_000, 52, true), // relationship managers
	line('BU-BJ-WEALTH', 'SL-WLT-BO-BJ', 'back_office', 'Beijing', 45, 17_500, 60, true),
	line('BU-BJ-WEALTH', 'SL-WLT-MGMT-BJ', 'management', 'Beijing', 7, 75_000, 84, true), // ABOVE CAP

	// BU-BJ-REP: rep office staff are hired through a licensed dispatch agency (e.g. FESCO), as rep offices must.
	line('BU-BJ-REP', 'SL-REP-MGMT-BJ', 'management', 'Beijing', 3, 62_000, 171, true), // ABOVE CAP, > 12 years
	line('BU-BJ-REP', 'SL-REP-BO-BJ', 'back_office', 'Beijing', 6, 14_000, 88, true),

	// BU-SZ-APP: a young team (launched 2026, tenures under two years).
	line('BU-SZ-APP', 'SL-APP-RND-SZ', 'rnd', 'Shenzhen', 85, 31_000, 20, true),
	line('BU-SZ-APP', 'SL-APP-OPS-SZ', 'operations', 'Shenzhen', 60, 13_500, 16, true),
	line('BU-SZ-APP', 'SL-APP-GROWTH-SZ', 'sales', 'Shenzhen', 35, 19_000, 18, true),
	line('BU-SZ-APP', 'SL-APP-MGMT-SZ', 'management', 'Shenzhen', 5, 48_000, 22, false), // ABOVE CAP

	// BU-SZ-LOG
	line('BU-SZ-LOG', 'SL-LOG-OPS-SZ', 'operations', 'Shenzhen', 520, 9_200, 58, true),
	line('BU-SZ-LOG', 'SL-LOG-SALES-SZ', 'sales', 'Shenzhen', 65, 18_000, 49, true),
	line('BU-SZ-LOG', 'SL-LOG-BO-SZ', 'back_office', 'Shenzhen', 48, 12_000, 67, true),

	// BU-SZ-ENERGY
	line('BU-SZ-ENERGY', 'SL-NRG-OPS-SZ', 'operations', 'Shenzhen', 760, 9_500, 47, false),
	line('BU-SZ-ENERGY', 'SL-NRG-RND-SZ', 'rnd', 'Shenzhen', 130, 28_000, 43, false),
	line('BU-SZ-ENERGY', 'SL-NRG-SALES-SZ', 'sales', 'Shenzhen', 55, 20_000, 45, true),
	line('BU-SZ-ENERGY', 'SL-NRG-MGMT-SZ', 'management', 'Shenzhen', 6, 50_000, 60, false), // ABOVE CAP

	// BU-SU-MFG
	line('BU-SU-MFG', 'SL-MFG-OPS-SU', 'operations', 'Suzhou', 1_850, 8_600, 84, false),
	line('BU-SU-MFG', 'SL-MFG-ENG-SU', 'rnd', 'Suzhou', 140, 21_000, 73, false),
	line('BU-SU-MFG', 'SL-MFG-OT-SU', 'it', 'Suzhou', 35, 17_500, 66, false),
	line('BU-SU-MFG', 'SL-MFG-BO-SU', 'back_office', 'Suzhou', 95, 10_800, 90, true),
	// ABOVE CAP (Suzhou ESTIMATE); joined on average before 2008-01-01, so LCL art. 97 governs part of the service.
	line('BU-SU-MFG', 'SL-MFG-MGMT-SU', 'management', 'Suzhou', 14, 42_000, 236, false),

	// BU-SU-JV
	line('BU-SU-JV', 'SL-JV-OPS-SU', 'operations', 'Suzhou', 1_120, 8_200, 41, false),
	line('BU-SU-JV', 'SL-JV-ENG-SU', 'rnd', 'Suzhou', 110, 20_500, 38, false),
	line('BU-SU-JV', 'SL-JV-BO-SU', 'back_office', 'Suzhou', 60, 10_200, 40, true),

	// BU-GZ-RETAIL
	line('BU-GZ-RETAIL', 'SL-GZR-SALES-GZ', 'sales', 'Guangzhou', 820, 7_400, 44, true),
	line('BU-GZ-RETAIL', 'SL-GZR-OPS-GZ', 'operations', 'Guangzhou', 140, 10_500, 52, false),
	line('BU-GZ-RETAIL', 'SL-GZR-BO-GZ', 'back_office', 'Guangzhou', 55, 11_500, 61, true),
	line('BU-GZ-RETAIL', 'SL-GZR-MGMT-GZ', 'management', 'Guangzhou', 8, 39_000, 77, false), // just under the cap

	// BU-GZ-HEALTH
	line('BU-GZ-HEALTH', 'SL-HLT-SALES-GZ', 'sales', 'Guangzhou', 380, 14_500, 55, true),
	line('BU-GZ-HEALTH', 'SL-HLT-OPS-GZ', 'operations', 'Guangzhou', 260, 9_800, 70, false),
	line('BU-GZ-HEALTH', 'SL-HLT-RND-GZ', 'rnd', 'Guangzhou', 90, 27_000, 63, true),
	line('BU-GZ-HEALTH', 'SL-HLT-MGMT-GZ', 'management', 'Guangzhou', 12, 45_000, 92, false), // ABOVE CAP

	// BU-CD-TECH
	line('BU-CD-TECH', 'SL-CD-IT-CD', 'it', 'Chengdu', 180, 15_000, 42, true),
	line('BU-CD-TECH', 'SL-CD-QA-CD', 'rnd', 'Chengdu', 65, 18_500, 35, false),
	line('BU-CD-TECH', 'SL-CD-MGMT-CD', 'management', 'Chengdu', 4, 30_000, 64, false), // ABOVE CAP

	// BU-DL-SSC
	line('BU-DL-SSC', 'SL-SSC-BO-DL', 'back_office', 'Dalian', 340, 9_800, 64, true),
	line('BU-DL-SSC', 'SL-SSC-CONTACT-DL', 'operations', 'Dalian', 210, 8_900, 46, true),
	line('BU-DL-SSC', 'SL-SSC-IT-DL', 'it', 'Dalian', 28, 15_500, 70, true),
	line('BU-DL-SSC', 'SL-SSC-MGMT-DL', 'management', 'Dalian', 6, 33_000, 104, false), // ABOVE CAP (Dalian ESTIMATE)
]

/**
 * Group-wide headcount per function, China included. China's share differs by function: about 40% of R&D,
 * 13% of back office, 9-12% of the rest.
 */
export const DEMO_GROUP_HEADCOUNT: GroupFunctionHeadcount[] = [
	{ function: 'back_office', globalHeadcount: 9_800 },
	{ function: 'rnd', globalHeadcount: 5_400 },
	{ function: 'sales', globalHeadcount: 31_000 },
	{ function: 'operations', globalHeadcount: 58_000 },
	{ function: 'it', globalHeadcount: 4_600 },
	{ function: 'management', globalHeadcount: 1_450 },
]

// ---------------------------------------------------------------------------------------------------------------
// Demo users, one per role. DEMO CREDENTIALS ONLY: published in the repository, for a local demo database.
// Each password is a long passphrase (>= 15 characters, not a common password).

export const DEMO_USERS: DemoUser[] = [
	{
		email: 'admin@meridian.example',
		name: 'Alex Morgan (Risk & Compliance Office)',
		role: 'admin',
		password: 'copper-lantern-tide-harbour-42',
		totpSecret: 'NETYKUMH2K5Y5IEFWIC2XEGKO7E3NPRI',
	},
	{
		email: 'analyst@meridian.example',
		name: 'Priya Raman (Strategy)',
		role: 'analyst',
		password: 'velvet-compass-orchard-river-17',
		totpSecret: 'J44PBR2M24UVBZT6A3G7NXZCZOYTE2OQ',
	},
	{
		email: 'executive@meridian.example',
		name: 'Daniel Okafor (COO, Asia Pacific)',
		role: 'executive',
		password: 'granite-sparrow-meadow-signal-85',
		totpSecret: 'N7PTBXU6QZ544HH5CADIVKEXN5F7HTUX',
	},
	{
		email: 'board@meridian.example',
		name: 'Helena Brandt (Board, Risk Committee)',
		role: 'board',
		password: 'amber-glacier-lighthouse-violin-63',
		totpSecret: '27WYKQ3QABIB6C6FACOBZKUX4RR3PNXQ',
	},
]
