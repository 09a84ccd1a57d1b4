// What each flow needs against what it has, on a date: the row the flows table, the unit page and the
// overview's Sankey all show (required mechanism next to the one in place, and whether that is enough).
// The requirement is counted per exporter (the unit): the 2024 Provisions' volume tests read its totals since
// 1 January over all its outbound flows, so a flow's status depends on its unit's other flows too.
import { effectiveMechanismInPlace, type ExporterTotals, mechanismSatisfies, type TransferMechanism } from './transfer-mechanism.ts'
import { type BusinessUnit, type DataFlow, type MechanismInPlace } from './domain.ts'
import { exporterRequirements } from './exposure/rules/cross-border.ts'
import { type FLOW_STATUS_FILTERS } from './inventory-specs.ts'

export interface FlowStatus {
	flowId: number
	leavesChina: boolean
	required: TransferMechanism
	articles: string[]
	reasons: string[]
	inPlace: MechanismInPlace // as recorded
	effective: MechanismInPlace // 'none' once expired
	expired: boolean
	satisfied: boolean
	volumeUnknown: boolean
	/** The exporter's totals the requirement was read on; null for a domestic flow. */
	exporterTotals: ExporterTotals | null
}

/** The status of every flow of one exporter on `asOf` ('YYYY-MM-DD'), in the order of `flows`. */
export function flowStatuses(unit: BusinessUnit, flows: readonly DataFlow[], asOf: string): FlowStatus[] {
	const requirements = exporterRequirements(unit, flows, asOf)
	return flows.map(flow => {
		const requirement = requirements.get(flow.id)
		const leavesChina = requirement !== undefined
		const required: TransferMechanism = requirement?.mechanism ?? 'exempt'
		const effective = effectiveMechanismInPlace(flow, asOf)
		return {
			flowId: flow.id,
			leavesChina,
			required,
			articles: requirement?.articles ?? [],
			reasons: requirement?.reasons ?? ['The destination is inside mainland China: no cross-border transfer.'],
			inPlace: flow.mechanismInPlace,
			effective,
			expired: flow.mechanismInPlace !== 'none' && effective === 'none',
			satisfied: mechanismSatisfies(required, effective),
			volumeUnknown: flow.personalInfoIndividuals === null || flow.sensitivePersonalInfoIndividuals === null,
			exporterTotals: requirement?.cumulative ?? null,
		}
	})
}

export type FlowStatusFilter = (typeof FLOW_STATUS_FILTERS)[number]

/** Whether a flow's status matches the list's status filter ('lacking': leaves China without what it needs). */
export function matchesStatusFilter(s: FlowStatus, filter: FlowStatusFilter): boolean {
	const lacking = s.leavesChina && !s.satisfied
	return filter === 'lacking' ? lacking : !lacking
}

/** Whether a flow matches the list's computed filters (required mechanism, status); absent filters match all. */
export function matchesFlowFilters(s: FlowStatus, f: { required?: string; status?: string }): boolean {
	if (f.required && !(s.leavesChina && s.required === f.required)) return false
	if (f.status && !matchesStatusFilter(s, f.status as FlowStatusFilter)) return false
	return true
}
