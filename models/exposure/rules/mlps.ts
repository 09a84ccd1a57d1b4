// Dimension 'cybersecurity_mlps': grading, filing and assessment of each system on the date (models/mlps-obligations.ts), and
// the extension requirements its technologies bring. Practice-only obligations (level 2 every 2 years) raise
// warnings, never gaps, and carry no penalty.

import { isIsoDate } from '../../dates.ts'
import { type BusinessUnit, type InfoSystem, type UnitInventory } from '../../domain.ts'
import { type MlpsExtension, mlpsObligations, type MlpsObligation, type MlpsStatus } from '../../mlps-obligations.ts'
import { ARTICLES, articleList, type DimensionFindings, finding, systemRef, unitRef } from '../finding.ts'
import { amendedCslApplies, cslArticle, cslMlpsPenalty } from '../csl.ts'
import { type ModelSettings } from '../settings.ts'
import { type ArticleRef, type Finding, type FindingKind, type ScoringContext } from '../types.ts'
import { formatCount } from '../../transfer-mechanism.ts'

/** "1 day", "1,013 days": grouped as the finding's inputs list them. */
const days = (n: number) => `${formatCount(n)} ${n === 1 ? 'day' : 'days'}`

const dimension = 'cybersecurity_mlps' as const

/** Findings of the MLPS dimension for one unit; not applicable without a system. */
export function mlpsFindings(inv: UnitInventory, ctx: ScoringContext): DimensionFindings {
	if (inv.systems.length === 0) return { applicable: false, findings: [] }
	const findings = inv.systems.flatMap(system => systemFindings(system, inv.unit, ctx))
	findings.push(systemsExposure(inv.systems, inv.unit, ctx))
	return { applicable: true, findings }
}

/** Impact of one system, 1-5: its level (or the ungraded default), raised by the data it holds. */
export function systemImpact(system: InfoSystem, settings: ModelSettings): number {
	const s = settings.mlps
	return Math.max(
		system.mlpsLevel === null ? s.ungradedImpact : s.impactByLevel[`${system.mlpsLevel}`],
		system.holdsPersonalData ? s.personalDataImpact : 0,
		system.holdsImportantData ? s.importantDataImpact : 0,
	)
}

function systemFindings(system: InfoSystem, unit: BusinessUnit, ctx: ScoringContext): Finding[] {
	const status = mlpsObligations(system, ctx.asOf)
	const impact = systemImpact(system, ctx.settings)
	const out = status.obligations.flatMap(o => obligationFinding(system, unit, o, impact, ctx) ?? [])
	const badDates = (['gradedOn', 'filedOn', 'lastAssessedOn'] as const).filter(k => system[k] !== null && !isIsoDate(system[k]))
	if (badDates.length > 0) out.push(invalidDates(system, badDates, impact, ctx.settings))
	if (status.extensions.length > 0) out.push(extensions(system, status, impact, ctx.settings))
	return out
}

interface Rule {
	id: string
	kind: FindingKind
	likelihood: number
	title: string
}

function obligationFinding(system: InfoSystem, unit: BusinessUnit, o: MlpsObligation, impact: number, ctx: ScoringContext): Finding | null {
	const rule = ruleFor(o, ctx.settings)
	if (!rule) return null
	const gap = rule.kind === 'gap'
	return finding({
		ruleId: rule.id,
		dimension,
		kind: rule.kind,
		certainty: o.certainty,
		entity: systemRef(system),
		title: `${rule.title}: ${system.name}`,
		detail: `${o.title}. ${o.note}${o.dueOn ? ` Due on ${o.dueOn}.` : ''}${o.alternativeDueOn ? ` (2018 draft reading: ${o.alternativeDueOn}.)` : ''}`,
		remedy: remedyFor(o),
		inputs: {
			mlpsLevel: system.mlpsLevel,
			gradedOn: system.gradedOn,
			filedOn: system.filedOn,
			lastAssessedOn: system.lastAssessedOn,
			asOf: ctx.asOf,
			dueOn: o.dueOn,
			daysOverdue: o.daysOverdue,
			daysUntilDue: o.daysUntilDue,
			certainty: o.certainty,
		},
		articles: articlesFor(o, ctx.asOf),
		likelihood: rule.likelihood,
		impact,
		penalties: gap ? [cslMlpsPenalty(ctx.asOf, ctx.settings.penalties.tier, unit.isCiio)] : [],
	})
}

