// Dimension 'cross_border': the mechanism each flow needs (2024 Provisions) against what is in place on the date,
// expiries, thresholds about to be crossed (counts run from 1 January and only grow during the year), and flows
// whose volumes are unknown.

import {
	effectiveMechanismInPlace,
	type ExporterFlowRequirement,
	exporterFlowFacts,
	formatCount,
	isExpired,
	mechanismSatisfies,
	requiredTransferMechanism,
	requiredTransferMechanisms,
	stricterMechanism,
	TRANSFER_THRESHOLDS,
	transferFactsForFlow,
	type TransferFacts,
	type TransferMechanism,
	type TransferRequirement,
} from '../../transfer-mechanism.ts'
import { daysBetween, isIsoDate } from '../../dates.ts'
import { ftzListInForce, ftzRefusal } from '../../ftz-zones.ts'
import { type BusinessUnit, type DataFlow, type MechanismInPlace, type UnitInventory } from '../../domain.ts'
import { ARTICLES, type DimensionFindings, finding, flowRef, levelFor, provisions, unitRef } from '../finding.ts'
import { dslExportPenalty, piplPenalty } from '../penalties.ts'
import { type ModelSettings } from '../settings.ts'
import { type ArticleRef, type Finding, type PenaltyRef, type ScoringContext } from '../types.ts'

const dimension = 'cross_border' as const

/** Flows that leave mainland China (a destination of 'CN' is domestic and needs no mechanism). */
export function exportFlows(flows: readonly DataFlow[]): DataFlow[] {
	return flows.filter(f => f.destinationCountry.trim().toUpperCase() !== 'CN')
}

/**
 * The mechanism each outbound flow of a unit needs, counted per exporter (the unit is one legal entity): the volume
 * tests of the 2024 Provisions read the unit's totals over all its outbound flows. Keyed by flow id; domestic flows
 * are absent. Memoised per flows array (the rules, the flow list and the Sankey all ask for the same unit).
 */
export function exporterRequirements(unit: BusinessUnit, flows: readonly DataFlow[], asOf: string): Map<number, ExporterFlowRequirement> {
	const cached = REQUIREMENTS.get(flows)
	if (cached && cached.unit === unit && cached.asOf === asOf) return cached.byFlow
	const exports = exportFlows(flows)
	const exporter = { ...unit, ftzListInForce: ftzListInForce(unit.ftzZone, asOf), ftzRefusal: ftzRefusal(unit.ftzZone, asOf) }
	const results = requiredTransferMechanisms(exporter, exports.map(exporterFlowFacts))
	const byFlow = new Map(exports.map((f, i) => [f.id, results[i]!]))
	REQUIREMENTS.set(flows, { unit, asOf, byFlow })
	return byFlow
}
const REQUIREMENTS = new WeakMap<readonly DataFlow[], { unit: BusinessUnit; asOf: string; byFlow: Map<number, ExporterFlowRequirement> }>()

/** Findings of the cross-border dimension for one unit; not applicable without a flow leaving mainland China. */
export function crossBorderFindings(inv: UnitInventory, ctx: ScoringContext): DimensionFindings {
	const exports = exportFlows(inv.flows)
	if (exports.length === 0) return { applicable: false, findings: [] }
	const requirements = exporterRequirements(inv.unit, inv.flows, ctx.asOf)
	const findings = exports.flatMap(flow => flowFindings(flow, inv.unit, requirements.get(flow.id)!, ctx))
	findings.push(exportsExposure(exports, inv.unit, ctx.settings))
	return { applicable: true, findings }
}

