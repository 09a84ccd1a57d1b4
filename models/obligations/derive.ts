// Every duty the law attaches to a business unit, derived from its inventory (pure: the date is an argument).
// Sources and the readings that decide boundaries are in ./sources.ts; MLPS due dates come from ../mlps-obligations.ts.
import { exporterFlowFacts, formatCount, requiredTransferMechanisms, type TransferRequirement } from '../transfer-mechanism.ts'
import { addMonths, daysBetween, isIsoDate } from '../dates.ts'
import { type DataFlow, type InfoSystem, type UnitInventory } from '../domain.ts'
import { mlpsObligations } from '../mlps-obligations.ts'
import { DUTY_SOURCES, type DutySource } from './sources.ts'
import { type Duty, type DutyCertainty, type DutyKind, type DutyState } from './types.ts'
import { basisNote, shiftWorkingDays } from './working-days.ts'

/** Thresholds of individuals processed, as the instruments word them. */
export const PROCESSING_THRESHOLDS = {
	/** Audit Measures art. 12 / CAC announcement 2025-07-18: 100万人以上, 1,000,000 included. */
	piOfficer: 1_000_000,
	/** Audit Measures: 超过1000万人, more than 10,000,000 (exactly 10,000,000 is not caught). */
	complianceAudit: 10_000_000,
} as const

export const DUTY_PERIODS = {
	piOfficerReportWorkingDays: 30,
	complianceAuditMonths: 24,
	yearlyMonths: 12,
	renewalWindowWorkingDays: 60,
	standardContractFilingWorkingDays: 10,
} as const

interface Base {
	unit: UnitInventory['unit']
	kind: DutyKind
	subject: string | null
	source: DutySource
	duty: string
	trigger: string
	certainty?: DutyCertainty
	dueOn?: string | null
	windowOpensOn?: string | null
	recurrenceMonths?: number | null
	state?: DutyState
	note?: string
}

function duty(b: Base, asOf: string): Duty {
	const dueOn = b.dueOn ?? null
	return {
		key: [b.kind, b.unit.code, b.subject].filter(Boolean).join(':'),
		kind: b.kind,
		unitId: b.unit.id,
		unitCode: b.unit.code,
		unitName: b.unit.name,
		subject: b.subject,
		law: b.source.law,
		article: b.source.article,
		duty: b.duty,
		trigger: b.trigger,
		dueOn,
		windowOpensOn: b.windowOpensOn ?? null,
		recurrenceMonths: b.recurrenceMonths ?? null,
		certainty: b.certainty ?? (b.source.verified ? 'law' : 'uncertain'),
		state: b.state ?? stateOf(dueOn, asOf),
		note: b.note ?? '',
		source: b.source,
	}
}

/** 'undated' without a date, 'overdue' once `asOf` is past it, else 'scheduled'. */
export function stateOf(dueOn: string | null, asOf: string): DutyState {
	if (!dueOn) return 'undated'
	const d = daysBetween(asOf, dueOn)
	return d === null ? 'undated' : d < 0 ? 'overdue' : 'scheduled'
}

/**
 * The duties of one unit on `asOf` ('YYYY-MM-DD'): MLPS per system, commercial cryptography for level 3+,
 * cross-border per flow, PIPL and NDSMR scale and important-data duties, incident-reporting readiness, and a
 * CIIO's yearly inspection and procurement review. Ordered by kind, then subject.
 */
export function deriveUnitDuties(inv: UnitInventory, asOf: string): Duty[] {
	const duties: Duty[] = []
	for (const system of inv.systems) duties.push(...systemDuties(inv.unit, system, asOf))
	// The volume tests read the exporter's totals since 1 January, not each flow's own count (2024 Provisions).
	const requirements = requiredTransferMechanisms(inv.unit, inv.flows.map(exporterFlowFacts))
	inv.flows.forEach((flow, i) => duties.push(...flowDuties(inv.unit, flow, requirements[i]!, asOf)))
	duties.push(...unitDuties(inv, asOf))
	return duties
}