function ruleFor(o: MlpsObligation, settings: ModelSettings): Rule | null {
	const l = settings.mlps.likelihood
	const soon = o.state === 'scheduled' && o.daysUntilDue !== null && o.daysUntilDue <= settings.mlps.dueSoonDays
	if (o.kind === 'grading') return { id: 'MLPS-UNGRADED', kind: 'gap', likelihood: l.ungraded, title: 'System not graded' }
	if (o.kind === 'filing') {
		if (o.state === 'overdue') {
			return {
				id: 'MLPS-FILING-OVERDUE',
				kind: 'gap',
				likelihood: l.filingOverdue,
				title: `Filing ${days(o.daysOverdue)} overdue`,
			}
		}
		if (o.state === 'undated') {
			return { id: 'MLPS-FILING-UNDATED', kind: 'gap', likelihood: l.filingUndated, title: 'Not filed with the PSB' }
		}
		return soon ? { id: 'MLPS-FILING-DUE-SOON', kind: 'warning', likelihood: l.dueSoon, title: 'Filing due soon' } : null
	}
	if (o.certainty === 'practice') {
		return o.state === 'overdue' || o.state === 'undated'
			? {
					id: 'MLPS-ASSESSMENT-PRACTICE-DUE',
					kind: 'warning',
					likelihood: l.practiceOverdue,
					title: 'Assessment due by market practice',
				}
			: null
	}
	if (o.state === 'overdue') {
		const severe = o.daysOverdue > settings.mlps.severeOverdueDays
		const likelihood = severe ? l.assessmentSeverelyOverdue : l.assessmentOverdue
		return {
			id: 'MLPS-ASSESSMENT-OVERDUE',
			kind: 'gap',
			likelihood,
			title: `Assessment ${days(o.daysOverdue)} overdue`,
		}
	}
	if (o.state === 'undated') {
		return { id: 'MLPS-ASSESSMENT-UNDATED', kind: 'gap', likelihood: l.assessmentUndated, title: 'Never assessed' }
	}
	return soon ? { id: 'MLPS-ASSESSMENT-DUE-SOON', kind: 'warning', likelihood: l.dueSoon, title: 'Assessment due soon' } : null
}

// The CSL article is dated (21 in the 2017 text, 23 from 2026-01-01): one shared list per text in force.
const GRADING_ARTICLES = (asOf: string) => datedList('grading', asOf, () => [cslArticle('mlps', asOf)])
const FILING_ARTICLES = (asOf: string) => datedList('filing', asOf, () => [cslArticle('mlps', asOf), ARTICLES.mlpsFiling])
const FIRST_ASSESSMENT_ARTICLES = articleList(ARTICLES.mlpsFilingReport, ARTICLES.mlpsAssessment)
const ASSESSMENT_ARTICLES = articleList(ARTICLES.mlpsAssessment)
const DATED_LISTS = new Map<string, ArticleRef[]>()
function datedList(name: string, asOf: string, build: () => ArticleRef[]): ArticleRef[] {
	const key = `${name}|${amendedCslApplies(asOf)}`
	let list = DATED_LISTS.get(key)
	if (!list) DATED_LISTS.set(key, (list = articleList(...build())))
	return list
}

function articlesFor(o: MlpsObligation, asOf: string): ArticleRef[] {
	if (o.kind === 'grading') return GRADING_ARTICLES(asOf)
	if (o.kind === 'filing') return FILING_ARTICLES(asOf)
	if (o.source.article === 'Art. 16(5)') return FIRST_ASSESSMENT_ARTICLES
	return ASSESSMENT_ARTICLES
}