function flowFindings(flow: DataFlow, unit: BusinessUnit, required: ExporterFlowRequirement, ctx: ScoringContext): Finding[] {
	const { settings, asOf } = ctx
	const facts = transferFactsForFlow(flow, unit.isCiio)
	const inPlace = effectiveMechanismInPlace(flow, asOf)
	const impact = flowImpact(flow, unit.isCiio, settings)
	const out: Finding[] = []
	if (flow.personalInfoIndividuals === null || flow.sensitivePersonalInfoIndividuals === null) {
		out.push(unknownVolume(flow, required, impact, settings))
	}
	if (flow.mechanismExpiresOn !== null && !isIsoDate(flow.mechanismExpiresOn)) out.push(invalidExpiry(flow, impact, settings))
	if (!mechanismSatisfies(required.mechanism, inPlace)) {
		out.push(mechanismGap(flow, unit, required, inPlace, impact, ctx))
	} else {
		const expiring = expiringSoon(flow, required.mechanism, impact, ctx)
		if (expiring) out.push(expiring)
	}
	out.push(...approachingThresholds(flow, facts, required, inPlace, impact, settings))
	return out
}

/**
 * Impact of one flow, 1-5: the larger of its volume level, its sensitive-volume level, important data and a CIIO
 * exporting personal information. Never falls when a count rises.
 */
export function flowImpact(flow: DataFlow, isCiio: boolean, settings: ModelSettings): number {
	const s = settings.crossBorder
	const sensitive = flow.sensitivePersonalInfoIndividuals ?? 0
	const total = (flow.personalInfoIndividuals ?? 0) + sensitive
	return Math.max(
		1,
		levelFor(total, s.impactByIndividuals),
		levelFor(sensitive, s.impactBySensitiveIndividuals),
		flow.includesImportantData ? s.importantDataImpact : 0,
		isCiio && total > 0 ? s.ciioImpact : 0,
	)
}

function mechanismGap(
	flow: DataFlow,
	unit: BusinessUnit,
	required: TransferRequirement,
	inPlace: MechanismInPlace,
	impact: number,
	ctx: ScoringContext,
): Finding {
	const s = ctx.settings.crossBorder
	const expired = flow.mechanismInPlace !== 'none' && isExpired(flow.mechanismExpiresOn, ctx.asOf)
	const rule = expired
		? { id: 'XB-MECHANISM-EXPIRED', likelihood: s.likelihood.expired, title: 'Transfer mechanism expired' }
		: inPlace === 'none'
			? { id: 'XB-MECHANISM-MISSING', likelihood: s.likelihood.missing, title: 'Required transfer mechanism missing' }
			: {
					id: 'XB-MECHANISM-INSUFFICIENT',
					likelihood: s.likelihood.insufficient,
					title: 'Transfer mechanism in place is not enough',
				}
	const held = expired ? `${flow.mechanismInPlace} expired on ${flow.mechanismExpiresOn}` : inPlace
	return finding({
		ruleId: rule.id,
		dimension,
		kind: 'gap',
		certainty: 'law',
		entity: flowRef(flow),
		title: `${rule.title}: ${flow.name}`,
		detail: `${required.reasons.join(' ')} In place on ${ctx.asOf}: ${held.replaceAll('_', ' ')}.${remoteAccessNote(flow)}`,
		remedy: remedyFor(required.mechanism, expired),
		inputs: gapInputs(flow, unit, required.mechanism, inPlace),
		articles: [...required.articles.map(provisions), ...lawBehind(required)],
		likelihood: rule.likelihood,
		impact,
		penalties: gapPenalties(required, inPlace, unit, ctx),
	})
}

/** The statute behind the Provisions for the parts that are not covered: PIPL for PI, DSL for important data. */
function lawBehind(required: TransferRequirement): ArticleRef[] {
	const refs: ArticleRef[] = []
	if (required.parts.some(p => p.part !== 'important_data' && p.mechanism !== 'exempt')) {
		refs.push(ARTICLES.piplTransferBases, ARTICLES.piplPenalties)
	}
	if (required.parts.some(p => p.part === 'important_data' && p.mechanism !== 'exempt')) {
		refs.push(ARTICLES.dslExport, ARTICLES.dslExportPenalty)
	}
	return refs
}