/** The duties of every unit. */
export function derivePortfolioDuties(units: readonly UnitInventory[], asOf: string): Duty[] {
	return units.flatMap(u => deriveUnitDuties(u, asOf))
}

const MLPS_KIND = { grading: 'mlps_grading', filing: 'mlps_filing', assessment: 'mlps_assessment' } as const

function systemDuties(unit: UnitInventory['unit'], system: InfoSystem, asOf: string): Duty[] {
	const out: Duty[] = []
	for (const o of mlpsObligations(system, asOf).obligations) {
		const source =
			o.kind === 'grading'
				? DUTY_SOURCES.mlpsGrading
				: o.kind === 'filing'
					? DUTY_SOURCES.mlpsFiling
					: o.certainty === 'practice'
						? DUTY_SOURCES.mlpsPractice
						: DUTY_SOURCES.mlpsAssessment
		out.push(
			duty(
				{
					unit,
					kind: MLPS_KIND[o.kind],
					subject: system.code,
					source,
					duty: `${o.title}: ${system.name}`,
					trigger: system.mlpsLevel === null ? 'System not yet graded' : `MLPS level ${system.mlpsLevel}`,
					certainty: o.certainty,
					dueOn: o.dueOn,
					state: o.state,
					recurrenceMonths: o.kind === 'assessment' ? assessmentMonths(system.mlpsLevel) : null,
					note: o.note,
				},
				asOf,
			),
		)
	}
	if (system.mlpsLevel !== null && system.mlpsLevel >= 3) {
		out.push(
			duty(
				{
					unit,
					kind: 'crypto_assessment',
					subject: system.code,
					source: DUTY_SOURCES.cryptoAssessment,
					duty: `Commercial cryptography application security assessment (密评): ${system.name}`,
					trigger: `MLPS level ${system.mlpsLevel} (level 3 and above)`,
					certainty: 'uncertain',
					recurrenceMonths: DUTY_PERIODS.yearlyMonths,
					note: 'Yearly by the practitioners\u2019 reading (frequency clause not read). The inventory holds no date of the last assessment: record it as done with its date and the next falls due a year later.',
				},
				asOf,
			),
		)
	}
	return out
}

function assessmentMonths(level: InfoSystem['mlpsLevel']): number | null {
	if (level === null || level < 2) return null
	return level === 2 ? 24 : level === 3 ? 12 : 6
}

