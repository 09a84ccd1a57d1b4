// What each inventory table can be sorted and filtered by. The URL parser (models/list-query.ts)
// checks against these, and db/ maps each key to a column, so both ends agree on one list.
import { CHINA_CITIES, LEGAL_ENTITY_TYPES, MECHANISMS_IN_PLACE, SECTORS, SEGMENTS, STAFF_FUNCTIONS, TRANSFER_PURPOSES } from './domain.ts'
import { type ListSpec } from './list-query.ts'

/** What the 2024 Provisions can require of a flow (models/cross-border.ts TransferMechanism), for the list filter. */
export const REQUIRED_MECHANISMS = ['security_assessment', 'standard_contract_or_certification', 'exempt'] as const
/** The flow list's status filter: 'lacking' = leaves China without the mechanism its exporter's totals require. */
export const FLOW_STATUS_FILTERS = ['lacking', 'satisfied'] as const

const bools = ['yes', 'no'] as const

export const UNIT_LIST_SPEC = {
	sortKeys: ['code', 'name', 'segment', 'legalEntityType', 'city', 'sector', 'chinaRevenueRmb'] as const,
	defaultSort: 'name' as const,
	filters: { segment: SEGMENTS, city: CHINA_CITIES, sector: SECTORS, legalEntityType: LEGAL_ENTITY_TYPES, ciio: bools },
} satisfies ListSpec<string, string>
export type UnitSortKey = (typeof UNIT_LIST_SPEC.sortKeys)[number]
export type UnitFilterKey = keyof typeof UNIT_LIST_SPEC.filters

export const SYSTEM_LIST_SPEC = {
	sortKeys: ['code', 'name', 'unit', 'mlpsLevel', 'filedOn', 'lastAssessedOn'] as const,
	defaultSort: 'code' as const,
	// `overdue` is computed on the day (models/mlps-obligations.ts: filing or assessment past due), not read from a column.
	filters: { unit: null, level: ['1', '2', '3', '4', '5', 'ungraded'], filed: bools, overdue: bools },
} satisfies ListSpec<string, string>
export type SystemSortKey = (typeof SYSTEM_LIST_SPEC.sortKeys)[number]
export type SystemFilterKey = keyof typeof SYSTEM_LIST_SPEC.filters

export const FLOW_LIST_SPEC = {
	sortKeys: [
		'code',
		'name',
		'unit',
		'destinationCountry',
		'personalInfoIndividuals',
		'sensitivePersonalInfoIndividuals',
		'mechanismInPlace',
		'mechanismExpiresOn',
	] as const,
	defaultSort: 'code' as const,
	// `required` and `status` are computed per exporter on the day (models/flow-status.ts), not read from a column.
	filters: {
		unit: null,
		country: null,
		mechanism: MECHANISMS_IN_PLACE,
		purpose: TRANSFER_PURPOSES,
		remote: bools,
		required: REQUIRED_MECHANISMS,
		status: FLOW_STATUS_FILTERS,
	},
} satisfies ListSpec<string, string>
export type FlowSortKey = (typeof FLOW_LIST_SPEC.sortKeys)[number]
export type FlowFilterKey = keyof typeof FLOW_LIST_SPEC.filters

export const STAFFING_LIST_SPEC = {
	sortKeys: ['code', 'unit', 'function', 'city', 'headcount', 'avgMonthlyWageRmb', 'avgTenureMonths'] as const,
	defaultSort: 'code' as const,
	filters: { unit: null, function: STAFF_FUNCTIONS, city: CHINA_CITIES },
} satisfies ListSpec<string, string>
export type StaffingSortKey = (typeof STAFFING_LIST_SPEC.sortKeys)[number]
export type StaffingFilterKey = keyof typeof STAFFING_LIST_SPEC.filters

export const DESTINATION_LIST_SPEC = {
	sortKeys: ['city', 'country', 'hiringLeadTimeMonths', 'back_office', 'rnd', 'it'] as const,
	defaultSort: 'city' as const,
	filters: { country: null, mainland: bools },
} satisfies ListSpec<string, string>
export type DestinationSortKey = (typeof DESTINATION_LIST_SPEC.sortKeys)[number]
