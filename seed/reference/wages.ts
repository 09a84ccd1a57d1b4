// Local average monthly wages: the base of the severance cap (Labour Contract Law art. 47: a wage HIGHER THAN 3x
// the local average is capped at 3x, and its years at 12). Copied from shared/reference/regulations.json
// (`average_wages`), plus Suzhou's published 2023 figure (RSM) and one ESTIMATE row (Dalian, no figure found) so every
// China city has one. Each row used for the cap says why it is used (`reason`), and the other rows of its city stay,
// so the pages show both where sources disagree.
// Read caveats.md item 9 before relying on one figure: several statistics circulate per city.
import { type ChinaCity, type CityAverageWage } from '#models/domain.ts'

export interface SourcedCityAverageWage extends CityAverageWage {
	/** 3x the monthly figure as the source states it; null where it states none. */
	severanceCapRmb: number | null
	/** The row the severance cap uses for its city (exactly one per China city; see SEVERANCE_CAP_WAGES). */
	usedForCap: boolean
	note?: string
	conflict?: string
}

const MONDAQ_2025 =
	'https://www.mondaq.com/china/employee-benefits-compensation/1689490/prc-updates-on-average-salaries-in-major-cities%E5%9B%BD%E4%B8%BB%E8%A6%81%E5%9F%8E%E5%B8%82%E5%B9%B3%E5%9D%87%E5%B7%A5%E8%B5%84%E6%9B%B4%E6%96%B0'
const HSF_2024 =
	'https://prod.hsf-prod.magnolia-platform.com/notes/employment/2024-posts/prc-updates-on-local-average-salary-and-their-impacts'
const RSM_2024 = 'https://rsmstoneforest.sg/expert-insights/nowchina-insights-into-chinas-salary-trends-and-benchmarks'

// The JSON gives no `statistic` for Shenzhen, Guangzhou and Chengdu; the text below says so rather than guess.
const NOT_STATED = 'not stated in the source'

/**
 * Shanghai 2024, full-caliber (the Shanghai HRSS series): the latest full-caliber figure in the reference, so the
 * one used for the cap (caveats.md item 9: Shanghai uses the HRSS / full-caliber figure, not Woodburn's 14,826).
 */
const SHANGHAI_2024: SourcedCityAverageWage = {
	city: 'Shanghai',
	yearOfData: 2024,
	monthlyRmb: 12_434,
	severanceCapRmb: 37_302,
	statistic: 'full-caliber urban-unit employees (全口径城镇单位就业人员)',
	source: MONDAQ_2025,
	asOf: '2025-09-24',
	verified: true,
	usedForCap: true,
	conflict:
		'Woodburn lists Shanghai at 14,826 (cap 44,478), probably the non-private-unit series; the HRSS / full-caliber figure is used. caveats.md item 9.',
}

const SHANGHAI_2023: SourcedCityAverageWage = {
	city: 'Shanghai',
	yearOfData: 2023,
	monthlyRmb: 12_307,
	severanceCapRmb: 36_921,
	statistic: 'full-caliber; also sets 2024-07 social insurance base cap 36,921 / floor 7,384',
	source: 'http://acbcshanghai.com/p-127/id-502.html',
	asOf: '2024-07-01',
	verified: true,
	usedForCap: false,
	note: 'Superseded for the cap by the 2024 figure (same full-caliber series).',
}

/** Beijing uses its non-private in-post series for the severance cap (Mondaq/HSF, Woodburn). */
const BEIJING_2023_SEVERANCE: SourcedCityAverageWage = {
	city: 'Beijing',
	yearOfData: 2023,
	monthlyRmb: 15_701,
	severanceCapRmb: 47_103,
	statistic: 'figure Beijing uses for severance cap (non-private in-post employees); Beijing 2024 data not yet published at source date',
	source: MONDAQ_2025,
	asOf: '2025-09-24',
	verified: true,
	usedForCap: true,
	conflict:
		'Beijing full-caliber 2023 average 11,761 (social-insurance base, cap 35,283) per RSM/Woodburn; Wolters Kluwer (2023) gives 14,873. caveats.md item 9.',
}

const BEIJING_2023_FULL_CALIBER: SourcedCityAverageWage = {
	city: 'Beijing',
	yearOfData: 2023,
	monthlyRmb: 11_761,
	severanceCapRmb: null,
	statistic: 'full-caliber average used for social insurance base (cap 35,283)',
	source: RSM_2024,
	asOf: '2024-12',
	verified: true,
	usedForCap: false,
}

const SHENZHEN_2024: SourcedCityAverageWage = {
	city: 'Shenzhen',
	yearOfData: 2024,
	monthlyRmb: 14_755,
	severanceCapRmb: 44_265,
	statistic: NOT_STATED,
	source: MONDAQ_2025,
	asOf: '2025-09-24',
	verified: true,
	usedForCap: true,
}

const GUANGZHOU_2024: SourcedCityAverageWage = {
	city: 'Guangzhou',
	yearOfData: 2024,
	monthlyRmb: 13_704,
	severanceCapRmb: 41_112,
	statistic: NOT_STATED,
	source: MONDAQ_2025,
	asOf: '2025-09-24',
	verified: true,
	usedForCap: true,
}

const SHENZHEN_2023: SourcedCityAverageWage = {
	city: 'Shenzhen',
	yearOfData: 2023,
	monthlyRmb: 14_553,
	severanceCapRmb: null,
	statistic: NOT_STATED,
	source: HSF_2024,
	asOf: '2024-07',
	verified: true,
	usedForCap: false,
}