function flowDuties(unit: UnitInventory['unit'], flow: DataFlow, requirement: TransferRequirement, asOf: string): Duty[] {
	const out: Duty[] = []
	const countsUnknown = flow.personalInfoIndividuals === null || flow.sensitivePersonalInfoIndividuals === null
	const carriesPi = (flow.personalInfoIndividuals ?? 0) + (flow.sensitivePersonalInfoIndividuals ?? 0) > 0
	const base = { unit, subject: flow.code }
	if (carriesPi || countsUnknown) {
		out.push(
			duty(
				{
					...base,
					kind: 'pipia',
					source: DUTY_SOURCES.pipia,
					duty: `PI protection impact assessment before the transfer: ${flow.name}`,
					trigger: carriesPi
						? `Personal information provided abroad (to ${flow.destinationCountry})`
						: 'Counts of individuals unknown: PI may be provided abroad',
					certainty: carriesPi ? 'law' : 'uncertain',
					note: 'Owed before the transfer starts, whatever mechanism applies (2024 Provisions art. 10 keeps it). Keep the report and the records at least three years from the evidence date.',
				},
				asOf,
			),
		)
	}
	const inPlace = flow.mechanismInPlace
	if (requirement.mechanism === 'security_assessment' && inPlace !== 'security_assessment') {
		out.push(
			duty(
				{
					...base,
					kind: 'security_assessment',
					source: { ...DUTY_SOURCES.securityAssessment, article: requirement.articles.join(', ') },
					duty: `Obtain a CAC security assessment before transferring: ${flow.name}`,
					trigger: requirement.reasons[0] ?? 'The 2024 Provisions require a security assessment',
					note: 'Transfers may not run until the assessment is passed. See the forecast for the lead time.',
				},
				asOf,
			),
		)
	}
	if (requirement.mechanism === 'standard_contract_or_certification' && inPlace === 'none') {
		out.push(
			duty(
				{
					...base,
					kind: 'standard_contract_filing',
					source: DUTY_SOURCES.standardContractFiling,
					duty: `Conclude the CAC standard contract (or certify) and file it within 10 working days: ${flow.name}`,
					trigger: requirement.reasons[0] ?? 'The 2024 Provisions require a standard contract or certification',
					note: 'No mechanism is recorded: the filing falls due 10 working days after the contract takes effect.',
				},
				asOf,
			),
		)
	}
	if (inPlace === 'standard_contract' && isIsoDate(flow.mechanismSince)) {
		out.push(
			duty(
				{
					...base,
					kind: 'standard_contract_filing',
					source: DUTY_SOURCES.standardContractFiling,
					duty: `File the standard contract with the provincial CAC: ${flow.name}`,
					trigger: 'Standard contract in place',
					state: 'met',
					dueOn: null,
					note: `The inventory records the contract as filed on ${flow.mechanismSince}.`,
				},
				asOf,
			),
		)
	}
	if (inPlace === 'security_assessment' && isIsoDate(flow.mechanismExpiresOn)) out.push(renewal(base, flow.mechanismExpiresOn, asOf))
	if (inPlace === 'certification' && isIsoDate(flow.mechanismExpiresOn)) {
		out.push(
			duty(
				{
					...base,
					kind: 'certification_renewal',
					source: DUTY_SOURCES.certificationValidity,
					duty: `Renew the PI protection certification before it expires: ${flow.name}`,
					trigger: `Certification expires on ${flow.mechanismExpiresOn}`,
					dueOn: flow.mechanismExpiresOn,
					note: 'Certificates are valid 3 years; ask the certification body for its renewal lead time (not fixed by the Measures).',
				},
				asOf,
			),
		)
	}
	return out
}

/** Art. 9: the result is valid 3 years; the extension is applied for within the 60 working days before expiry. */
export function renewalWindow(expiresOn: string) {
	const opens = shiftWorkingDays(expiresOn, -DUTY_PERIODS.renewalWindowWorkingDays)
	return opens && { opensOn: opens.date, closesOn: expiresOn, basis: opens }
}

function renewal(base: { unit: UnitInventory['unit']; subject: string }, expiresOn: string, asOf: string): Duty {
	const window = renewalWindow(expiresOn)!
	const open = daysBetween(window.opensOn, asOf)! >= 0
	return duty(
		{
			...base,
			kind: 'assessment_renewal',
			source: DUTY_SOURCES.assessmentRenewal,
			duty: 'Apply for the extension of the security assessment (3 more years)',
			trigger: `Security assessment expires on ${expiresOn}`,
			dueOn: expiresOn,
			windowOpensOn: window.opensOn,
			note: `The window opens on ${window.opensOn} (60 working days before expiry; ${basisNote(window.basis)})${open ? ' and is open now' : ''}. Without an extension, transfers stop on expiry.`,
		},
		asOf,
	)
}

/**
 * A lower bound of the individuals whose PI the unit processes: the largest count of distinct individuals it is known
 * to provide abroad this year (one flow's count, or the unit's distinct counts where given). Summing flows would
 * count people twice, so it is not a lower bound.
 */
export function individualsLowerBound(inv: UnitInventory): { count: number; unknownFlows: number } {
	let count = Math.max(0, inv.unit.distinctIndividualsAbroad ?? 0, inv.unit.distinctSensitiveIndividualsAbroad ?? 0)
	let unknownFlows = 0
	for (const f of inv.flows) {
		if (f.personalInfoIndividuals === null || f.sensitivePersonalInfoIndividuals === null) unknownFlows += 1
		count = Math.max(count, f.personalInfoIndividuals ?? 0, f.sensitivePersonalInfoIndividuals ?? 0)
	}
	return { count, unknownFlows }
}

