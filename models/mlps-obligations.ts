// What the Multi-Level Protection Scheme (MLPS 2.0) asks of one information system on a given date:
// grading, filing with the public security bureau (PSB), periodic assessment (测评), and which extension
// requirements of GB/T 22239-2019 apply to its technologies.
//
// Sources (regulations.json › mlps_levels, mlps_filing, regulations[CN-MLPS2]; caveats.md items 7-8):
// - CSL art. 23 (art. 21 in the 2017 text, before 2026-01-01): network operators must implement the MLPS (grading
//   is the first step); the article cited is the one in force on the date asked about;
// - Administrative Measures for Information Security MLPS (公通字[2007]43号), still the operative rules:
//   art. 14 assessment at least yearly at level 3 and every six months at level 4 (quoted verbatim);
//   art. 15 filing within 30 days of grading for level 2 and above; art. 16(5) a level-3+ filing includes
//   the assessment report. The 2018 draft regulation (10 working days) was never finalised: the deadline is
//   therefore marked 'uncertain' and the draft date is shown next to it;
// - level 2 has no mandatory assessment frequency: "every 2 years" is market practice only;
// - level 5 follows "special security requirements": treated here like level 4 and flagged;
// - GB/T 22239-2019 has four normative extensions (cloud, mobile, IoT, industrial control); big data is only
//   informative Annex H. Many summaries (and the 2019 press) wrongly list big data as a fifth extension.

import { cslArticle } from './exposure/csl.ts'
import { addDays, addMonths, addWorkingDays, daysBetween, isIsoDate } from './dates.ts'
import { type InfoSystem, type MlpsLevel, type SystemTechnology, SYSTEM_TECHNOLOGIES } from './domain.ts'

/** How firm an obligation is: in force law, market practice, or a reading where sources disagree. */
export type Certainty = 'law' | 'practice' | 'uncertain'

export interface MlpsSource {
	instrument: string
	article: string
	url: string
	verified: boolean // false: from general knowledge or a secondary page; check before relying on it
}

/**
 * 'met': done and not recurring; 'scheduled': not yet due (or recurring and next due later);
 * 'overdue': the due date has passed; 'undated': owed, but no due date can be computed (a date is missing).
 */
export type ObligationState = 'met' | 'scheduled' | 'overdue' | 'undated'

export interface MlpsObligation {
	kind: 'grading' | 'filing' | 'assessment'
	title: string
	state: ObligationState
	dueOn: string | null // 'YYYY-MM-DD'
	daysUntilDue: number | null // negative when overdue; null without a due date or a valid asOf
	daysOverdue: number // 0 unless overdue
	certainty: Certainty
	source: MlpsSource
	note: string
	/** Filing only: the earlier deadline of the 2018 draft (10 working days, weekends skipped, holidays not known). */
	alternativeDueOn: string | null
}

export interface MlpsExtension {
	technology: SystemTechnology
	normative: boolean // false for big data (informative Annex H only)
	clause: string | null // GB/T 22239-2019 clause for the system's level; null while ungraded
	requirement: string
	source: MlpsSource
}

export interface MlpsStatus {
	level: MlpsLevel | null
	asOf: string
	obligations: MlpsObligation[]
	extensions: readonly MlpsExtension[]
	/** An obligation of law (or of uncertain deadline) is overdue; practice alone does not count. */
	overdue: boolean
	notes: string[]
}

export type MlpsSystemFacts = Pick<InfoSystem, 'mlpsLevel' | 'gradedOn' | 'filedOn' | 'lastAssessedOn' | 'technologies'>

/** Fixed by the 2007 Measures (and market practice for level 2), in months or days. */
export const MLPS_RULES = {
	filingDays: 30, // art. 15
	draftFilingWorkingDays: 10, // 2018 draft, never finalised
	assessmentMonths: { 2: 24, 3: 12, 4: 6, 5: 6 } as Record<number, number>, // 2: practice; 5: treated as 4
} as const

const MEASURES_2007 = 'MLPS Administrative Measures 2007 (公通字[2007]43号)'
const MEASURES_URL = 'https://www.fudaoke.com/exam/2859164.html'
const STANDARD = 'GB/T 22239-2019'
const STANDARD_URL = 'https://www.guifanku.com/757492.html'

const SOURCES = {
	filing: { instrument: MEASURES_2007, article: 'Art. 15', url: MEASURES_URL, verified: true },
	assessment: { instrument: MEASURES_2007, article: 'Art. 14', url: 'http://14919.com/n/2345431.html', verified: true },
	firstAssessment: { instrument: MEASURES_2007, article: 'Art. 16(5)', url: MEASURES_URL, verified: false },
	practice: {
		instrument: 'Market practice (no legal source)',
		article: '-',
		url: 'http://yichen8.com/g79964201.html',
		verified: false,
	},
	standard: { instrument: STANDARD, article: 'Contents', url: STANDARD_URL, verified: true },
} satisfies Record<string, MlpsSource>

