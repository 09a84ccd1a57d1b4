// Rows (snake_case, 0/1 booleans, text lists) to domain types (camelCase, booleans, arrays) and back.
// The one place that knows how each domain field is stored.
import {
	type BusinessUnit,
	type DataFlow,
	type InfoSystem,
	type LegalEntityType,
	type MechanismInPlace,
	type MlpsLevel,
	type Sector,
	type Segment,
	type StaffFunction,
	type StaffingLine,
	type SystemTechnology,
	type TechExportCategory,
	type TransferPurposeValue,
} from '#models/domain.ts'
import {
	type BusinessUnitRow,
	type DataFlowRow,
	type InfoSystemRow,
	type NewBusinessUnitRow,
	type NewDataFlowRow,
	type NewInfoSystemRow,
	type NewStaffingLineRow,
	type StaffingLineRow,
} from './schema.ts'

export const bool = (v: number | null | undefined) => v === 1
export const bit = (v: boolean) => (v ? 1 : 0)
/** mysql2 returns BIGINT as number (supportBigNumbers, bigNumberStrings false) and SQLite as number; guard anyway. */
const num = (v: number | string) => Number(v)
// A column a part-migrated schema lacks reads as undefined: unknown, like NULL.
const numOrNull = (v: number | string | null | undefined) => (v == null ? null : Number(v))

export function unitFromRow(r: BusinessUnitRow): BusinessUnit {
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		segment: r.segment as Segment,
		legalEntityType: r.legal_entity_type as LegalEntityType,
		city: r.city,
		sector: r.sector as Sector,
		isCiio: bool(r.is_ciio),
		handlesConsumerData: bool(r.handles_consumer_data),
		chinaRevenueRmb: num(r.china_revenue_rmb),
		priorYearGlobalTurnoverRmb: num(r.prior_year_global_turnover_rmb),
		priorYearEntityTurnoverRmb: numOrNull(r.prior_year_entity_turnover_rmb),
		distinctIndividualsAbroad: numOrNull(r.distinct_pi_individuals_abroad),
		distinctSensitiveIndividualsAbroad: numOrNull(r.distinct_sensitive_pi_individuals_abroad),
		ftzZone: r.ftz_zone ?? null,
		piIndividualsProcessed: numOrNull(r.pi_individuals_processed),
		piOfficerThresholdReachedOn: r.pi_officer_threshold_reached_on ?? null,
	}
}

export function unitToRow(u: Omit<BusinessUnit, 'id'>): NewBusinessUnitRow {
	return {
		code: u.code,
		name: u.name,
		segment: u.segment,
		legal_entity_type: u.legalEntityType,
		city: u.city,
		sector: u.sector,
		is_ciio: bit(u.isCiio),
		handles_consumer_data: bit(u.handlesConsumerData),
		china_revenue_rmb: u.chinaRevenueRmb,
		prior_year_global_turnover_rmb: u.priorYearGlobalTurnoverRmb,
		prior_year_entity_turnover_rmb: u.priorYearEntityTurnoverRmb ?? null,
		distinct_pi_individuals_abroad: u.distinctIndividualsAbroad ?? null,
		distinct_sensitive_pi_individuals_abroad: u.distinctSensitiveIndividualsAbroad ?? null,
		ftz_zone: u.ftzZone ?? null,
		pi_individuals_processed: u.piIndividualsProcessed ?? null,
		pi_officer_threshold_reached_on: u.piOfficerThresholdReachedOn ?? null,
	}
}

export function systemFromRow(r: InfoSystemRow): InfoSystem {
	return {
		id: r.id,
		unitId: r.unit_id,
		code: r.code,
		name: r.name,
		mlpsLevel: r.mlps_level as MlpsLevel | null,
		gradedOn: r.graded_on,
		filedOn: r.filed_on,
		lastAssessedOn: r.last_assessed_on,
		technologies: r.technologies ? (r.technologies.split(',') as SystemTechnology[]) : [],
		holdsPersonalData: bool(r.holds_personal_data),
		holdsImportantData: bool(r.holds_important_data),
		holdsSourceCode: bool(r.holds_source_code),
		techExportCategory: (r.tech_export_category ?? null) as TechExportCategory | null,
		techExportItem: r.tech_export_item ?? null,
	}
}