/**
 * The individuals whose PI the unit processes, as far as the inventory tells: the recorded count (never below what
 * it is known to provide abroad), else the lower bound from its transfers, which only proves a threshold is reached,
 * never that it is not. A recorded day of reaching 1,000,000 proves that much.
 */
export function individualsProcessed(inv: UnitInventory): {
	count: number
	recorded: boolean
	reachedOfficerThresholdOn: string | null
	unknownFlows: number
} {
	const bound = individualsLowerBound(inv)
	const recorded = inv.unit.piIndividualsProcessed
	const reachedOn = isIsoDate(inv.unit.piOfficerThresholdReachedOn) ? inv.unit.piOfficerThresholdReachedOn : null
	let count = Math.max(bound.count, recorded ?? 0)
	if (reachedOn) count = Math.max(count, PROCESSING_THRESHOLDS.piOfficer)
	return {
		count,
		recorded: recorded !== null && recorded !== undefined,
		reachedOfficerThresholdOn: reachedOn,
		unknownFlows: bound.unknownFlows,
	}
}

/** The CAC announcement of 2025-07-18 on reporting the PI protection officer. */
export const PI_OFFICER_REPORTING = {
	announcedOn: '2025-07-18',
	/** Processors that had reached 1,000,000 before the announcement report by this day (应当在2025年8月29日前). */
	backlogDueOn: '2025-08-29',
} as const

/**
 * When the officer's report falls due for a count that reached 1,000,000 on `reachedOn`: 30 working days from that
 * day (the day itself not counted), or 2025-08-29 for counts reached before the announcement of 2025-07-18.
 */
export function piOfficerReportDue(reachedOn: string): { dueOn: string; how: string } | null {
	if (!isIsoDate(reachedOn)) return null
	if (reachedOn < PI_OFFICER_REPORTING.announcedOn)
		return {
			dueOn: PI_OFFICER_REPORTING.backlogDueOn,
			how: `1,000,000 was reached on ${reachedOn}, before the CAC announcement of ${PI_OFFICER_REPORTING.announcedOn}: the report was due by ${PI_OFFICER_REPORTING.backlogDueOn}`,
		}
	const shifted = shiftWorkingDays(reachedOn, DUTY_PERIODS.piOfficerReportWorkingDays)!
	return {
		dueOn: shifted.date,
		how: `30 working days from ${reachedOn}, the day 1,000,000 was reached (${basisNote(shifted)})`,
	}
}

function unitDuties(inv: UnitInventory, asOf: string): Duty[] {
	const { unit } = inv
	const out: Duty[] = []
	const base = { unit, subject: null }
	out.push(
		duty(
			{
				...base,
				kind: 'incident_readiness',
				source: DUTY_SOURCES.incidentReporting,
				duty: unit.isCiio
					? 'Incident reporting readiness: report CII events within 1 hour to the protection department and public security'
					: 'Incident reporting readiness: report events within 4 hours to the provincial CAC',
				trigger: unit.isCiio ? 'CIIO (events involving CII: 1 hour)' : 'Network operator in China (4 hours)',
				note: 'Record who reports, to which authority, and the playbook reference as evidence. Applies to events of the 较大 grade and above.',
			},
			asOf,
		),
	)
	if (unit.isCiio) {
		out.push(
			duty(
				{
					...base,
					kind: 'ciio_inspection',
					source: DUTY_SOURCES.ciioInspection,
					duty: 'Yearly inspection and assessment of network security and risks, reported to the protection department',
					trigger: 'Notified CIIO',
					recurrenceMonths: DUTY_PERIODS.yearlyMonths,
					note: 'No date of the last inspection is held: record it as done with its date and the next falls due a year later.',
				},
				asOf,
			),
			duty(
				{
					...base,
					kind: 'ciio_procurement_review',
					source: DUTY_SOURCES.ciioProcurementReview,
					duty: 'National security review before procuring network products or services that may affect national security',
					trigger: 'Notified CIIO',
					note: 'Standing duty, triggered by each such procurement.',
				},
				asOf,
			),
		)
	}
	const holdsImportant = inv.systems.some(s => s.holdsImportantData) || inv.flows.some(f => f.includesImportantData)
	if (holdsImportant) {
		out.push(
			duty(
				{
					...base,
					kind: 'important_data_risk_assessment',
					source: DUTY_SOURCES.importantDataRiskAssessment,
					duty: 'Yearly risk assessment of important-data processing, reported to the provincial-level authority',
					trigger: 'Systems or flows hold important data',
					recurrenceMonths: DUTY_PERIODS.yearlyMonths,
				},
				asOf,
			),
			duty(
				{
					...base,
					kind: 'important_data_officer',
					source: DUTY_SOURCES.importantDataOfficer,
					duty: 'Name the network data security responsible person and management body',
					trigger: 'Systems or flows hold important data',
				},
				asOf,
			),
		)
	}
	out.push(...scaleDuties(inv, asOf))
	return out
}

