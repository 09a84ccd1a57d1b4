// Dimension 'data_localisation': CIIOs must store personal information and important data collected in China
// within China (CSL art. 39, art. 37 in the 2017 text; PIPL art. 40), and important data leaves only after a CAC security assessment
// (DSL art. 31; 2024 Provisions art. 7). Remote access from abroad is an export even though the data stays put.

import { effectiveMechanismInPlace, mechanismSatisfies, type TransferRequirement } from '../../transfer-mechanism.ts'
import { type BusinessUnit, type DataFlow, type InfoSystem, type UnitInventory } from '../../domain.ts'
import { ARTICLES, type DimensionFindings, finding, flowRef, provisions, systemRef, unitRef } from '../finding.ts'
import { amendedCslApplies, cslArticle, cslLocalisationPenalty } from '../csl.ts'
import { dslExportPenalty, piplPenalty } from '../penalties.ts'
import { type ModelSettings } from '../settings.ts'
import { type ArticleRef, type Finding, type PenaltyRef, type ScoringContext } from '../types.ts'
import { exporterRequirements, exportFlows } from './cross-border.ts'

const dimension = 'data_localisation' as const

/** Findings of the localisation dimension; applies to CIIOs and to units holding or exporting important data. */
export function localisationFindings(inv: UnitInventory, ctx: ScoringContext): DimensionFindings {
	const { unit } = inv
	const flows = exportFlows(inv.flows).filter(f => f.includesImportantData || (unit.isCiio && carriesMainlandPi(f)))
	const holders = inv.systems.filter(s => s.holdsImportantData)
	if (!unit.isCiio && flows.length === 0 && holders.length === 0) return { applicable: false, findings: [] }
	const findings = [
		...flows.map(flow => flowFinding(flow, unit, exporterRequirements(unit, inv.flows, ctx.asOf).get(flow.id)!, ctx)),
		...holders.map(system => importantDataHeld(system, ctx.settings)),
	]
	if (unit.isCiio) findings.push(ciioStorage(unit, ctx))
	return { applicable: true, findings }
}

function carriesMainlandPi(flow: DataFlow): boolean {
	const total = (flow.personalInfoIndividuals ?? 0) + (flow.sensitivePersonalInfoIndividuals ?? 0)
	return flow.collectedInMainland && total > 0
}

function flowFinding(flow: DataFlow, unit: BusinessUnit, required: TransferRequirement, ctx: ScoringContext): Finding {
	const s = ctx.settings.localisation
	const inPlace = effectiveMechanismInPlace(flow, ctx.asOf)
	const impact = Math.max(flow.includesImportantData ? s.importantDataImpact : 0, unit.isCiio ? s.ciioImpact : 0)
	const via = flow.isRemoteAccess ? 'is reached by remote access from abroad (an export under the CAC Filing Guide v2)' : 'is sent abroad'
	const what = flow.includesImportantData ? 'Important data' : "A CIIO's personal information"
	const inputs = {
		exporterIsCiio: unit.isCiio,
		includesImportantData: flow.includesImportantData,
		isRemoteAccess: flow.isRemoteAccess,
		destinationCountry: flow.destinationCountry,
		required: required.mechanism,
		effectiveInPlace: inPlace,
	}
	const articles = localisationArticles(flow, unit, required, ctx.asOf)
	if (!mechanismSatisfies(required.mechanism, inPlace)) {
		return finding({
			ruleId: flow.includesImportantData ? 'LOC-IMPORTANT-DATA-OFFSHORE' : 'LOC-CIIO-EXPORT-UNASSESSED',
			dimension,
			kind: 'gap',
			certainty: 'law',
			entity: flowRef(flow),
			title: `${what} ${via} without a security assessment: ${flow.name}`,
			detail: `${what} ${via} to ${flow.destinationCountry}. It may leave China only after a CAC security assessment, and none is in force on ${ctx.asOf}. ${required.reasons[0] ?? ''}`,
			remedy:
				'Stop the export or the remote access until a CAC security assessment is approved; keep the data and its primary copy in China.',
			inputs,
			articles,
			likelihood: s.likelihood.unassessedExport,
			impact,
			penalties: localisationPenalties(flow, unit, ctx),
		})
	}
	const exempt = required.mechanism === 'exempt'
	return finding({
		ruleId: exempt ? 'LOC-EXEMPT-EXPORT' : 'LOC-ASSESSED-EXPORT',
		dimension,
		kind: 'exposure',
		certainty: 'law',
		entity: flowRef(flow),
		title: `${what} ${via}${exempt ? ' under an exemption' : ' under a security assessment'}: ${flow.name}`,
		detail: exempt
			? `${required.reasons.join(' ')} The storage duty in China still applies: only what the exemption covers may leave.`
			: `A CAC security assessment is in force. Keep the data stored in China and the export within the assessed scope.`,
		remedy: exempt
			? 'Document why the exemption applies and keep the primary copy in China.'
			: 'Track the assessment expiry and report changes in scope to the CAC.',
		inputs,
		articles,
		likelihood: exempt ? s.likelihood.exemptExport : s.likelihood.assessedExport,
		impact,
	})
}

