import { type DutyLaw, type DutySource } from './sources.ts'

/** How firm a duty is: in force law, market practice, or a reading where a fact or a source is missing. */
export type DutyCertainty = 'law' | 'practice' | 'uncertain'

/**
 * What the inventory says of a duty on the day: 'met' (the inventory shows it done), 'scheduled' (due later),
 * 'overdue' (the due date has passed), 'undated' (owed, but no due date can be computed from what is held).
 */
export type DutyState = 'met' | 'scheduled' | 'overdue' | 'undated'

export const DUTY_KINDS = [
	'mlps_grading',
	'mlps_filing',
	'mlps_assessment',
	'crypto_assessment',
	'ciio_inspection',
	'ciio_procurement_review',
	'incident_readiness',
	'pi_officer',
	'compliance_audit',
	'important_data_risk_assessment',
	'important_data_officer',
	'pipia',
	'security_assessment',
	'assessment_renewal',
	'standard_contract_filing',
	'certification_renewal',
] as const
export type DutyKind = (typeof DUTY_KINDS)[number]

/** One duty the law attaches to a unit (or to one of its systems or flows), derived from the inventory. */
export interface Duty {
	/** Stable across recomputation: kind, unit code and the subject's code. Status records key on it. */
	key: string
	kind: DutyKind
	unitId: number
	unitCode: string
	unitName: string
	/** The system or flow the duty is about, or null for the unit itself. */
	subject: string | null
	law: DutyLaw
	article: string
	duty: string
	/** What in the inventory triggers it, in words. */
	trigger: string
	dueOn: string | null
	/** Renewal windows: the first day the application may be made. */
	windowOpensOn: string | null
	/** Recurring duties: months between two occurrences (the next runs from the evidence date once done). */
	recurrenceMonths: number | null
	certainty: DutyCertainty
	state: DutyState
	note: string
	source: DutySource
}

export const DUTY_STATUSES = ['open', 'done', 'not_applicable'] as const
export type DutyStatusValue = (typeof DUTY_STATUSES)[number]

/** What people recorded about a duty (stored): status, owner, evidence, and the version for conditional writes. */
export interface DutyStatusRecord {
	dutyKey: string
	unitId: number
	status: DutyStatusValue
	owner: string | null
	evidenceRef: string | null
	evidenceOn: string | null
	reason: string | null
	version: number
	updatedAt: string
	updatedBy: string | null
}

/** A duty with what people recorded about it: one row of the register. */
export interface RegisterRow extends Duty {
	status: DutyStatusValue
	owner: string | null
	evidenceRef: string | null
	evidenceOn: string | null
	reason: string | null
	version: number
	/** Days from the register's date to dueOn (negative: overdue); null without a due date. */
	daysUntilDue: number | null
	overdue: boolean
}