function gapPenalties(required: TransferRequirement, inPlace: MechanismInPlace, unit: BusinessUnit, ctx: ScoringContext): PenaltyRef[] {
	const tier = ctx.settings.penalties.tier
	const unmet = required.parts.filter(p => !mechanismSatisfies(p.mechanism, inPlace))
	const penalties: PenaltyRef[] = []
	if (unmet.some(p => p.part !== 'important_data')) penalties.push(piplPenalty(unit, tier))
	if (unmet.some(p => p.part === 'important_data')) penalties.push(dslExportPenalty(tier))
	return penalties
}

function remedyFor(mechanism: TransferMechanism, expired: boolean): string {
	if (mechanism === 'security_assessment') {
		return expired
			? 'Apply for a new CAC security assessment through the provincial CAC (an extension must be sought within 60 working days before expiry, 2024 Provisions art. 9); limit the transfer until it is approved.'
			: 'Apply for a CAC security assessment through the provincial CAC; stop or limit the transfer until it is approved.'
	}
	return 'Sign the CAC standard contract with the recipient and file it with the provincial CAC within 10 working days of it taking effect, with the personal information protection impact assessment; or obtain personal information protection certification.'
}

function expiringSoon(flow: DataFlow, required: TransferMechanism, impact: number, ctx: ScoringContext): Finding | null {
	const s = ctx.settings.crossBorder
	if (required === 'exempt' || flow.mechanismInPlace === 'none' || flow.mechanismExpiresOn === null) return null
	const daysLeft = daysBetween(ctx.asOf, flow.mechanismExpiresOn)
	if (daysLeft === null || daysLeft < 0 || daysLeft > s.expiryWarningDays) return null
	return finding({
		ruleId: 'XB-MECHANISM-EXPIRING',
		dimension,
		kind: 'warning',
		certainty: 'law',
		entity: flowRef(flow),
		title: `Transfer mechanism expires in ${formatCount(daysLeft)} ${daysLeft === 1 ? 'day' : 'days'}: ${flow.name}`,
		detail: `The ${flow.mechanismInPlace.replaceAll('_', ' ')} for this flow expires on ${flow.mechanismExpiresOn}. A security assessment is valid 3 years and can be extended by 3 years if the extension is sought within 60 working days before expiry (2024 Provisions art. 9).`,
		remedy: 'Apply for the extension or a new mechanism now, before the 60-working-day window closes.',
		inputs: {
			mechanismInPlace: flow.mechanismInPlace,
			mechanismExpiresOn: flow.mechanismExpiresOn,
			daysLeft,
			asOf: ctx.asOf,
		},
		articles: [provisions('Art. 9')],
		likelihood: s.likelihood.expiring,
		impact,
	})
}

/**
 * A count within `approachingShare` below a legal threshold, where crossing it would need a stricter mechanism than
 * the one in place. Counts are cumulative since 1 January, so they only grow until the year ends.
 */
function approachingThresholds(
	flow: DataFlow,
	facts: TransferFacts,
	required: ExporterFlowRequirement,
	inPlace: MechanismInPlace,
	impact: number,
	settings: ModelSettings,
): Finding[] {
	const share = settings.crossBorder.approachingShare
	const current = required.mechanism
	const out: Finding[] = []
	// The exporter's totals, not the flow's count, approach the thresholds; only flows that count and carry that kind
	// of personal information would move up when the total crosses.
	if (!required.counted) return out
	for (const [field, threshold] of THRESHOLD_CHECKS) {
		const own = flow[field]
		if (own === null || own <= 0) continue
		const count = required.cumulative[field]
		if (count >= threshold || count < threshold * (1 - share)) continue
		const next = requiredTransferMechanism(
			field === 'personalInfoIndividuals'
				? { ...facts, personalInfoIndividuals: threshold }
				: { ...facts, sensitivePersonalInfoIndividuals: threshold },
		)
		if (stricterMechanism(current, next.mechanism) === current || mechanismSatisfies(next.mechanism, inPlace)) continue
		out.push(approaching(flow, field, count, threshold, next, impact, settings))
	}
	return out
}

