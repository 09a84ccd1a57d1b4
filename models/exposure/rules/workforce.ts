// Dimension 'workforce_concentration': the share of the group's headcount in a function that sits in this unit in
// China. The unit's own share (not China's total) scores the unit, so shares add up across units; the portfolio
// reports China's total per function. Likelihood reflects how exposed the function is (data access, R&D); leaving
// is constrained by the art. 41 layoff procedure and art. 47 compensation.

import { formatCount } from '../../transfer-mechanism.ts'
import { STAFF_FUNCTIONS, type StaffFunction, type StaffingLine, type UnitInventory } from '../../domain.ts'
import { ARTICLES, articleList, clampLevel, type DimensionFindings, finding, levelFor, unitRef } from '../finding.ts'
import { type ModelSettings } from '../settings.ts'
import { type Finding, type ScoringContext } from '../types.ts'

const dimension = 'workforce_concentration' as const

const FUNCTION_NAMES: Record<StaffFunction, string> = {
	back_office: 'back-office',
	rnd: 'R&D',
	sales: 'sales',
	operations: 'operations',
	it: 'IT',
	management: 'management',
}

const ARTICLES_WITHOUT_ACCESS = articleList(ARTICLES.lclMassLayoff, ARTICLES.lclCompensation)
const ARTICLES_WITH_ACCESS = articleList(ARTICLES.lclMassLayoff, ARTICLES.lclCompensation, ARTICLES.remoteAccess)

const REMEDY =
	'Decide whether the concentration is acceptable; a move out of China needs the art. 41 procedure for 20+ people (or 10%+) and creates a cross-border transfer if the moved roles keep reaching data in China.'

/** One finding per function staffed in the unit: its share of the group's headcount in that function. */
export function workforceFindings(inv: UnitInventory, ctx: ScoringContext): DimensionFindings {
	const lines = inv.staffing.filter(l => l.headcount > 0)
	if (lines.length === 0) return { applicable: false, findings: [] }
	const findings = STAFF_FUNCTIONS.flatMap(fn => {
		const ofFunction = lines.filter(l => l.function === fn)
		return ofFunction.length > 0 ? [functionFinding(fn, ofFunction, inv, ctx)] : []
	})
	return { applicable: true, findings }
}

function functionFinding(fn: StaffFunction, lines: StaffingLine[], inv: UnitInventory, ctx: ScoringContext): Finding {
	const s = ctx.settings.workforce
	const headcount = lines.reduce((n, l) => n + l.headcount, 0)
	const access = lines.some(l => l.accessToPersonalData)
	const global = ctx.groupHeadcount.find(g => g.function === fn)?.globalHeadcount ?? null
	const likelihood = clampLevel(s.functionLikelihood[fn] + (access ? s.personalDataAccessStep : 0))
	const name = FUNCTION_NAMES[fn]
	const articles = access ? ARTICLES_WITH_ACCESS : ARTICLES_WITHOUT_ACCESS
	const entity = unitRef(inv.unit)
	const impact = workforceImpact(headcount, global, s)
	const known = global !== null && global > 0
	const share = known ? Math.min(1, headcount / global) : null
	// One builder call with its fields written out (no shared object spread into two calls: V8 copies spreads on a
	// slow path, and this runs for every function of every unit).
	return finding({
		dimension,
		entity,
		key: fn,
		articles,
		likelihood,
		remedy: REMEDY,
		ruleId: known ? 'WF-CONCENTRATION' : 'WF-GROUP-HEADCOUNT-UNKNOWN',
		kind: known ? 'exposure' : 'data_quality',
		certainty: 'model',
		title:
			share === null ? `Group headcount unknown for ${name}` : `${Math.round(share * 1000) / 10}% of the group's ${name} staff are here`,
		detail:
			share === null
				? `${formatCount(headcount)} ${name} staff are in this unit, but the group's global ${name} headcount is not known, so the share cannot be computed.`
				: `${formatCount(headcount)} of ${formatCount(global!)} ${name} staff group-wide work in this unit in China${access ? ', with access to personal data' : ''}.${headcount > global! ? " The group figure is smaller than the unit's headcount; the share is capped at 100%." : ''}`,
		inputs:
			share === null
				? { function: fn, chinaHeadcount: headcount, globalHeadcount: global, accessToPersonalData: access }
				: { function: fn, chinaHeadcount: headcount, globalHeadcount: global, share, accessToPersonalData: access },
		impact,
	})
}

/**
 * The impact of a unit holding `headcount` of the group's `global` staff in a function: the level of its share, or
 * `unknownImpact` when the group figure is unknown. The likelihood does not depend on the group figure, so a change
 * of the group's headcount changes a unit's workforce cell only where it changes this level for one of its functions.
 */
export function workforceImpact(headcount: number, global: number | null, s: ModelSettings['workforce']): number {
	if (global === null || !(global > 0)) return s.unknownImpact
	return Math.max(1, levelFor(Math.min(1, headcount / global), s.impactByShare))
}