/**
 * What an information system owes under the MLPS on `asOf` ('YYYY-MM-DD'), with due dates, days overdue and
 * how certain each obligation is. Ungraded systems owe grading; level 2+ owe filing within 30 days of grading;
 * level 3 owe a yearly assessment, level 4 (and 5, flagged) one every six months; level 2 every 2 years by
 * practice only. Invalid dates are read as missing.
 */
export function mlpsObligations(system: MlpsSystemFacts, asOf: string): MlpsStatus {
	const level = system.mlpsLevel
	const obligations: MlpsObligation[] = []
	if (level === null) obligations.push(gradingObligation(asOf))
	if (level !== null && level >= 2) obligations.push(filingObligation(system, asOf))
	if (level !== null && level >= 2) obligations.push(assessmentObligation(system, level, asOf))
	return {
		level,
		asOf,
		obligations,
		extensions: extensionsFor(system.technologies, level),
		overdue: obligations.some(o => o.state === 'overdue' && o.certainty !== 'practice'),
		notes: statusNotes(level, asOf),
	}
}

function gradingObligation(asOf: string): MlpsObligation {
	const csl = cslArticle('mlps', asOf)
	return {
		kind: 'grading',
		title: 'Determine the protection level (定级)',
		state: 'undated',
		dueOn: null,
		daysUntilDue: null,
		daysOverdue: 0,
		certainty: 'law',
		source: { instrument: csl.law, article: csl.article, url: csl.source, verified: csl.verified },
		note: 'Every network operator must implement the MLPS, starting with grading under GB/T 22240-2020. No deadline is set, so the system is simply out of compliance until graded.',
		alternativeDueOn: null,
	}
}

function filingObligation(system: MlpsSystemFacts, asOf: string): MlpsObligation {
	const graded = validDate(system.gradedOn)
	const filed = validDate(system.filedOn)
	const dueOn = graded && addDays(graded, MLPS_RULES.filingDays)
	const deadline =
		'Deadline: 30 days after grading under the 2007 Measures; the 2018 draft regulation (never finalised) proposed 10 working days.'
	const late = filed && dueOn ? daysBetween(dueOn, filed) : null
	const t = filed ? MET : timing(dueOn, asOf)
	return {
		kind: 'filing',
		title: 'File the level with the PSB (备案)',
		dueOn,
		state: t.state,
		daysUntilDue: t.daysUntilDue,
		daysOverdue: t.daysOverdue,
		certainty: 'uncertain',
		source: SOURCES.filing,
		note: filed
			? `Filed on ${filed}.${late !== null && late > 0 ? ` Filed ${late} day(s) after the 30-day deadline.` : ''}`
			: `Not filed${dueOn ? '' : ' and no grading date'}. ${deadline}`,
		alternativeDueOn: graded && addWorkingDays(graded, MLPS_RULES.draftFilingWorkingDays),
	}
}

function assessmentObligation(system: MlpsSystemFacts, level: MlpsLevel, asOf: string): MlpsObligation {
	const months = MLPS_RULES.assessmentMonths[level] ?? 6
	const last = validDate(system.lastAssessedOn)
	const dueOn = last ? addMonths(last, months) : firstAssessmentDue(validDate(system.gradedOn), level, months)
	const byPractice = level === 2
	const t = timing(dueOn, asOf)
	return {
		kind: 'assessment',
		title: byPractice
			? 'Assessment every 2 years (market practice, not law)'
			: `Assessment (测评) every ${months === 12 ? 'year' : 'six months'}`,
		dueOn,
		state: t.state,
		daysUntilDue: t.daysUntilDue,
		daysOverdue: t.daysOverdue,
		certainty: byPractice ? 'practice' : level === 5 || !last ? 'uncertain' : 'law',
		source: byPractice ? SOURCES.practice : last ? SOURCES.assessment : SOURCES.firstAssessment,
		note: [
			last ? `Last assessed on ${last}.` : firstAssessmentNote(level),
			dueOn ? '' : 'No grading date, so no due date.',
			assessmentNote(level),
		]
			.filter(Boolean)
			.join(' '),
		alternativeDueOn: null,
	}
}

/**
 * A level-3+ filing must include the assessment report (2007 Measures art. 16(5)), so a never-assessed system's
 * first assessment is read as due with the filing; at level 2, practice counts the first cycle from grading.
 */
function firstAssessmentDue(graded: string | null, level: MlpsLevel, months: number): string | null {
	if (!graded) return null
	return level === 2 ? addMonths(graded, months) : addDays(graded, MLPS_RULES.filingDays)
}