function remedyFor(o: MlpsObligation): string {
	if (o.kind === 'grading') return 'Grade the system under GB/T 22240-2020 (expert review for level 3+), then file from level 2.'
	if (o.kind === 'filing') {
		return 'File the level with the city-level PSB where the operator is located (备案), with the assessment report for level 3+.'
	}
	return 'Commission an assessment (测评) by a qualified assessment body and fix the findings.'
}

function invalidDates(system: InfoSystem, fields: readonly string[], impact: number, settings: ModelSettings): Finding {
	return finding({
		ruleId: 'MLPS-DATE-INVALID',
		dimension,
		kind: 'data_quality',
		certainty: 'law',
		entity: systemRef(system),
		title: `Unreadable MLPS date(s): ${system.name}`,
		detail: `${fields.join(', ')} is not a 'YYYY-MM-DD' date and is read as missing, so a due date may be wrong.`,
		remedy: 'Correct the dates on the system record.',
		inputs: Object.fromEntries(fields.map(f => [f, system[f as 'gradedOn']])),
		articles: [ARTICLES.mlpsFiling, ARTICLES.mlpsAssessment],
		likelihood: settings.mlps.likelihood.invalidDate,
		impact,
	})
}

function extensions(system: InfoSystem, status: MlpsStatus, impact: number, settings: ModelSettings): Finding {
	const { normative, names, detail } = describeExtensions(status.extensions)
	return finding({
		ruleId: 'MLPS-EXTENSIONS',
		dimension,
		kind: 'exposure',
		certainty: 'law',
		entity: systemRef(system),
		title: `${normative} extension requirement set(s) apply: ${system.name}`,
		detail,
		remedy: 'Include the extension requirements in the assessment scope.',
		inputs: { mlpsLevel: system.mlpsLevel, technologies: names, normativeExtensions: normative },
		articles: [ARTICLES.gbt22239],
		likelihood: settings.mlps.likelihood.baseline,
		impact,
	})
}

// Extension lists are shared between systems with the same level and technologies (models/mlps-obligations.ts), and so are
// their words: thousands of systems, a few dozen distinct lists.
const described = new WeakMap<readonly MlpsExtension[], { normative: number; names: string; detail: string }>()

function describeExtensions(list: readonly MlpsExtension[]) {
	let d = described.get(list)
	if (!d) {
		d = {
			normative: list.filter(e => e.normative).length,
			names: list.map(e => (e.clause ? `${e.technology} (${e.clause})` : e.technology)).join(', '),
			detail: list.map(e => e.requirement).join(' '),
		}
		described.set(list, d)
	}
	return d
}

function systemsExposure(systems: readonly InfoSystem[], unit: BusinessUnit, ctx: ScoringContext): Finding {
	const settings = ctx.settings
	const levels = systems.map(s => (s.mlpsLevel === null ? 'ungraded' : `L${s.mlpsLevel}`))
	const owed = systems.filter(s => s.mlpsLevel !== null && s.mlpsLevel >= 2)
	const filed = owed.filter(s => isIsoDate(s.filedOn)).length
	return finding({
		ruleId: 'MLPS-SYSTEMS',
		dimension,
		kind: 'exposure',
		certainty: 'law',
		entity: unitRef(unit),
		title: `${systems.length} system(s) under the MLPS`,
		detail: `Levels: ${levels.join(', ')}. ${filed} of ${owed.length} system(s) at level 2 or above are filed with the PSB. Level 3 and 4 systems are also inspected by the PSB.`,
		remedy: 'Keep grading, filing and assessments current.',
		inputs: { systems: systems.length, levels: levels.join(', '), filingRequired: owed.length, filed },
		articles: [cslArticle('mlps', ctx.asOf)],
		likelihood: settings.mlps.likelihood.baseline,
		impact: Math.max(...systems.map(s => systemImpact(s, settings))),
	})
}
