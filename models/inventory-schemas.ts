// One schema per inventory table, over string fields named as the CSV columns. Forms post the same
// names, so a form and a CSV row are validated by the same rules with the same messages.
import { z } from 'zod'
import {
	type BusinessUnit,
	type DataFlow,
	type InfoSystem,
	LEGAL_ENTITY_TYPES,
	MECHANISMS_IN_PLACE,
	SECTORS,
	SEGMENTS,
	STAFF_FUNCTIONS,
	type StaffingLine,
	SYSTEM_TECHNOLOGIES,
	TECH_EXPORT_CATEGORIES,
	type TechExportCategory,
	TRANSFER_PURPOSES,
} from './domain.ts'
import { techExportItemProblem } from './obligations/export-catalogue.ts'

/** PIPL art. 52 with the CAC announcement of 2025-07-18: 100万人以上 (1,000,000 included). */
const PI_OFFICER_THRESHOLD = 1_000_000

const MAX_MONEY = 10 ** 15 // whole currency units; far above any real figure, below 2^53
export const MAX_COUNT = 2_000_000_000

const text = (label: string, max: number) =>
	z
		.string({ error: `${label} is required` })
		.trim()
		.min(1, `${label} is required`)
		.max(max, `${label} must be at most ${max} characters`)

export const code = (label: string) =>
	text(label, 64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, `${label} may contain letters, digits, '.', '_' and '-' only`)