/** The counts checked against each threshold they could cross. */
const THRESHOLD_CHECKS = [
	['personalInfoIndividuals', TRANSFER_THRESHOLDS.nonSensitiveStandardContract],
	['personalInfoIndividuals', TRANSFER_THRESHOLDS.nonSensitiveSecurityAssessment],
	['sensitivePersonalInfoIndividuals', TRANSFER_THRESHOLDS.sensitiveSecurityAssessment],
] as const

function approaching(
	flow: DataFlow,
	field: 'personalInfoIndividuals' | 'sensitivePersonalInfoIndividuals',
	count: number,
	threshold: number,
	next: TransferRequirement,
	impact: number,
	settings: ModelSettings,
): Finding {
	const kind = field === 'personalInfoIndividuals' ? 'non-sensitive' : 'sensitive'
	return finding({
		ruleId: 'XB-THRESHOLD-APPROACHING',
		dimension,
		kind: 'warning',
		certainty: 'law',
		entity: flowRef(flow),
		key: String(threshold),
		title: `Exporter's total ${formatCount(count)} ${kind} individuals, close to ${formatCount(threshold)}: ${flow.name}`,
		detail: `Counts run from 1 January and only grow until the year ends, and they are the exporter's totals over all its transfers that count. At ${formatCount(threshold)} ${kind} individuals in total this flow will need ${next.mechanism.replaceAll('_', ' ')}, which is not in place. ${next.reasons[0] ?? ''}`,
		remedy: `Prepare the ${next.mechanism.replaceAll('_', ' ')} now, or cap the transfer below ${formatCount(threshold)} individuals this year (splitting volumes to avoid the threshold is not allowed).`,
		inputs: {
			[field === 'personalInfoIndividuals' ? 'exporterTotalIndividuals' : 'exporterTotalSensitiveIndividuals']: count,
			[field]: flow[field],
			threshold,
			approachingShare: settings.crossBorder.approachingShare,
			nextMechanism: next.mechanism,
		},
		articles: next.articles.map(provisions),
		likelihood: settings.crossBorder.likelihood.approaching,
		impact,
	})
}

function unknownVolume(flow: DataFlow, required: ExporterFlowRequirement, impact: number, settings: ModelSettings): Finding {
	const s = settings.crossBorder
	return finding({
		ruleId: 'XB-VOLUME-UNKNOWN',
		dimension,
		kind: 'data_quality',
		certainty: 'law',
		entity: flowRef(flow),
		title: `Volumes unknown: ${flow.name}`,
		detail: `The number of individuals transferred since 1 January is not known (non-sensitive: ${flow.personalInfoIndividuals ?? 'unknown'}, sensitive: ${flow.sensitivePersonalInfoIndividuals ?? 'unknown'}). Unknown is never read as none: the mechanism shown (${required.mechanism.replaceAll('_', ' ')}) is at least a standard contract (for a CIIO, a security assessment) and at least what the exporter's known totals require, but it may be higher once the count is known, and the exporter's totals leave this flow out until then.`,
		remedy: 'Count the individuals (non-sensitive and sensitive) transferred since 1 January and record them.',
		inputs: {
			personalInfoIndividuals: flow.personalInfoIndividuals,
			sensitivePersonalInfoIndividuals: flow.sensitivePersonalInfoIndividuals,
			mechanismShown: required.mechanism,
		},
		articles: [provisions('Art. 7(2)'), provisions('Art. 8')],
		likelihood: s.likelihood.unknownVolume,
		impact: Math.max(s.unknownVolumeImpact, impact),
	})
}