function firstAssessmentNote(level: MlpsLevel): string {
	if (level === 2) return 'Never assessed.'
	return 'Never assessed. A level-3+ filing includes the assessment report (2007 Measures art. 16(5)), so the first assessment is read as due with the filing; some PSBs accept the report later.'
}

function assessmentNote(level: MlpsLevel): string {
	if (level === 2) return 'Level 2: the 2007 Measures set no assessment frequency; every 2 years is market practice.'
	if (level === 5) {
		return 'Level 5: assessed per special security requirements; treated here like level 4 (every six months). Check with the PSB.'
	}
	const self = level === 3 ? 'yearly' : 'every six months'
	return `2007 Measures art. 14; a self-inspection (自查) is also due ${self}.`
}

/** State and day counts of an obligation due on `dueOn` (null: undated) as seen on `asOf`. */
// Object spreads are avoided in these per-system builders: V8 copies spread objects on a slow path, which cost
// more than the rest of the scoring at 5,000 systems.
const MET: Pick<MlpsObligation, 'state' | 'daysUntilDue' | 'daysOverdue'> = { state: 'met', daysUntilDue: null, daysOverdue: 0 }

function timing(dueOn: string | null, asOf: string): Pick<MlpsObligation, 'state' | 'daysUntilDue' | 'daysOverdue'> {
	if (!dueOn) return { state: 'undated', daysUntilDue: null, daysOverdue: 0 }
	const until = daysBetween(asOf, dueOn)
	if (until === null) return { state: 'scheduled', daysUntilDue: null, daysOverdue: 0 }
	return until < 0
		? { state: 'overdue', daysUntilDue: until, daysOverdue: -until }
		: { state: 'scheduled', daysUntilDue: until, daysOverdue: 0 }
}

const EXTENSIONS: Record<Exclude<SystemTechnology, 'big_data'>, { subclause: number; name: string; annex: string }> = {
	cloud: { subclause: 2, name: 'cloud computing', annex: 'D' },
	mobile: { subclause: 3, name: 'mobile internet', annex: 'E' },
	iot: { subclause: 4, name: 'Internet of Things', annex: 'F' },
	industrial_control: { subclause: 5, name: 'industrial control system', annex: 'G' },
}

/**
 * Extension requirements of GB/T 22239-2019 for a system's technologies. Clauses 6-9 hold levels 1-4, each with
 * .2 cloud, .3 mobile, .4 IoT, .5 industrial control (contents page, verified); clause 10 (level 5) is not published.
 */
export function extensionsFor(technologies: readonly SystemTechnology[], level: MlpsLevel | null): readonly MlpsExtension[] {
	const key = `${level}|${technologies.join(',')}`
	let found = EXTENSIONS_BY_KEY.get(key)
	if (!found) EXTENSIONS_BY_KEY.set(key, (found = Object.freeze(buildExtensions(technologies, level))))
	return found
}
// At most 6 levels x 32 technology sets; thousands of systems share them, so each list is built once and shared.
const EXTENSIONS_BY_KEY = new Map<string, readonly MlpsExtension[]>()

function buildExtensions(technologies: readonly SystemTechnology[], level: MlpsLevel | null): MlpsExtension[] {
	return SYSTEM_TECHNOLOGIES.filter(t => technologies.includes(t)).map(technology => {
		if (technology === 'big_data') {
			return {
				technology,
				normative: false,
				clause: 'Annex H (informative)',
				requirement: `Big data is not a normative extension of ${STANDARD}: it is described only in informative Annex H. The general requirements (and any cloud extension) apply.`,
				source: SOURCES.standard,
			}
		}
		const ext = EXTENSIONS[technology]
		const clause = level === null ? null : level === 5 ? '10' : `${level + 5}.${ext.subclause}`
		const where = clause === null ? 'at the level the system is graded to' : `clause ${clause}`
		return {
			technology,
			normative: true,
			clause,
			requirement: `${STANDARD} ${ext.name} security extension requirements apply on top of the general requirements (${where}; scenario in informative Annex ${ext.annex}).`,
			source: SOURCES.standard,
		}
	})
}

function statusNotes(level: MlpsLevel | null, asOf: string): string[] {
	const notes: string[] = []
	if (!isIsoDate(asOf)) notes.push(`The date '${asOf}' is not a valid 'YYYY-MM-DD' date: nothing can be shown as overdue.`)
	if (level === 1) notes.push('Level 1: operator self-protection; no filing and no mandatory assessment.')
	if (level === 5) notes.push('Level 5: special security requirements, not public; treated like level 4 and flagged uncertain.')
	return notes
}

function validDate(value: string | null): string | null {
	return isIsoDate(value) ? value : null
}