function scaleDuties(inv: UnitInventory, asOf: string): Duty[] {
	const { unit } = inv
	const p = individualsProcessed(inv)
	const out: Duty[] = []
	// Unknown is never zero: without a recorded count, a consumer-data business may be above either threshold.
	const unknown = !p.recorded && unit.handlesConsumerData
	const counted = p.recorded
		? `${formatCount(p.count)} individuals processed (recorded)`
		: p.reachedOfficerThresholdOn
			? `1,000,000 individuals processed reached on ${p.reachedOfficerThresholdOn}`
			: `At least ${formatCount(p.count)} individuals (provided abroad this year; the count processed is not recorded and may be more)`
	const unknownWhy = `Individuals processed not recorded for a consumer-data business${p.unknownFlows ? ` (and ${p.unknownFlows} flow(s) with unknown counts)` : ''}`
	if (p.count >= PROCESSING_THRESHOLDS.piOfficer || unknown) {
		const caught = p.count >= PROCESSING_THRESHOLDS.piOfficer
		const due = caught && p.reachedOfficerThresholdOn ? piOfficerReportDue(p.reachedOfficerThresholdOn) : null
		out.push(
			duty(
				{
					unit,
					subject: null,
					kind: 'pi_officer',
					source: DUTY_SOURCES.pipo,
					duty: 'Designate a PI protection officer and report them to the city-level CAC within 30 working days of reaching 1,000,000 individuals',
					trigger: caught ? counted : `${unknownWhy}: 1,000,000 may be reached`,
					certainty: caught ? 'law' : 'uncertain',
					dueOn: due?.dueOn ?? null,
					note: due
						? `${due.how}. A substantive change of the reported details is reported within 30 working days of the change.`
						: caught
							? 'The day the count reached 1,000,000 is not recorded, so no due date is computed: record it on the unit (processors already above it on 2025-07-18 reported by 2025-08-29).'
							: 'Record the individuals processed on the unit to settle whether the duty applies.',
				},
				asOf,
			),
		)
	}
	if (p.count > PROCESSING_THRESHOLDS.complianceAudit || unknown) {
		const caught = p.count > PROCESSING_THRESHOLDS.complianceAudit
		out.push(
			duty(
				{
					unit,
					subject: null,
					kind: 'compliance_audit',
					source: DUTY_SOURCES.complianceAudit,
					duty: 'PI protection compliance audit at least every two years',
					trigger: caught ? `More than 10,000,000: ${counted}` : `${unknownWhy}: more than 10,000,000 may be processed`,
					certainty: caught ? 'law' : 'uncertain',
					recurrenceMonths: DUTY_PERIODS.complianceAuditMonths,
					note: caught
						? 'No date of the last audit is held: record it as done with its date and the next falls due two years later.'
						: 'Record the individuals processed on the unit to settle whether the duty applies.',
				},
				asOf,
			),
		)
	}
	return out
}

/** The next occurrence of a recurring duty done on `doneOn`, or null. */
export function nextOccurrence(duty: Pick<Duty, 'recurrenceMonths'>, doneOn: string | null): string | null {
	if (!duty.recurrenceMonths || !isIsoDate(doneOn)) return null
	return addMonths(doneOn, duty.recurrenceMonths)
}