function localisationArticles(flow: DataFlow, unit: BusinessUnit, required: TransferRequirement, asOf: string): ArticleRef[] {
	const refs: ArticleRef[] = required.articles.map(provisions)
	if (unit.isCiio) refs.push(cslArticle('localisation', asOf), cslArticle('localisationPenalty', asOf), ARTICLES.piplLocalisation)
	if (flow.includesImportantData) refs.push(ARTICLES.dslExport)
	if (flow.isRemoteAccess) refs.push(ARTICLES.remoteAccess)
	return refs
}

function localisationPenalties(flow: DataFlow, unit: BusinessUnit, ctx: ScoringContext): PenaltyRef[] {
	const tier = ctx.settings.penalties.tier
	const penalties: PenaltyRef[] = []
	if (flow.includesImportantData) penalties.push(dslExportPenalty(tier))
	if (!unit.isCiio) return penalties
	const csl = cslLocalisationPenalty(ctx.asOf, tier)
	// From 2026-01-01 the CSL has no fine of its own for this (art. 71(3)): PIPL art. 66 reaches the personal
	// information, DSL art. 46 (above) the important data.
	if (csl) penalties.push(csl)
	else if (carriesMainlandPi(flow) || flow.personalInfoIndividuals === null || flow.sensitivePersonalInfoIndividuals === null)
		penalties.push(piplPenalty(unit, tier))
	return penalties
}

function importantDataHeld(system: InfoSystem, settings: ModelSettings): Finding {
	return finding({
		ruleId: 'LOC-IMPORTANT-DATA-HELD',
		dimension,
		kind: 'exposure',
		certainty: 'law',
		entity: systemRef(system),
		title: `Holds important data in China: ${system.name}`,
		detail:
			'Processors of important data need a data security officer and management body (DSL art. 27) and periodic risk assessments reported to the authorities (DSL art. 30; yearly under the Network Data Security Management Regulations). The data may leave China only after a CAC security assessment.',
		remedy: 'Keep the important-data catalogue, the security officer and the yearly risk assessment current.',
		inputs: { holdsImportantData: true, mlpsLevel: system.mlpsLevel },
		articles: [ARTICLES.dslImportantDataDuties, ARTICLES.dslRiskAssessment, ARTICLES.dslExport],
		likelihood: settings.localisation.likelihood.storedInChina,
		impact: settings.localisation.importantDataImpact,
	})
}

function ciioStorage(unit: BusinessUnit, ctx: ScoringContext): Finding {
	const settings = ctx.settings
	const csl = cslArticle('localisation', ctx.asOf)
	return finding({
		ruleId: 'LOC-CIIO-STORAGE',
		dimension,
		kind: 'exposure',
		certainty: 'law',
		entity: unitRef(unit),
		title: 'Critical information infrastructure operator: storage in China',
		detail: `As a CIIO the unit must store personal information and important data collected or generated in China within China (${csl.law} ${csl.article.toLowerCase()}; PIPL art. 40); any export needs a CAC security assessment unless an exemption of the 2024 Provisions applies.${amendedCslApplies(ctx.asOf) ? ' A breach is dealt with under PIPL art. 66 and DSL art. 46 (CSL art. 71(3)); the CSL has no fine of its own for it since 2026-01-01.' : ''}`,
		remedy: 'Keep data stores in China and route every export through the security assessment or a documented exemption.',
		inputs: { isCiio: true },
		articles: [csl, ARTICLES.piplLocalisation],
		likelihood: settings.localisation.likelihood.storedInChina,
		impact: settings.localisation.ciioImpact,
	})
}