const choice = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
	z
		.string({ error: `${label} is required` })
		.trim()
		.toLowerCase()
		.pipe(z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` }))

const YES = new Set(['yes', 'y', 'true', '1', 'on'])
const NO = new Set(['no', 'n', 'false', '0', 'off', ''])
/** yes/no (also true/false, 1/0; a missing checkbox is "no"). */
const yesNo = (label: string) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			const s = (v ?? '').trim().toLowerCase()
			if (YES.has(s)) return true
			if (NO.has(s)) return false
			ctx.addIssue({ code: 'custom', message: `${label} must be yes or no, not "${v!.slice(0, 30)}"` })
			return z.NEVER
		})

function parseWhole(label: string, raw: string, min: number, max: number, ctx: z.RefinementCtx) {
	const cleaned = raw.trim().replace(/[,_\s]/g, '') // accept 1,234,567 from people who type separators
	if (!/^-?\d+$/.test(cleaned)) {
		ctx.addIssue({ code: 'custom', message: `${label} must be a whole number, not "${raw.slice(0, 30)}"` })
		return z.NEVER
	}
	const n = Number(cleaned)
	if (n < min || n > max) {
		ctx.addIssue({ code: 'custom', message: `${label} must be between ${min.toLocaleString('en')} and ${max.toLocaleString('en')}` })
		return z.NEVER
	}
	return n
}

export const whole = (label: string, min: number, max: number) =>
	z.string({ error: `${label} is required` }).transform((v, ctx) => {
		if (!v.trim()) {
			ctx.addIssue({ code: 'custom', message: `${label} is required` })
			return z.NEVER
		}
		return parseWhole(label, v, min, max, ctx)
	})

/** Empty means unknown (null), not zero. */
const wholeOrUnknown = (label: string, min: number, max: number) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => (v === undefined || !v.trim() ? null : parseWhole(label, v, min, max, ctx)))

const date = (label: string) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			const s = (v ?? '').trim()
			if (!s) return null
			const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
			const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
			if (!m || !d || d.toISOString().slice(0, 10) !== s) {
				ctx.addIssue({ code: 'custom', message: `${label} must be a date written YYYY-MM-DD, not "${s.slice(0, 30)}"` })
				return z.NEVER
			}
			return s
		})

const mlpsLevel = z
	.string()
	.optional()
	.transform((v, ctx) => {
		const s = (v ?? '').trim().toLowerCase()
		if (!s || s === 'ungraded' || s === 'unknown') return null
		if (!/^[1-5]$/.test(s)) {
			ctx.addIssue({ code: 'custom', message: `MLPS level must be 1 to 5, or empty when not yet graded, not "${s.slice(0, 30)}"` })
			return z.NEVER
		}
		return Number(s) as 1 | 2 | 3 | 4 | 5
	})

const technologies = z
	.string()
	.optional()
	.transform((v, ctx) => {
		const parts = (v ?? '')
			.split(/[;,]/)
			.map(s => s.trim().toLowerCase())
			.filter(Boolean)
		const bad = parts.filter(p => !(SYSTEM_TECHNOLOGIES as readonly string[]).includes(p))
		if (bad.length) {
			ctx.addIssue({
				code: 'custom',
				message: `unknown technology "${bad[0]!.slice(0, 30)}"; use ${SYSTEM_TECHNOLOGIES.join(', ')} separated by ;`,
			})
			return z.NEVER
		}
		return [...new Set(parts)] as InfoSystem['technologies']
	})

export const unitFieldsSchema = z
	.object({
		code: code('Code'),
		name: text('Name', 200),
		segment: choice('Segment', SEGMENTS),
		legal_entity_type: choice('Legal entity type', LEGAL_ENTITY_TYPES),
		city: text('City', 64),
		sector: choice('Sector', SECTORS),
		is_ciio: yesNo('CIIO'),
		handles_consumer_data: yesNo('Handles consumer data'),
		china_revenue_rmb: whole('China revenue (RMB)', 0, MAX_MONEY),
		prior_year_global_turnover_rmb: whole('Prior-year global turnover (RMB)', 0, MAX_MONEY),
		prior_year_entity_turnover_rmb: wholeOrUnknown("Entity's prior-year turnover (RMB)", 0, MAX_MONEY),
		distinct_pi_individuals_abroad: wholeOrUnknown('Distinct individuals abroad since 1 January', 0, MAX_COUNT),
		distinct_sensitive_pi_individuals_abroad: wholeOrUnknown('Distinct individuals abroad since 1 January (sensitive)', 0, MAX_COUNT),
		pi_individuals_processed: wholeOrUnknown('Individuals whose personal information is processed', 0, MAX_COUNT),
		pi_officer_threshold_reached_on: date('Day 1,000,000 individuals was reached'),
	})
	.superRefine((f, ctx) => {
		// The day the count reached 1,000,000 says the count is at least that: a smaller count contradicts it.
		if (f.pi_officer_threshold_reached_on && f.pi_individuals_processed !== null && f.pi_individuals_processed < PI_OFFICER_THRESHOLD)
			ctx.addIssue({
				code: 'custom',
				path: ['pi_officer_threshold_reached_on'],
				message: `Day 1,000,000 individuals was reached must be empty while the individuals processed are fewer than 1,000,000 (${f.pi_individuals_processed.toLocaleString('en')})`,
			})
	})

export const systemFieldsSchema = z
	.object({
		code: code('Code'),
		unit_code: code('Unit code'),
		name: text('Name', 200),
		mlps_level: mlpsLevel,
		graded_on: date('Graded on'),
		filed_on: date('Filed on'),
		last_assessed_on: date('Last assessed on'),
		technologies,
		holds_personal_data: yesNo('Holds personal data'),
		holds_important_data: yesNo('Holds important data'),
		holds_source_code: yesNo('Holds source code'),
		tech_export_category: z
			.string()
			.optional()
			.transform((v, ctx) => {
				const s = (v ?? '').trim().toLowerCase()
				if (!s || s === 'unknown') return null
				if (!(TECH_EXPORT_CATEGORIES as readonly string[]).includes(s)) {
					ctx.addIssue({
						code: 'custom',
						message: `Export catalogue category must be one of: ${TECH_EXPORT_CATEGORIES.join(', ')}, or empty when not determined, not "${s.slice(0, 30)}"`,
					})
					return z.NEVER
				}
				return s as TechExportCategory
			}),
		tech_export_item: z
			.string()
			.optional()
			.transform((v, ctx) => {
				const s = (v ?? '').trim()
				if (s.length > 200) {
					ctx.addIssue({ code: 'custom', message: 'Export catalogue item must be at most 200 characters' })
					return z.NEVER
				}
				return s || null
			}),
		// Computed, not stored: the export writes whether the system is overdue for MLPS filing or assessment on the day;
		// import ignores it, so an export re-imports unchanged.
		mlps_overdue: z.string().optional(),
	})
	.superRefine((f, ctx) => {
		const problem = techExportItemProblem(f.tech_export_category, f.tech_export_item)
		if (problem) ctx.addIssue({ code: 'custom', path: ['tech_export_item'], message: problem })
	})

export const flowFieldsSchema = z
	.object({
		code: code('Code'),
		unit_code: code('Unit code'),
		name: text('Name', 200),
		destination_country: z
			.string({ error: 'Destination country is required' })
			.trim()
			.toUpperCase()
			.regex(/^[A-Z]{2}$/, 'Destination country must be a two-letter ISO code such as US, SG or HK'),
		destination_entity: text('Destination entity', 200),
		pi_individuals: wholeOrUnknown('Individuals (personal information)', 0, MAX_COUNT),
		sensitive_pi_individuals: wholeOrUnknown('Individuals (sensitive personal information)', 0, MAX_COUNT),
		includes_important_data: yesNo('Includes important data'),
		purpose: choice('Purpose', TRANSFER_PURPOSES),
		collected_in_mainland: yesNo('Collected in mainland China'),
		outside_ftz_negative_list: yesNo('Outside the FTZ negative list'),
		is_remote_access: yesNo('Remote access'),
		mechanism_in_place: choice('Mechanism in place', MECHANISMS_IN_PLACE),
		mechanism_since: date('Mechanism since'),
		mechanism_expires_on: date('Mechanism expires on'),
		// Computed, not stored: the export writes the mechanism the exporter's totals require on the day; import ignores it,
		// so an export re-imports unchanged.
		required_mechanism: z.string().optional(),
	})
	.superRefine(flowDatesTogether)

/**
 * A flow's dates checked together, after each is a valid date: the mechanism's start is before its expiry, and an
 * expiry needs a mechanism (there is nothing to expire without one). The message goes on the field to change.
 */
function flowDatesTogether(
	f: { mechanism_in_place: string; mechanism_since: string | null; mechanism_expires_on: string | null },
	ctx: z.RefinementCtx,
) {
	if (f.mechanism_expires_on && f.mechanism_in_place === 'none')
		ctx.addIssue({
			code: 'custom',
			path: ['mechanism_expires_on'],
			message: `Mechanism expires on (${f.mechanism_expires_on}) needs a mechanism in place: choose the mechanism or leave the expiry empty`,
		})
	if (f.mechanism_since && f.mechanism_expires_on && f.mechanism_since >= f.mechanism_expires_on)
		ctx.addIssue({
			code: 'custom',
			path: ['mechanism_expires_on'],
			message: `Mechanism expires on (${f.mechanism_expires_on}) must be after Mechanism since (${f.mechanism_since})`,
		})
}

export const staffingFieldsSchema = z.object({
	code: code('Code'),
	unit_code: code('Unit code'),
	function: choice('Function', STAFF_FUNCTIONS),
	city: text('City', 64),
	headcount: whole('Headcount', 0, 1_000_000),
	avg_monthly_wage_rmb: whole('Average monthly wage (RMB)', 0, 10_000_000),
	avg_tenure_months: whole('Average tenure (months)', 0, 720),
	access_to_personal_data: yesNo('Access to personal data'),
})

export type UnitFields = z.output<typeof unitFieldsSchema>
export type SystemFields = z.output<typeof systemFieldsSchema>
export type FlowFields = z.output<typeof flowFieldsSchema>
export type StaffingFields = z.output<typeof staffingFieldsSchema>

export function unitFromFields(f: UnitFields): Omit<BusinessUnit, 'id'> {
	return {
		code: f.code,
		name: f.name,
		segment: f.segment,
		legalEntityType: f.legal_entity_type,
		city: f.city,
		sector: f.sector,
		isCiio: f.is_ciio,
		handlesConsumerData: f.handles_consumer_data,
		chinaRevenueRmb: f.china_revenue_rmb,
		priorYearGlobalTurnoverRmb: f.prior_year_global_turnover_rmb,
		priorYearEntityTurnoverRmb: f.prior_year_entity_turnover_rmb,
		distinctIndividualsAbroad: f.distinct_pi_individuals_abroad,
		distinctSensitiveIndividualsAbroad: f.distinct_sensitive_pi_individuals_abroad,
		piIndividualsProcessed: f.pi_individuals_processed,
		piOfficerThresholdReachedOn: f.pi_officer_threshold_reached_on,
	}
}

export function systemFromFields(f: SystemFields, unitId: number): Omit<InfoSystem, 'id'> {
	return {
		unitId,
		code: f.code,
		name: f.name,
		mlpsLevel: f.mlps_level,
		gradedOn: f.graded_on,
		filedOn: f.filed_on,
		lastAssessedOn: f.last_assessed_on,
		technologies: f.technologies,
		holdsPersonalData: f.holds_personal_data,
		holdsImportantData: f.holds_important_data,
		holdsSourceCode: f.holds_source_code,
		techExportCategory: f.tech_export_category,
		techExportItem: f.tech_export_item,
	}
}

export function flowFromFields(f: FlowFields, unitId: number): Omit<DataFlow, 'id'> {
	return {
		unitId,
		code: f.code,
		name: f.name,
		destinationCountry: f.destination_country,
		destinationEntity: f.destination_entity,
		personalInfoIndividuals: f.pi_individuals,
		sensitivePersonalInfoIndividuals: f.sensitive_pi_individuals,
		includesImportantData: f.includes_important_data,
		purpose: f.purpose,
		collectedInMainland: f.collected_in_mainland,
		outsideFtzNegativeList: f.outside_ftz_negative_list,
		isRemoteAccess: f.is_remote_access,
		mechanismInPlace: f.mechanism_in_place,
		mechanismSince: f.mechanism_since,
		mechanismExpiresOn: f.mechanism_expires_on,
	}
}

export function staffingFromFields(f: StaffingFields, unitId: number): Omit<StaffingLine, 'id'> {
	return {
		unitId,
		code: f.code,
		function: f.function,
		city: f.city,
		headcount: f.headcount,
		avgMonthlyWageRmb: f.avg_monthly_wage_rmb,
		avgTenureMonths: f.avg_tenure_months,
		accessToPersonalData: f.access_to_personal_data,
	}
}

const yn = (b: boolean) => (b ? 'yes' : 'no')
const opt = (v: string | number | null) => (v === null ? '' : String(v))

/** Domain objects back to the string fields (CSV export, edit forms). */
export const toFields = {
	unit: (u: Omit<BusinessUnit, 'id'>): Record<keyof UnitFields, string> => ({
		code: u.code,
		name: u.name,
		segment: u.segment,
		legal_entity_type: u.legalEntityType,
		city: u.city,
		sector: u.sector,
		is_ciio: yn(u.isCiio),
		handles_consumer_data: yn(u.handlesConsumerData),
		china_revenue_rmb: String(u.chinaRevenueRmb),
		prior_year_global_turnover_rmb: String(u.priorYearGlobalTurnoverRmb),
		prior_year_entity_turnover_rmb: opt(u.priorYearEntityTurnoverRmb ?? null),
		distinct_pi_individuals_abroad: opt(u.distinctIndividualsAbroad ?? null),
		distinct_sensitive_pi_individuals_abroad: opt(u.distinctSensitiveIndividualsAbroad ?? null),
		pi_individuals_processed: opt(u.piIndividualsProcessed ?? null),
		pi_officer_threshold_reached_on: opt(u.piOfficerThresholdReachedOn ?? null),
	}),
	system: (s: Omit<InfoSystem, 'id'>, unitCode: string): Record<keyof SystemFields, string> => ({
		code: s.code,
		unit_code: unitCode,
		name: s.name,
		mlps_level: opt(s.mlpsLevel),
		graded_on: opt(s.gradedOn),
		filed_on: opt(s.filedOn),
		last_assessed_on: opt(s.lastAssessedOn),
		technologies: s.technologies.join(';'),
		holds_personal_data: yn(s.holdsPersonalData),
		holds_important_data: yn(s.holdsImportantData),
		holds_source_code: yn(s.holdsSourceCode),
		tech_export_category: opt(s.techExportCategory ?? null),
		tech_export_item: opt(s.techExportItem ?? null),
		mlps_overdue: '',
	}),
	flow: (f: Omit<DataFlow, 'id'>, unitCode: string): Record<keyof FlowFields, string> => ({
		code: f.code,
		unit_code: unitCode,
		name: f.name,
		destination_country: f.destinationCountry,
		destination_entity: f.destinationEntity,
		pi_individuals: opt(f.personalInfoIndividuals),
		sensitive_pi_individuals: opt(f.sensitivePersonalInfoIndividuals),
		includes_important_data: yn(f.includesImportantData),
		purpose: f.purpose,
		collected_in_mainland: yn(f.collectedInMainland),
		outside_ftz_negative_list: yn(f.outsideFtzNegativeList),
		is_remote_access: yn(f.isRemoteAccess),
		mechanism_in_place: f.mechanismInPlace,
		mechanism_since: opt(f.mechanismSince),
		mechanism_expires_on: opt(f.mechanismExpiresOn),
		required_mechanism: '',
	}),
	staffing: (s: Omit<StaffingLine, 'id'>, unitCode: string): Record<keyof StaffingFields, string> => ({
		code: s.code,
		unit_code: unitCode,
		function: s.function,
		city: s.city,
		headcount: String(s.headcount),
		avg_monthly_wage_rmb: String(s.avgMonthlyWageRmb),
		avg_tenure_months: String(s.avgTenureMonths),
		access_to_personal_data: yn(s.accessToPersonalData),
	}),
}

/** Each inventory table's field schema and the record its validated fields make (the unit id resolved by the caller). */
export const INVENTORY_TABLES = {
	units: { schema: unitFieldsSchema, build: (f: any, _unitId: number) => unitFromFields(f) },
	systems: { schema: systemFieldsSchema, build: (f: any, unitId: number) => systemFromFields(f, unitId) },
	flows: { schema: flowFieldsSchema, build: (f: any, unitId: number) => flowFromFields(f, unitId) },
	staffing: { schema: staffingFieldsSchema, build: (f: any, unitId: number) => staffingFromFields(f, unitId) },
} as const satisfies Record<
	string,
	{ schema: z.ZodObject; build: (f: any, unitId: number) => Omit<BusinessUnit | InfoSystem | DataFlow | StaffingLine, 'id'> }
>

/** A record as its form and CSV fields (`unitCode`: the code of its unit; a unit's own code for units). */
export function inventoryFields(
	key: keyof typeof INVENTORY_TABLES,
	record: Omit<BusinessUnit, 'id'> | Omit<InfoSystem, 'id'> | Omit<DataFlow, 'id'> | Omit<StaffingLine, 'id'>,
	unitCode: string,
): Record<string, string> {
	switch (key) {
		case 'units':
			return toFields.unit(record as Omit<BusinessUnit, 'id'>)
		case 'systems':
			return toFields.system(record as Omit<InfoSystem, 'id'>, unitCode)
		case 'flows':
			return toFields.flow(record as Omit<DataFlow, 'id'>, unitCode)
		case 'staffing':
			return toFields.staffing(record as Omit<StaffingLine, 'id'>, unitCode)
	}
}
