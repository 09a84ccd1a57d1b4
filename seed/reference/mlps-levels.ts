// MLPS 2.0: the five levels, filing, assessment frequency and the GB/T 22240 grading matrix.
// Copied from shared/reference/regulations.json (`mlps_levels`, `mlps_levels_source`, `mlps_grading_matrix_gbt22240`,
// `mlps_filing`, `mlps_ft_2019_context` and the CN-MLPS2 regulation). See caveats.md items 6-8.
import { type MlpsLevel, type SystemTechnology } from '#models/domain.ts'
import { type Provenance, type Sourced } from './provenance.ts'

export interface MlpsLevelFact extends Provenance {
	level: MlpsLevel
	name: string
	harm: string
	/** Level 2 and above file with the PSB (2007 Measures). */
	filingRequired: boolean
	assessmentFrequency: string
	/**
	 * The mandatory interval between MLPS evaluations (测评) in months, or null where none is mandated.
	 * Level 3: 12 and level 4: 6 (2007 Measures art. 14, quoted verbatim). Level 2's 'every 2 years' is market
	 * practice only (caveats.md item 8), so it is not here: see `marketPracticeIntervalMonths`.
	 */
	mandatoryAssessmentIntervalMonths: number | null
	marketPracticeIntervalMonths: number | null
	sourceFrequency: string
}

// The level rows carry no `verified` in the JSON; `mlps_levels_source.verified` (true) applies to all of them.
const LEVEL_SOURCE = 'http://14919.com/n/2345431.html'
const LEVEL_SOURCE_FREQUENCY =
	'公通字[2007]43号 art.14 as quoted in a public repository; definitions also at http://qdfenshua.com/wlzx/info/1138/2004.htm'
const LEVEL_AS_OF = '2007 Measures (公通字[2007]43号), applied with GB/T 22239-2019'

export const MLPS_LEVEL_FACTS: readonly MlpsLevelFact[] = [
	{
		level: 1,
		name: '自主保护级 (user discretionary protection)',
		harm: 'Damage to lawful rights of citizens/legal persons/organisations; no harm to national security, social order or public interest',
		filingRequired: false,
		assessmentFrequency: 'none mandated',
		mandatoryAssessmentIntervalMonths: null,
		marketPracticeIntervalMonths: null,
		source: LEVEL_SOURCE,
		sourceFrequency: LEVEL_SOURCE_FREQUENCY,
		asOf: LEVEL_AS_OF,
		verified: true,
	},
	{
		level: 2,
		name: '指导保护级 (guided protection)',
		harm: 'SERIOUS damage to rights of citizens/legal persons, OR damage to social order and public interest; no harm to national security',
		filingRequired: true,
		assessmentFrequency: 'not mandated by 2007 Measures; market practice cited as every 2 years (unofficial)',
		mandatoryAssessmentIntervalMonths: null,
		marketPracticeIntervalMonths: 24,
		source: LEVEL_SOURCE,
		sourceFrequency: LEVEL_SOURCE_FREQUENCY,
		asOf: LEVEL_AS_OF,
		verified: true,
		note: 'Market-practice frequency source: http://yichen8.com/g79964201.html',
		conflict:
			"A university page (net.xaau.edu.cn) quotes an older wording: level 2 = '轻微损害' (minor damage) to social order. The 2007 Measures art. 7 wording is used here. caveats.md item 6.",
	},
	{
		level: 3,
		name: '监督保护级 (supervised protection)',
		harm: 'SERIOUS damage to social order and public interest, OR damage to national security',
		filingRequired: true,
		assessmentFrequency:
			'at least once a year (2007 Measures art.14); self-inspection at least yearly; level-3+ filing must include assessment report',
		mandatoryAssessmentIntervalMonths: 12,
		marketPracticeIntervalMonths: null,
		source: LEVEL_SOURCE,
		sourceFrequency: LEVEL_SOURCE_FREQUENCY,
		asOf: LEVEL_AS_OF,
		verified: true,
		conflict:
			"A university page (net.xaau.edu.cn) quotes an older wording: level 3 = '损害' to national security/social order. The 2007 Measures art. 7 wording is used here. caveats.md item 6.",
	},
	{
		level: 4,
		name: '强制保护级 (mandatory protection)',
		harm: 'ESPECIALLY SERIOUS damage to social order and public interest, OR SERIOUS damage to national security',
		filingRequired: true,
		assessmentFrequency: 'at least once every six months (2007 Measures art.14); self-inspection every six months',
		mandatoryAssessmentIntervalMonths: 6,
		marketPracticeIntervalMonths: null,
		source: LEVEL_SOURCE,
		sourceFrequency: LEVEL_SOURCE_FREQUENCY,
		asOf: LEVEL_AS_OF,
		verified: true,
	},
	{
		level: 5,
		name: '专控保护级 (specially controlled protection)',
		harm: 'ESPECIALLY SERIOUS damage to national security',
		filingRequired: true,
		assessmentFrequency: 'per special security requirements',
		mandatoryAssessmentIntervalMonths: null,
		marketPracticeIntervalMonths: null,
		source: LEVEL_SOURCE,
		sourceFrequency: LEVEL_SOURCE_FREQUENCY,
		asOf: LEVEL_AS_OF,
		verified: true,
	},
]

