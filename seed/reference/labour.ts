// PRC Labour Contract Law arts. 40, 41, 46, 47, 87 and 97: the facts behind the severance engine.
// Copied from shared/reference/regulations.json (`severance_rules`). The JSON gives one source and as_of for the
// section and no `verified` flag; per its source_note, art. 41 was read verbatim on a government page and arts
// 40/46/47/87 in verbatim quotations, so those rows are `verified: true`. Art. 40's in-lieu basis is flagged false in
// the JSON; art. 97 and the Implementing Regulations are listed as not verified in caveats.md.
import { type Provenance, type Sourced } from './provenance.ts'

const LCL_SOURCE = 'http://wenchang.hainan.gov.cn/wenchang/55892/201607/25348e7b95604df7ad1f58d5fda06b5d.shtml?ddtab=true'
const LCL_AS_OF = '2012 amendment (in force)'

export const LABOUR_CONTRACT_LAW = {
	law: 'PRC Labour Contract Law (2007, amended 2012), effective 2008-01-01',
	source: LCL_SOURCE,
	sourceNote:
		'government page quoting art.41 verbatim; arts 40/46/47/87 text seen quoted verbatim in public repositories; official consolidated text at https://flk.npc.gov.cn (not opened)',
	asOf: LCL_AS_OF,
	verified: true,
} as const satisfies Sourced

export interface LabourArticle extends Provenance {
	article: '40' | '41' | '46' | '47' | '87' | '97' | 'market practice' | 'tax'
	title: string
	text: string
}

export const LABOUR_ARTICLES: readonly LabourArticle[] = [
	{
		article: '40',
		title: 'Art. 40: termination with notice or a month in lieu',
		text: "Termination with 30 days' written notice OR one extra month's wage in lieu, for: (1) illness/non-work injury, cannot resume after medical period; (2) incompetence after training or reassignment; (3) major change of objective circumstances making contract unperformable and no agreement on amendment",
		source: LCL_SOURCE,
		asOf: LCL_AS_OF,
		verified: true,
	},
	{
		article: '41',
		title: 'Art. 41: mass layoff procedure',
		text: 'Mass layoff: reducing 20 or more employees, OR fewer than 20 but >= 10% of total workforce; explain to the union or all employees 30 days in advance, hear their opinions, then report the layoff plan to the labour administrative department',
		source: LCL_SOURCE,
		asOf: LCL_AS_OF,
		verified: true,
	},
	{
		article: '46',
		title: 'Art. 46: when economic compensation is due',
		text: 'Economic compensation payable on, inter alia: employer-proposed mutual termination (art.36), art.40 termination, art.41 layoff, expiry of fixed-term contract unless employee refuses renewal on same/better terms, bankruptcy/licence revocation/closure',
		source: LCL_SOURCE,
		asOf: LCL_AS_OF,
		verified: true,
	},
	{
		article: '47',
		title: 'Art. 47: economic compensation (N) and its cap',
		text: "1 month's wage per full year; a remainder of 6 to 12 months counts as 1 year (六个月以上 - includes exactly 6 months); a remainder under 6 months counts 0.5 month; monthly wage = average wage over the 12 months before termination; if the monthly wage is HIGHER THAN 3x the local average monthly wage of the previous year published by the municipal government, the wage base is capped at 3x the local average AND years are capped at 12",
		source: LCL_SOURCE,
		asOf: LCL_AS_OF,
		verified: true,
		note: 'cap on years applies only to capped (high-earner) employees',
	},
	{
		article: '87',
		title: 'Art. 87: unlawful termination (2N)',
		text: 'Unlawful termination: damages = 2x the art.47 compensation (2N)',
		source: LCL_SOURCE,
		asOf: LCL_AS_OF,
		verified: true,
	},
	{
		article: '97',
		title: 'Art. 97: service before 2008',
		text: 'Service before 2008-01-01 is computed under the then-applicable rules (e.g. old 12-month caps for some grounds); the 3x/12-year cap applies to post-2008 service',
		source: LCL_SOURCE,
		asOf: LCL_AS_OF,
		verified: false,
		note: 'Listed under "Items not verified" in caveats.md (art. 97 pre-2008 service rule).',
	},
	{
		article: 'market practice',
		title: 'N+1 (market practice)',
		text: 'N+1: market shorthand: N (art.47) + 1 month in lieu of notice (art.40) when notice is not given; not applicable to art.41 layoffs, which use the 30-day union procedure',
		source: LCL_SOURCE,
		asOf: LCL_AS_OF,
		verified: false,
		note: 'Market shorthand, not statute text.',
	},
	{
		article: 'tax',
		title: 'Income tax on severance',
		text: 'Severance up to 3x local average ANNUAL salary is exempt from individual income tax (per HSF note)',
		source: 'https://prod.hsf-prod.magnolia-platform.com/notes/employment/2024-posts/prc-updates-on-local-average-salary-and-their-impacts',
		asOf: '2024-07',
		verified: true,
	},
]