function invalidExpiry(flow: DataFlow, impact: number, settings: ModelSettings): Finding {
	return finding({
		ruleId: 'XB-EXPIRY-INVALID',
		dimension,
		kind: 'data_quality',
		certainty: 'law',
		entity: flowRef(flow),
		title: `Mechanism expiry date unreadable: ${flow.name}`,
		detail: `The expiry date '${flow.mechanismExpiresOn}' is not a 'YYYY-MM-DD' date, so the mechanism is treated as not expired.`,
		remedy: 'Correct the expiry date of the mechanism.',
		inputs: { mechanismExpiresOn: flow.mechanismExpiresOn },
		articles: [provisions('Art. 9')],
		likelihood: settings.crossBorder.likelihood.invalidDate,
		impact,
	})
}

function exportsExposure(exports: DataFlow[], unit: BusinessUnit, settings: ModelSettings): Finding {
	const individuals = exports.reduce((n, f) => n + (f.personalInfoIndividuals ?? 0), 0)
	const sensitive = exports.reduce((n, f) => n + (f.sensitivePersonalInfoIndividuals ?? 0), 0)
	const remote = exports.filter(f => f.isRemoteAccess).length
	const destinations = [...new Set(exports.map(f => f.destinationCountry.toUpperCase()))].sort().join(', ')
	return finding({
		ruleId: 'XB-EXPORTS',
		dimension,
		kind: 'exposure',
		certainty: 'law',
		entity: unitRef(unit),
		title: `${exports.length} outbound flow(s) to ${destinations}`,
		detail: `The unit sends data abroad: ${formatCount(individuals)} non-sensitive and ${formatCount(sensitive)} sensitive individuals since 1 January (known counts), ${remote} flow(s) by remote access from abroad, which is also an export. Every export of personal information, exempt from the Provisions' mechanisms or not, still needs notice to the individuals of the recipient, the purpose and method, the kinds of information and how to exercise their rights (PIPL art. 39), and a personal information protection impact assessment (PIPL art. 55(4)). Separate consent (art. 39) is needed only where consent is the legal basis: none is needed where art. 13(1)(2)-(7) applies, e.g. a contract with the individual or HR management under lawful labour rules (art. 13, second paragraph).`,
		remedy:
			'Keep notices, the legal basis of each transfer (consent records where consent is the basis), impact assessments and the transfer register current.',
		inputs: {
			flows: exports.length,
			individuals,
			sensitiveIndividuals: sensitive,
			remoteAccessFlows: remote,
			destinations,
		},
		articles: [ARTICLES.piplLegalBases, ARTICLES.piplSeparateConsent, ARTICLES.piplImpactAssessment, ARTICLES.remoteAccess],
		likelihood: settings.crossBorder.likelihood.baseline,
		impact: Math.max(...exports.map(f => flowImpact(f, unit.isCiio, settings))),
	})
}

// Built field by field rather than by spreading a shared object: V8 copies spreads on a slow path, and this runs
// for every flow with a gap (thousands at scale).
function gapInputs(flow: DataFlow, unit: BusinessUnit, required: TransferMechanism, inPlace: MechanismInPlace) {
	return {
		exporterIsCiio: unit.isCiio,
		personalInfoIndividuals: flow.personalInfoIndividuals,
		sensitivePersonalInfoIndividuals: flow.sensitivePersonalInfoIndividuals,
		includesImportantData: flow.includesImportantData,
		purpose: flow.purpose,
		collectedInMainland: flow.collectedInMainland,
		outsideFtzNegativeList: flow.outsideFtzNegativeList,
		isRemoteAccess: flow.isRemoteAccess,
		destinationCountry: flow.destinationCountry,
		required,
		inPlace: flow.mechanismInPlace,
		mechanismExpiresOn: flow.mechanismExpiresOn,
		effectiveInPlace: inPlace,
	}
}

function remoteAccessNote(flow: DataFlow): string {
	return flow.isRemoteAccess
		? ' This flow is remote access from abroad to data stored in China, which counts as an export (CAC Filing Guide v2).'
		: ''
}
