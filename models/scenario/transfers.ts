// The cross-border flows a move itself creates. Roles moved abroad that keep reaching data in China ('remote_access')
// are a transfer: remote access from abroad counts as an export (CAC Filing Guide v2). 'migrate' moves the data
// out, also a transfer, and for a CIIO or for important data a localisation problem. 'not_needed' creates none, and
// neither does a move inside mainland China (Dalian, Chengdu) or a cut.
//
// The inventory holds volumes per flow, not per staffing line, so the synthetic flow is estimated from the unit:
// - non-sensitive individuals: 0 when the line has no access to personal data; otherwise the LARGEST count among
//   the unit's existing flows (the moved team is assumed to reach the unit's largest data set: an upper estimate);
//   unknown (null) when no flow of the unit gives a count; counts are per flow, as the exposure engine reads them;
// - sensitive individuals: the same, on the sensitive counts;
// - important data: when any system of the unit holds important data, or any of its flows carries some;
// - purpose 'other', collected in mainland China, no free-trade-zone exemption, no mechanism in place.
// The analyst can replace any of the three estimates per move (ScenarioDraftMove.dataEstimate).

import { exporterRequirements } from '../exposure/rules/cross-border.ts'
import { formatCount, stricterMechanism, type TransferRequirement } from '../transfer-mechanism.ts'
import { addMonths } from '../dates.ts'
import { type DataFlow, type StaffingLine, type UnitInventory } from '../domain.ts'
import { type PlannedMove, type ScenarioPlan } from './plan.ts'
import { type EstimateBasis, type NewTransfer, type RaisedFlow, type TransferEstimateOverride } from './types.ts'

/**
 * The new transfers of a plan, one per move abroad whose data handling is 'remote_access' or 'migrate'. The mechanism
 * each needs is counted per exporter (2024 Provisions arts 5(4), 7(2), 8): the new flow joins its unit's existing
 * outbound flows and the other new flows of the same unit, so it can need more than its own volume would, and it can
 * push the unit's existing flows up a mechanism (listed in `raisedFlows`).
 */
export function newTransfers(plan: ScenarioPlan): NewTransfer[] {
	const pending = plan.moves.flatMap(m => {
		const d = m.destination
		if (d === null || d.isMainlandChina) return []
		if (m.dataHandling !== 'remote_access' && m.dataHandling !== 'migrate') return []
		const estimate = estimateVolumes(m.unit, m.line, m.move.dataEstimate)
		return [{ m, d, handling: m.dataHandling, estimate, gapFlow: syntheticFlow(m, m.dataHandling, estimate) }]
	})
	const byUnit = new Map<number, DataFlow[]>()
	for (const p of pending) byUnit.set(p.m.unit.unit.id, [...(byUnit.get(p.m.unit.unit.id) ?? []), p.gapFlow])
	const effects = new Map<number, { after: Map<number, TransferRequirement>; raised: RaisedFlow[] }>()
	for (const p of pending) {
		const unit = p.m.unit
		if (effects.has(unit.unit.id)) continue
		const before = exporterRequirements(unit.unit, unit.flows, plan.asOf)
		const after = exporterRequirements(unit.unit, [...unit.flows, ...byUnit.get(unit.unit.id)!], plan.asOf)
		const raised = unit.flows.flatMap(f => {
			const b = before.get(f.id)
			const a = after.get(f.id)
			return b && a && stricterMechanism(b.mechanism, a.mechanism) !== b.mechanism
				? [{ flowId: f.id, code: f.code, name: f.name, before: b.mechanism, after: a.mechanism, inPlace: f.mechanismInPlace }]
				: []
		})
		effects.set(unit.unit.id, { after, raised })
	}
	return pending.map(({ m, d, handling, estimate, gapFlow }) => {
		const effect = effects.get(m.unit.unit.id)!
		const requirement = effect.after.get(gapFlow.id)!
		const flow = plan.newFlowMechanism === 'required' ? withRequiredMechanism(gapFlow, requirement, m) : gapFlow
		return {
			moveIndex: m.index,
			unitId: m.unit.unit.id,
			unitCode: m.unit.unit.code,
			staffingLineCode: m.line.code,
			destinationId: d.id,
			destinationCity: d.city,
			destinationCountry: d.country,
			dataHandling: handling,
			flow,
			basis: estimate.basis,
			requirement,
			raisedFlows: effect.raised,
			localisation: localisation(flow, m),
			privacyLaw: d.privacyLaw,
			privacyCrossBorder: d.privacyCrossBorder,
		}
	})
}

interface VolumeEstimate {
	personalInfoIndividuals: number | null
	sensitivePersonalInfoIndividuals: number | null
	includesImportantData: boolean
	basis: EstimateBasis
}