/** Art. 40: notice or a month in lieu. */
export const LCL_ART40 = {
	noticeDays: 30,
	inLieuMonths: 1,
	inLieuBasis: "previous month's wage (Implementing Regulations art.20) - NOT subject to the 3x cap",
	source: LCL_SOURCE,
	asOf: LCL_AS_OF,
	verified: false, // in_lieu_verified: false in the JSON; Implementing Regulations arts 20 and 27 not verified (caveats.md)
} as const satisfies Sourced

/** Art. 41: the mass-layoff procedure. `以上`: exactly 20 people, or exactly 10%, triggers it. */
export const LCL_ART41 = {
	triggerMinEmployees: 20,
	triggerMinShareOfWorkforce: 0.1,
	headcountTrigger: 'reducing 20 or more employees, OR fewer than 20 but >= 10% of total workforce',
	consultationDaysInAdvance: 30,
	procedure:
		'explain to the union or all employees 30 days in advance, hear their opinions, then report the layoff plan to the labour administrative department',
	grounds: [
		'restructuring under Enterprise Bankruptcy Law',
		'serious difficulties in production/operation',
		'switch of production, major technological innovation or business-mode adjustment, and layoffs still needed after contract amendment',
		'other major change in objective economic circumstances making contracts unperformable',
	],
	priorityRetention: ['longer fixed-term contracts', 'open-ended contracts', 'sole earner families with elderly or minors'],
	rehirePriority: 're-hiring within 6 months: notify laid-off staff, give priority on equal terms',
	rehirePriorityMonths: 6,
	source: LCL_SOURCE,
	asOf: LCL_AS_OF,
	verified: true,
} as const satisfies Sourced

/** Art. 47: economic compensation (N). */
export const LCL_ART47 = {
	monthsPerFullYear: 1,
	perFullYear: "1 month's wage",
	/** 六个月以上: a remainder of exactly 6 months counts as a full year. */
	remainderCountsAsYearFromMonths: 6,
	remainder6To12Months: 'counts as 1 year (六个月以上 - includes exactly 6 months)',
	remainderBelow6MonthsMonths: 0.5,
	remainderLt6Months: '0.5 month',
	monthlyWageDefinition: 'average wage over the 12 months before termination',
	wageAveragingMonths: 12,
	/** The cap applies when the wage is HIGHER THAN (not equal to) this multiple of the local average. */
	capMultipleOfLocalAverage: 3,
	capYears: 12,
	capTrigger:
		'monthly wage HIGHER THAN 3x the local average monthly wage of the previous year published by the municipal (directly-administered or districted-city) government',
	capEffect: 'wage base capped at 3x local average AND years capped at 12',
	note: 'cap on years applies only to capped (high-earner) employees',
	source: LCL_SOURCE,
	asOf: LCL_AS_OF,
	verified: true,
} as const satisfies Sourced

/** Art. 87: unlawful termination costs twice art. 47 (2N). */
export const LCL_ART87 = {
	multipleOfArt47: 2,
	text: 'Unlawful termination: damages = 2x the art.47 compensation (2N)',
	source: LCL_SOURCE,
	asOf: LCL_AS_OF,
	verified: true,
} as const satisfies Sourced

/** Art. 97: the cap applies to service from this date; earlier service follows the then-applicable rules. */
export const LCL_ART97 = {
	capAppliesToServiceFrom: '2008-01-01',
	text: 'Service before 2008-01-01 is computed under the then-applicable rules (e.g. old 12-month caps for some grounds); the 3x/12-year cap applies to post-2008 service',
	source: LCL_SOURCE,
	asOf: LCL_AS_OF,
	verified: false,
} as const satisfies Sourced
