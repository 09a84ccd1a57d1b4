// Every reference fact of this folder as one flat list of rows with a stable key, for a reference-facts table
// (db: reference_fact: fact_key, category, title, body JSON, source, as_of, verified). The typed constants in the
// other files stay the source of truth; this only reshapes them. Wages and destinations have tables of their own.
import { CASES_2019 } from './cases.ts'
import {
	CERTIFICATION_2025,
	CROSS_BORDER_INTERPRETIVE_NOTES,
	CROSS_BORDER_THRESHOLDS,
	FTZ_NEGATIVE_LISTS,
	MEASURES_2022_SECURITY_ASSESSMENT,
	MEASURES_2023_STANDARD_CONTRACT,
	MECHANISM_THRESHOLDS_TABLE,
	PROVISIONS_2024,
	PROVISIONS_2024_ARTICLES,
	THRESHOLD_READING,
} from './cross-border-regime.ts'
import { FX_ASSUMPTIONS } from './fx.ts'
import { FTZ_ZONE_FACTS, FTZ_ZONES_DATE_UNCONFIRMED } from './ftz-zones.ts'
import { LABOUR_ARTICLES, LABOUR_CONTRACT_LAW, LCL_ART40, LCL_ART41, LCL_ART47, LCL_ART87, LCL_ART97 } from './labour.ts'
import { MLPS_FILING, MLPS_FT_2019_CONTEXT, MLPS_GRADING_MATRIX, MLPS_LEVEL_FACTS, MLPS_STANDARD } from './mlps-levels.ts'
import { type Provenance } from './provenance.ts'
import { PENALTIES, REGULATION_OBLIGATIONS, REGULATIONS, type RegulationId } from './regulations.ts'

export const REFERENCE_FACT_CATEGORIES = ['regulation', 'obligation', 'penalty', 'mlps', 'cross_border', 'labour', 'case', 'fx'] as const
export type ReferenceFactCategory = (typeof REFERENCE_FACT_CATEGORIES)[number]

export interface ReferenceFact {
	/** Stable across seeds: '<category>:<slug>'. */
	key: string
	category: ReferenceFactCategory
	title: string
	/** The typed row itself (provenance included), to be stored as JSON. */
	body: unknown
	source: string
	asOf: string
	verified: boolean
}

const SHORT: Record<RegulationId, string> = {
	'CN-CSL': 'CSL',
	'CN-MLPS2': 'MLPS 2.0',
	'CN-DSL': 'DSL',
	'CN-PIPL': 'PIPL',
	'CN-NDSMR': 'Network Data Regulations',
}

const slug = (...parts: string[]) =>
	parts
		.join('-')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80)
		.replace(/-$/, '')

const fact = (category: ReferenceFactCategory, keyParts: string[], title: string, row: Provenance & object): ReferenceFact => ({
	key: `${category}:${slug(...keyParts)}`,
	category,
	title,
	body: row,
	source: row.source,
	asOf: row.asOf,
	verified: row.verified,
})

// '37', '34-36', '59(1)', '30, 32' get 'art. '; names of instruments ('2022 Measures art.19') stay as they are.
const article = (a: string) => (/^[0-9][0-9()\-, ]*$/.test(a) ? `art. ${a}` : a)

export const REFERENCE_FACTS: ReferenceFact[] = [
	...REGULATIONS.map(r => fact('regulation', [r.id], r.name, r)),
	...REGULATION_OBLIGATIONS.map(o =>
		fact('obligation', [o.regulationId, o.article || o.text.slice(0, 48)], `${SHORT[o.regulationId]} ${article(o.article)}`.trim(), o),
	),
	...PENALTIES.map(p =>
		fact(
			'penalty',
			[p.regulationId, p.textVersion, p.article, p.who],
			`${SHORT[p.regulationId]} ${article(p.article)} (${p.textVersion === 'in_force' ? 'in force' : `${p.textVersion} text`}): ${p.who}`,
			p,
		),
	),
	...MLPS_LEVEL_FACTS.map(l => fact('mlps', ['level', String(l.level)], `MLPS level ${l.level}: ${l.name}`, l)),
	fact('mlps', ['filing'], 'MLPS filing with the PSB', MLPS_FILING),
	fact('mlps', ['grading-matrix'], 'MLPS grading matrix (GB/T 22240)', MLPS_GRADING_MATRIX),
	fact('mlps', ['standard'], 'GB/T 22239-2019 and its extensions', MLPS_STANDARD),
	fact('mlps', ['ft-2019-context'], 'FT, May 2019: MLPS 2.0 and foreign firms', MLPS_FT_2019_CONTEXT),
	fact('cross_border', ['threshold-reading'], '以上 includes the number, 不满 excludes it', THRESHOLD_READING),
	fact('cross_border', ['provisions-2024'], PROVISIONS_2024.name, PROVISIONS_2024),
	...PROVISIONS_2024_ARTICLES.map(a => fact('cross_border', ['provisions-2024-art', a.art], `2024 Provisions art. ${a.art}`, a)),
	fact('cross_border', ['thresholds'], '2024 Provisions: thresholds and validity', CROSS_BORDER_THRESHOLDS),
	fact('cross_border', ['measures-2022'], MEASURES_2022_SECURITY_ASSESSMENT.name, MEASURES_2022_SECURITY_ASSESSMENT),
	fact('cross_border', ['measures-2023'], MEASURES_2023_STANDARD_CONTRACT.name, MEASURES_2023_STANDARD_CONTRACT),
	fact('cross_border', ['certification-2025'], CERTIFICATION_2025.name, CERTIFICATION_2025),
	fact('cross_border', ['ftz-negative-lists'], 'Free-trade-zone negative lists', FTZ_NEGATIVE_LISTS),
	...FTZ_ZONE_FACTS.map(z => fact('cross_border', ['ftz-zone', z.id], `${z.name}: negative list in force since ${z.since}`, z)),
	fact('cross_border', ['ftz-zones-date-unconfirmed'], 'Free-trade zones with a list whose date was not found', FTZ_ZONES_DATE_UNCONFIRMED),
	...MECHANISM_THRESHOLDS_TABLE.map(m => fact('cross_border', ['mechanism', m.basis, m.case], `${m.basis}: ${m.case}`, m)),
	...CROSS_BORDER_INTERPRETIVE_NOTES.map(n => fact('cross_border', ['note', n.topic], `Interpretive note: ${n.topic}`, n)),
	fact('labour', ['law'], LABOUR_CONTRACT_LAW.law, LABOUR_CONTRACT_LAW),
	...LABOUR_ARTICLES.map(a => fact('labour', ['article', a.article], `Labour Contract Law: ${a.title}`, a)),
	fact('labour', ['art40-rules'], 'LCL art. 40: notice or a month in lieu', LCL_ART40),
	fact('labour', ['art41-rules'], 'LCL art. 41: mass-layoff procedure', LCL_ART41),
	fact('labour', ['art47-rules'], 'LCL art. 47: economic compensation and its cap', LCL_ART47),
	fact('labour', ['art87-rules'], 'LCL art. 87: unlawful termination (2N)', LCL_ART87),
	fact('labour', ['art97-rules'], 'LCL art. 97: service before 2008', LCL_ART97),
	...CASES_2019.map(c => fact('case', ['2019', c.company], `${c.company} (2019)`, c)),
	fact('fx', ['assumptions'], 'FX assumptions for estimates (not sourced)', FX_ASSUMPTIONS),
]