const GUANGZHOU_2023: SourcedCityAverageWage = {
	city: 'Guangzhou',
	yearOfData: 2023,
	monthlyRmb: 13_193,
	severanceCapRmb: null,
	statistic: NOT_STATED,
	source: HSF_2024,
	asOf: '2024-07',
	verified: true,
	usedForCap: false,
}

const CHENGDU_2023: SourcedCityAverageWage = {
	city: 'Chengdu',
	yearOfData: 2023,
	monthlyRmb: 8_384,
	severanceCapRmb: null,
	statistic: NOT_STATED,
	source: RSM_2024,
	asOf: '2024-12',
	verified: true,
	usedForCap: true,
}

/**
 * Suzhou 2023, the average wage the Suzhou HRSS approved for social insurance (RSM's table of city averages, from
 * the local HRSS bureaus, October 2024). It replaces the seed's earlier ESTIMATE of 10,500, which was below it.
 */
const SUZHOU_2023: SourcedCityAverageWage = {
	city: 'Suzhou',
	yearOfData: 2023,
	monthlyRmb: 11_424,
	severanceCapRmb: null,
	statistic: 'social average wage approved by the local HRSS for social insurance (2021: 10,459; 2022: 10,910)',
	source: RSM_2024,
	asOf: '2024-12',
	verified: true,
	usedForCap: true,
	note: 'Replaces an earlier seed ESTIMATE of 10,500 (not a published figure). The 2024 figure was not found in the stored sources.',
}

/**
 * ESTIMATE made for this seed: the reference found no Dalian figure ("no figure found in sources"); see
 * DALIAN_WAGE_GAP for that row as the JSON has it. Placeholder only, like Suzhou.
 */
const DALIAN_ESTIMATE: SourcedCityAverageWage = {
	city: 'Dalian',
	yearOfData: 2024,
	monthlyRmb: 8_900,
	severanceCapRmb: null,
	statistic: 'ESTIMATE (seed placeholder, not a published statistic): no Dalian figure found in the reference sources',
	source: 'none: ESTIMATE made for the seed data; replace with the Dalian HRSS published average wage',
	asOf: '2026-11-23 (estimate)',
	verified: false,
	usedForCap: true,
}

/** Every row of `average_wages` that has a figure, in the JSON's order, then the two seed ESTIMATE rows. */
export const CITY_AVERAGE_WAGES: SourcedCityAverageWage[] = [
	SHANGHAI_2024,
	SHANGHAI_2023,
	BEIJING_2023_SEVERANCE,
	BEIJING_2023_FULL_CALIBER,
	SHENZHEN_2024,
	GUANGZHOU_2024,
	SHENZHEN_2023,
	GUANGZHOU_2023,
	CHENGDU_2023,
	SUZHOU_2023,
	DALIAN_ESTIMATE,
]

/** The JSON's Dalian row, kept as it is (no figure), so the gap itself stays visible. */
export const DALIAN_WAGE_GAP = {
	city: 'Dalian',
	yearOfData: null,
	monthlyRmb: null,
	note: 'no figure found in sources',
	source: 'none found',
	asOf: 'n/a',
	verified: false,
} as const

export interface SeveranceCapWage {
	wage: SourcedCityAverageWage
	/** 3x wage.monthlyRmb: a wage HIGHER THAN this is capped (art. 47). */
	capMonthlyRmb: number
	/** Why this row and not another. */
	reason: string
}

const capOf = (wage: SourcedCityAverageWage, reason: string): SeveranceCapWage => ({
	wage,
	capMonthlyRmb: 3 * wage.monthlyRmb,
	reason,
})

/** The figure the severance cap uses in each China city (the rows with `usedForCap: true`). */
export const SEVERANCE_CAP_WAGES: Readonly<Record<ChinaCity, SeveranceCapWage>> = {
	Shanghai: capOf(
		SHANGHAI_2024,
		'HRSS / full-caliber series per caveats.md item 9; the 2024 figure is the latest in the reference (2023: 12,307).',
	),
	Beijing: capOf(BEIJING_2023_SEVERANCE, 'The statistic Beijing itself uses for the severance cap; 2024 not yet published.'),
	Shenzhen: capOf(SHENZHEN_2024, 'Latest figure in the reference.'),
	Guangzhou: capOf(GUANGZHOU_2024, 'Latest figure in the reference.'),
	Chengdu: capOf(CHENGDU_2023, 'Only figure in the reference.'),
	Suzhou: capOf(SUZHOU_2023, 'Latest published figure found (2023, Suzhou HRSS via RSM); replaces the seed estimate of 10,500.'),
	Dalian: capOf(DALIAN_ESTIMATE, 'ESTIMATE: no Dalian figure found in the reference.'),
}

/** What the pages show beside a row: why it is (or is not) the one the cap uses, and where sources disagree. */
export function wageNote(w: SourcedCityAverageWage): string {
	const cap = SEVERANCE_CAP_WAGES[w.city as ChinaCity]
	const why = w.usedForCap
		? `Used for the severance cap: ${cap?.reason ?? 'the row chosen for this city.'}`
		: `Not used for the cap (${cap ? `RMB ${cap.wage.monthlyRmb.toLocaleString('en')} for ${cap.wage.yearOfData} is` : 'another row is'}). ${w.note ?? ''}`.trim()
	return [why, w.usedForCap ? w.note : undefined, w.conflict].filter(Boolean).join(' ')
}