/** `mlps_levels_source`: where the level definitions and frequencies were read. */
export const MLPS_LEVELS_SOURCE = {
	definitions: 'http://14919.com/n/2345431.html',
	definitions2: 'http://qdfenshua.com/wlzx/info/1138/2004.htm',
	frequency: 'https://github.com (SQL seed file quoting 公通字[2007]43号 art.14;',
	asOf: '2007 Measures, still applied',
	verified: true,
} as const

export interface MlpsFiling extends Provenance {
	who: string
	where: string
	deadline: string
	/** 30 days after the level is determined (2007 Measures art. 15). The 2018 draft's 10 working days was never final. */
	deadlineDaysAfterGrading: number
	psbReview: string
	draft2018: string
}

export const MLPS_FILING: MlpsFiling = {
	who: 'operators of level-2 and above systems',
	where:
		'public security organ at city (设区的市) level or above where the operator is located; cross-province/national systems: provincial PSB or MPS',
	deadline: 'within 30 days after the level is determined (2007 Measures art.15)',
	deadlineDaysAfterGrading: 30,
	psbReview: 'PSB reviews and issues filing certificate, commonly cited as within 10 working days',
	draft2018: '2018 draft MLPS Regulation proposed 10 working days after grading (draft only)',
	source: 'https://www.fudaoke.com/exam/2859164.html',
	asOf: '2007 Measures; page undated',
	verified: true,
	note: '30-day and 10-working-day figures come from secondary pages; 2007 Measures art.15 wording from general knowledge',
	conflict:
		'Filing within 30 days of grading (2007 Measures) versus 10 working days (2018 draft, never finalised). Treat as uncertain. caveats.md item 8.',
}

export const MLPS_HARM_OBJECTS = ['citizens_legal_persons', 'social_order_public_interest', 'national_security'] as const
export type MlpsHarmObject = (typeof MLPS_HARM_OBJECTS)[number]
export const MLPS_HARM_DEGREES = ['general', 'serious', 'especially_serious'] as const
export type MlpsHarmDegree = (typeof MLPS_HARM_DEGREES)[number]

export interface MlpsGradingMatrix extends Provenance {
	/** rows[object harmed][degree of harm] = level */
	rows: Readonly<Record<MlpsHarmObject, Readonly<Record<MlpsHarmDegree, MlpsLevel>>>>
}

export const MLPS_GRADING_MATRIX: MlpsGradingMatrix = {
	rows: {
		citizens_legal_persons: { general: 1, serious: 2, especially_serious: 2 },
		social_order_public_interest: { general: 2, serious: 3, especially_serious: 4 },
		national_security: { general: 3, serious: 4, especially_serious: 5 },
	},
	note: 'Matrix reproduced from general knowledge of GB/T 22240; consistent with the level definitions above',
	source: 'GB/T 22240-2020 (not opened )',
	asOf: '2020',
	verified: false,
}

export interface MlpsExtension {
	technology: SystemTechnology
	/** As GB/T 22239-2019 names the scenario. */
	name: string
	normative: boolean
}

/** GB/T 22239-2019's four normative extensions, and big data, which is not one. */
export const MLPS_EXTENSIONS: readonly MlpsExtension[] = [
	{ technology: 'cloud', name: 'cloud computing', normative: true },
	{ technology: 'mobile', name: 'mobile internet', normative: true },
	{ technology: 'iot', name: 'internet of things', normative: true },
	{ technology: 'industrial_control', name: 'industrial control systems', normative: true },
	// Not an extension: GB/T 22239-2019 informative Annex H (大数据应用场景说明). caveats.md item 7.
	{ technology: 'big_data', name: 'big data (informative Annex H only)', normative: false },
]

/** GB/T 22239-2019 itself (the CN-MLPS2 entry in ./regulations.ts carries the law-level facts). */
export const MLPS_STANDARD = {
	standard: 'GB/T 22239-2019',
	companionStandards: [
		'GB/T 22240-2020 (grading guide)',
		'GB/T 28448-2019 (assessment requirements)',
		'GB/T 28449-2018 (assessment process)',
	],
	extensions: MLPS_EXTENSIONS,
	extensionsNote:
		'Big data is NOT a normative extension: it appears only as informative Annex H (大数据应用场景说明). Annexes D-G describe the other four scenarios.',
	managementBasis: {
		instrument: 'Administrative Measures for Information Security MLPS (公通字[2007]43号)',
		note: 'still the operative management rules; the 2018 draft Regulation on Cybersecurity MLPS was never finalised (as far as found)',
	},
	source: 'https://www.guifanku.com/757492.html',
	asOf: '2019-12-01',
	verified: true,
} as const

/** Press context of 2019 (shown with the MLPS dimension). */
export const MLPS_FT_2019_CONTEXT = {
	text: 'FT (May 2019) reported the tightened MLPS would take effect in December 2019 and broaden oversight to mobile internet, IoT, big data and industrial security; at least two foreign consumer-data companies under cybersecurity investigation (per Control Risks)',
	source: 'https://investing.com/news/economy-news/china-cracks-down-on-foreign-firms-over-cyber-security-ft-says-1869848',
	asOf: '2019-05-15',
	verified: true,
	note: 'Lists big data as if a fifth extension; it is only informative Annex H. caveats.md item 7.',
} as const satisfies Sourced
