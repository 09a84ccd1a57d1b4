// What each flow needs against what it has, on a date: the row the flows table, the unit page and the
// overview's Sankey all show (required mechanism next to the one in place, and whether that is enough).
import {
	effectiveMechanismInPlace,
	mechanismSatisfies,
	requiredTransferMechanism,
	transferFactsForFlow,
	type TransferMechanism,
} from './transfer-mechanism.ts'
import { type DataFlow, type MechanismInPlace } from './domain.ts'
import { exportFlows } from './exposure/rules/cross-border.ts'

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
}

/** A flow's compliance on `asOf` ('YYYY-MM-DD'). Unknown volumes count as 0, so `required` is a lower bound. */
export function flowStatus(flow: DataFlow, exporterIsCiio: boolean, asOf: string): FlowStatus {
	const leavesChina = exportFlows([flow]).length === 1
	const requirement = requiredTransferMechanism(transferFactsForFlow(flow, exporterIsCiio))
	const required: TransferMechanism = leavesChina ? requirement.mechanism : 'exempt'
	const effective = effectiveMechanismInPlace(flow, asOf)
	return {
		flowId: flow.id,
		leavesChina,
		required,
		articles: leavesChina ? requirement.articles : [],
		reasons: leavesChina ? requirement.reasons : ['The destination is inside mainland China: no cross-border transfer.'],
		inPlace: flow.mechanismInPlace,
		effective,
		expired: flow.mechanismInPlace !== 'none' && effective === 'none',
		satisfied: mechanismSatisfies(required, effective),
		volumeUnknown: flow.personalInfoIndividuals === null || flow.sensitivePersonalInfoIndividuals === null,
	}
}