export function estimateVolumes(unit: UnitInventory, line: StaffingLine, override: TransferEstimateOverride | undefined): VolumeEstimate {
	const pi = countEstimate(unit, line, 'personalInfoIndividuals', 'non-sensitive')
	const sensitive = countEstimate(unit, line, 'sensitivePersonalInfoIndividuals', 'sensitive')
	const important = importantDataEstimate(unit)
	const o: TransferEstimateOverride = override ?? {}
	const given = 'Given by the analyst for this move.'
	return {
		personalInfoIndividuals: o.personalInfoIndividuals !== undefined ? o.personalInfoIndividuals : pi.value,
		sensitivePersonalInfoIndividuals:
			o.sensitivePersonalInfoIndividuals !== undefined ? o.sensitivePersonalInfoIndividuals : sensitive.value,
		includesImportantData: o.includesImportantData ?? important.value,
		basis: {
			personalInfoIndividuals: o.personalInfoIndividuals !== undefined ? given : pi.basis,
			sensitivePersonalInfoIndividuals: o.sensitivePersonalInfoIndividuals !== undefined ? given : sensitive.basis,
			includesImportantData: o.includesImportantData !== undefined ? given : important.basis,
		},
	}
}

function countEstimate(
	unit: UnitInventory,
	line: StaffingLine,
	field: 'personalInfoIndividuals' | 'sensitivePersonalInfoIndividuals',
	words: string,
): { value: number | null; basis: string } {
	if (!line.accessToPersonalData) {
		return { value: 0, basis: `Line ${line.code} has no access to personal data, so no ${words} personal information.` }
	}
	const unknown = unit.flows.filter(f => f[field] === null).length
	let largest: DataFlow | null = null
	for (const f of unit.flows) {
		const count = f[field]
		if (count !== null && count >= 0 && (largest === null || count > (largest[field] ?? 0))) largest = f
	}
	if (largest !== null) {
		const lowNote = unknown > 0 ? ` ${unknown} flow(s) of the unit have an unknown count, so this may be low.` : ''
		return {
			value: largest[field] ?? 0,
			basis: `Line ${line.code} reaches personal data: the largest ${words} count among the unit's flows, ${formatCount(largest[field] ?? 0)} individuals (${largest.code}).${lowNote}`,
		}
	}
	return {
		value: null,
		basis: `Line ${line.code} reaches personal data but no flow of the unit gives a ${words} count: unknown. The mechanism is read on 0 and is a lower bound until the count is known.`,
	}
}

function importantDataEstimate(unit: UnitInventory): { value: boolean; basis: string } {
	const holders = [
		...unit.systems.filter(s => s.holdsImportantData).map(s => s.code),
		...unit.flows.filter(f => f.includesImportantData).map(f => f.code),
	]
	if (holders.length === 0) return { value: false, basis: 'No system or flow of the unit holds important data.' }
	return {
		value: true,
		basis: `The unit holds important data (${holders.join(', ')}); the moved team is assumed to reach it.`,
	}
}

function syntheticFlow(m: PlannedMove, handling: 'remote_access' | 'migrate', e: VolumeEstimate): DataFlow {
	const d = m.destination!
	const remote = handling === 'remote_access'
	return {
		id: -(m.index + 1), // negative: not a stored flow
		unitId: m.unit.unit.id,
		code: `SCN-${m.index + 1}-${m.line.code}-${d.country}`,
		name: remote
			? `Remote access from ${d.city} by the relocated ${m.line.code} roles`
			: `Data migrated to ${d.city} with the ${m.line.code} roles`,
		destinationCountry: d.country,
		destinationEntity: `Group entity in ${d.city} (scenario)`,
		personalInfoIndividuals: e.personalInfoIndividuals,
		sensitivePersonalInfoIndividuals: e.sensitivePersonalInfoIndividuals,
		includesImportantData: e.includesImportantData,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: remote,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
	}
}

/** The flow as it would be once the required mechanism is in place (from the day the destination team is in post). */
function withRequiredMechanism(flow: DataFlow, requirement: TransferRequirement, m: PlannedMove): DataFlow {
	if (requirement.mechanism === 'exempt') return flow
	const since = m.dates.hiringDone ?? m.dates.noticeStart
	if (requirement.mechanism === 'security_assessment') {
		// 2024 Provisions art. 9: a security assessment is valid for 3 years.
		return {
			...flow,
			mechanismInPlace: 'security_assessment',
			mechanismSince: since,
			mechanismExpiresOn: addMonths(since, 36),
		}
	}
	return { ...flow, mechanismInPlace: 'standard_contract', mechanismSince: since }
}

function localisation(flow: DataFlow, m: PlannedMove): { issue: boolean; reason: string | null } {
	const ciio = m.unit.unit.isCiio
	const mayHoldPi = flow.personalInfoIndividuals !== 0 || flow.sensitivePersonalInfoIndividuals !== 0
	const what = [flow.includesImportantData ? 'important data' : null, ciio && mayHoldPi ? "a CIIO's personal information" : null].filter(
		Boolean,
	)
	if (what.length === 0) return { issue: false, reason: null }
	const subject = what.join(' and ')
	if (flow.isRemoteAccess) {
		return {
			issue: true,
			reason: `Remote access to ${subject} from abroad is an export: it needs a CAC security assessment before the ${m.destination!.city} team reaches it (2024 Provisions art. 7; DSL art. 31${ciio ? '; CSL art. 39' : ''}), though the data stays stored in China.`,
		}
	}
	return {
		issue: true,
		reason: `Migrating ${subject} out of China conflicts with the duty to keep it in China${ciio ? ' (CSL art. 39; PIPL art. 40)' : ''}: it may leave only after a CAC security assessment (DSL art. 31; 2024 Provisions art. 7), and a primary copy should stay in China.`,
	}
}