export function systemToRow(s: Omit<InfoSystem, 'id'>): NewInfoSystemRow {
	return {
		unit_id: s.unitId,
		code: s.code,
		name: s.name,
		mlps_level: s.mlpsLevel,
		graded_on: s.gradedOn,
		filed_on: s.filedOn,
		last_assessed_on: s.lastAssessedOn,
		technologies: s.technologies.join(','),
		holds_personal_data: bit(s.holdsPersonalData),
		holds_important_data: bit(s.holdsImportantData),
		holds_source_code: bit(s.holdsSourceCode),
		tech_export_category: s.techExportCategory ?? null,
		tech_export_item: s.techExportItem ?? null,
	}
}

export function flowFromRow(r: DataFlowRow): DataFlow {
	return {
		id: r.id,
		unitId: r.unit_id,
		code: r.code,
		name: r.name,
		destinationCountry: r.destination_country,
		destinationEntity: r.destination_entity,
		personalInfoIndividuals: numOrNull(r.pi_individuals),
		sensitivePersonalInfoIndividuals: numOrNull(r.sensitive_pi_individuals),
		includesImportantData: bool(r.includes_important_data),
		purpose: r.purpose as TransferPurposeValue,
		collectedInMainland: bool(r.collected_in_mainland),
		outsideFtzNegativeList: bool(r.outside_ftz_negative_list),
		isRemoteAccess: bool(r.is_remote_access),
		mechanismInPlace: r.mechanism_in_place as MechanismInPlace,
		mechanismSince: r.mechanism_since,
		mechanismExpiresOn: r.mechanism_expires_on,
	}
}

export function flowToRow(f: Omit<DataFlow, 'id'>): NewDataFlowRow {
	return {
		unit_id: f.unitId,
		code: f.code,
		name: f.name,
		destination_country: f.destinationCountry,
		destination_entity: f.destinationEntity,
		pi_individuals: f.personalInfoIndividuals,
		sensitive_pi_individuals: f.sensitivePersonalInfoIndividuals,
		includes_important_data: bit(f.includesImportantData),
		purpose: f.purpose,
		collected_in_mainland: bit(f.collectedInMainland),
		outside_ftz_negative_list: bit(f.outsideFtzNegativeList),
		is_remote_access: bit(f.isRemoteAccess),
		mechanism_in_place: f.mechanismInPlace,
		mechanism_since: f.mechanismSince,
		mechanism_expires_on: f.mechanismExpiresOn,
	}
}

export function staffingFromRow(r: StaffingLineRow): StaffingLine {
	return {
		id: r.id,
		unitId: r.unit_id,
		code: r.code,
		function: r.function as StaffFunction,
		city: r.city,
		headcount: r.headcount,
		avgMonthlyWageRmb: r.avg_monthly_wage_rmb,
		avgTenureMonths: r.avg_tenure_months,
		accessToPersonalData: bool(r.access_to_personal_data),
	}
}

export function staffingToRow(s: Omit<StaffingLine, 'id'>): NewStaffingLineRow {
	return {
		unit_id: s.unitId,
		code: s.code,
		function: s.function,
		city: s.city,
		headcount: s.headcount,
		avg_monthly_wage_rmb: s.avgMonthlyWageRmb,
		avg_tenure_months: s.avgTenureMonths,
		access_to_personal_data: bit(s.accessToPersonalData),
	}
}

/** 'YYYY-MM-DD HH:MM:SS' in UTC: accepted by MySQL DATETIME and sortable as text in SQLite. */
export function sqlNow(now: Date = new Date()) {
	return now.toISOString().slice(0, 19).replace('T', ' ')
}
