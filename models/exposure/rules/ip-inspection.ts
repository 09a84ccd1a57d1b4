// Dimension 'ip_inspection': source code, important (business-critical) data and R&D teams that an inspection can
// reach. Network operators must assist public and national security organs (CSL art. 30; art. 28 in the 2017 text), who may also require
// data for investigations (DSL art. 35); the PSB inspects level-3 systems yearly and level-4 systems half-yearly.
// None of this is a breach: these findings measure exposure, and their likelihoods are model judgements.

import { type BusinessUnit, type InfoSystem, type StaffingLine, type UnitInventory } from '../../domain.ts'
import { formatCount } from '../../transfer-mechanism.ts'
import { ARTICLES, articleList, type DimensionFindings, finding, levelFor, systemRef, unitRef } from '../finding.ts'
import { type ModelSettings } from '../settings.ts'
import { amendedCslApplies, cslArticle, cslInspectionPenalty } from '../csl.ts'
import { type ArticleRef, type Finding, type ScoringContext } from '../types.ts'

const dimension = 'ip_inspection' as const

/** Findings of the inspection dimension; applies to systems with source code or important data and to R&D teams. */
export function ipInspectionFindings(inv: UnitInventory, ctx: ScoringContext): DimensionFindings {
	const { unit } = inv
	const reachable = inv.systems.filter(s => s.holdsSourceCode || s.holdsImportantData)
	const rnd = inv.staffing.filter(l => l.function === 'rnd' && l.headcount > 0)
	if (reachable.length === 0 && rnd.length === 0) return { applicable: false, findings: [] }
	const findings = reachable.flatMap(system => systemFindings(system, unit, ctx))
	if (rnd.length > 0) findings.push(rndTeam(rnd, unit, ctx))
	return { applicable: true, findings }
}

/** Likelihood that an inspection reaches a system, 1-5: higher for PSB-supervised levels (3+) and for CIIOs. */
export function inspectionLikelihood(system: InfoSystem, unit: BusinessUnit, settings: ModelSettings): number {
	const l = settings.ipInspection.likelihood
	const supervised = system.mlpsLevel !== null && system.mlpsLevel >= 3
	return Math.max(l.base, supervised ? l.supervisedLevel : 0, unit.isCiio ? l.ciio : 0)
}

// The CSL articles are dated (28 and 69 in the 2017 text, 30 and 70 from 2026-01-01): one shared list per text.
const LISTS = new Map<string, ArticleRef[]>()
function citedArticles(asOf: string, supervised: boolean): ArticleRef[] {
	const key = `${amendedCslApplies(asOf)}|${supervised}`
	let list = LISTS.get(key)
	if (!list) {
		const refs = [cslArticle('assistAuthorities', asOf), cslArticle('supervision', asOf), ARTICLES.dslDataAccess]
		LISTS.set(key, (list = articleList(...refs, ...(supervised ? [ARTICLES.psbInspection] : []))))
	}
	return list
}

function systemFindings(system: InfoSystem, unit: BusinessUnit, ctx: ScoringContext): Finding[] {
	const settings = ctx.settings
	const s = settings.ipInspection
	const likelihood = inspectionLikelihood(system, unit, settings)
	const supervised = system.mlpsLevel !== null && system.mlpsLevel >= 3
	const articles = citedArticles(ctx.asOf, supervised)
	const assist = cslArticle('assistAuthorities', ctx.asOf).article
	// An inspection this unit refuses or obstructs is itself fined (CSL art. 70, 2017 art. 69): the exposure these
	// findings measure, in money.
	const penalties = [cslInspectionPenalty(ctx.asOf, settings.penalties.tier)]
	const reach = `${supervised ? 'It is at MLPS level 3 or above, so the PSB inspects it periodically. ' : ''}${unit.isCiio ? 'The unit is a CIIO, under its sector protection department. ' : ''}`
	const out: Finding[] = []
	if (system.holdsSourceCode) {
		out.push(
			finding({
				ruleId: 'IP-SOURCE-CODE',
				dimension,
				kind: 'exposure',
				certainty: 'model',
				entity: systemRef(system),
				title: `Source code held in China: ${system.name}`,
				detail: `${reach}Network operators must give technical support and assistance to public and national security organs (CSL ${assist.toLowerCase()}), who may require data for investigations (DSL art. 35); refusing or obstructing a lawful inspection is fined RMB 50,000-500,000 (CSL ${cslArticle('supervision', ctx.asOf).article.toLowerCase()}).`,
				remedy:
					'Keep only the code the China team needs on systems in China; hold crown-jewel repositories offshore with access controls and logs.',
				inputs: { mlpsLevel: system.mlpsLevel, exporterIsCiio: unit.isCiio, supervisedLevel: supervised, holdsSourceCode: true },
				articles,
				likelihood,
				impact: s.sourceCodeImpact,
				penalties,
			}),
		)
	}
	if (system.holdsImportantData) {
		out.push(
			finding({
				ruleId: 'IP-CRITICAL-DATA',
				dimension,
				kind: 'exposure',
				certainty: 'model',
				entity: systemRef(system),
				title: `Business-critical (important) data reachable in China: ${system.name}`,
				detail: `${reach}Important data held in China can be required by the authorities (DSL art. 35) and may not leave without a security assessment.`,
				remedy: 'Minimise the important data held; segregate it and log access.',
				inputs: { mlpsLevel: system.mlpsLevel, exporterIsCiio: unit.isCiio, supervisedLevel: supervised, holdsImportantData: true },
				articles,
				likelihood,
				impact: s.importantDataImpact,
				penalties,
			}),
		)
	}
	return out
}

function rndTeam(lines: StaffingLine[], unit: BusinessUnit, ctx: ScoringContext): Finding {
	const s = ctx.settings.ipInspection
	const assist = cslArticle('assistAuthorities', ctx.asOf).article.toLowerCase()
	const headcount = lines.reduce((n, l) => n + l.headcount, 0)
	return finding({
		ruleId: 'IP-RND-STAFF',
		dimension,
		kind: 'exposure',
		certainty: 'model',
		entity: unitRef(unit),
		title: `${formatCount(headcount)} R&D staff in China`,
		detail: `R&D teams in China hold know-how and access to source code that an inspection or investigation can reach (CSL ${assist}; DSL art. 35). Lines: ${lines.map(l => l.code).join(', ')}.`,
		remedy: 'Limit repository access by need, log it, and keep crown-jewel development outside China where the exposure is not acceptable.',
		inputs: { rndHeadcount: headcount, lines: lines.length },
		articles: [cslArticle('assistAuthorities', ctx.asOf), ARTICLES.dslDataAccess],
		likelihood: s.likelihood.base,
		impact: Math.max(1, levelFor(headcount, s.rndImpactByHeadcount)),
	})
}
