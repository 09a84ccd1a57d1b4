// The editable fields of each inventory table, in form order. Field names are the CSV column names and
// the keys of the schemas in ./inventory-schemas.ts, so forms, CSV and validation agree by construction.
import {
	LEGAL_ENTITY_TYPES,
	MECHANISMS_IN_PLACE,
	SECTORS,
	SEGMENTS,
	STAFF_FUNCTIONS,
	SYSTEM_TECHNOLOGIES,
	TECH_EXPORT_CATEGORIES,
	TRANSFER_PURPOSES,
} from './domain.ts'

export const INVENTORY_TABLES = ['units', 'systems', 'flows', 'staffing'] as const
export type InventoryTableKey = (typeof INVENTORY_TABLES)[number]

export interface FieldDef {
	name: string
	label: string
	kind: 'text' | 'select' | 'yesno' | 'integer' | 'date' | 'technologies' | 'unit' | 'mlps'
	options?: readonly string[]
	help?: string
	optional?: boolean
}

export const INVENTORY_META: Record<InventoryTableKey, { title: string; singular: string; listPath: string; fields: FieldDef[] }> = {
	units: {
		title: 'Business units',
		singular: 'business unit',
		listPath: '/units',
		fields: [
			{ name: 'code', label: 'Code', kind: 'text', help: 'Short stable key, e.g. BU-SH-BANK' },
			{ name: 'name', label: 'Name', kind: 'text' },
			{ name: 'segment', label: 'Segment', kind: 'select', options: SEGMENTS },
			{ name: 'legal_entity_type', label: 'Legal entity type', kind: 'select', options: LEGAL_ENTITY_TYPES },
			{ name: 'city', label: 'City', kind: 'text' },
			{ name: 'sector', label: 'Sector', kind: 'select', options: SECTORS },
			{ name: 'is_ciio', label: 'Notified as a CIIO', kind: 'yesno' },
			{ name: 'handles_consumer_data', label: 'Handles consumer data', kind: 'yesno' },
			{ name: 'china_revenue_rmb', label: 'Annual China revenue (RMB)', kind: 'integer' },
			{
				name: 'prior_year_global_turnover_rmb',
				label: 'Prior-year global turnover (RMB)',
				kind: 'integer',
				help: 'The group’s; PIPL art. 66’s 5% base where the entity’s own is unknown',
			},
			{
				name: 'prior_year_entity_turnover_rmb',
				label: 'Entity’s prior-year turnover (RMB)',
				kind: 'integer',
				optional: true,
				help: 'This legal entity’s own; sets its PIPL art. 66 5% ceiling. Empty when unknown',
			},
			{
				name: 'distinct_pi_individuals_abroad',
				label: 'Distinct individuals provided abroad since 1 January',
				kind: 'integer',
				optional: true,
				help: 'Non-sensitive, over transfers not exempt; replaces the sum over flows. Empty: the sum is used',
			},
			{
				name: 'distinct_sensitive_pi_individuals_abroad',
				label: 'Distinct individuals provided abroad since 1 January (sensitive)',
				kind: 'integer',
				optional: true,
				help: 'Sensitive, over transfers not exempt; replaces the sum over flows. Empty: the sum is used',
			},
			{
				name: 'pi_individuals_processed',
				label: 'Individuals whose personal information is processed',
				kind: 'integer',
				optional: true,
				help: 'All processing, not only transfers; decides the PI protection officer (1,000,000 or more) and the two-yearly compliance audit (more than 10,000,000). Empty when unknown',
			},
			{
				name: 'pi_officer_threshold_reached_on',
				label: 'Day 1,000,000 individuals was reached',
				kind: 'date',
				optional: true,
				help: 'The officer is reported to the city-level CAC within 30 working days of it. Empty when not recorded',
			},
		],
	},
	systems: {
		title: 'Systems',
		singular: 'system',
		listPath: '/systems',
		fields: [
			{ name: 'code', label: 'Code', kind: 'text' },
			{ name: 'unit_code', label: 'Business unit', kind: 'unit' },
			{ name: 'name', label: 'Name', kind: 'text' },
			{ name: 'mlps_level', label: 'MLPS level', kind: 'mlps', optional: true, help: 'Empty when not yet graded' },
			{ name: 'graded_on', label: 'Graded on', kind: 'date', optional: true },
			{ name: 'filed_on', label: 'Filed with the PSB on', kind: 'date', optional: true, help: 'Empty when not filed' },
			{ name: 'last_assessed_on', label: 'Last MLPS assessment', kind: 'date', optional: true },
			{ name: 'technologies', label: 'Technologies', kind: 'technologies', options: SYSTEM_TECHNOLOGIES, optional: true },
			{ name: 'holds_personal_data', label: 'Holds personal data', kind: 'yesno' },
			{ name: 'holds_important_data', label: 'Holds important data', kind: 'yesno' },
			{ name: 'holds_source_code', label: 'Holds source code', kind: 'yesno' },
			{
				name: 'tech_export_category',
				label: 'Export catalogue category',
				kind: 'select',
				options: TECH_EXPORT_CATEGORIES,
				optional: true,
				help: 'Catalogue of Technologies Prohibited or Restricted from Export (2023, amended 2025): none, restricted or prohibited. Empty when not determined',
			},
			{
				name: 'tech_export_item',
				label: 'Export catalogue item',
				kind: 'text',
				optional: true,
				help: 'For restricted or prohibited: the item number and name, e.g. 086501X information processing',
			},
		],
	},
	flows: {
		title: 'Data flows',
		singular: 'data flow',
		listPath: '/flows',
		fields: [
			{ name: 'code', label: 'Code', kind: 'text' },
			{ name: 'unit_code', label: 'Business unit (exporter)', kind: 'unit' },
			{ name: 'name', label: 'Name', kind: 'text' },
			{ name: 'destination_country', label: 'Destination country', kind: 'text', help: 'Two-letter ISO code, e.g. US, SG, HK' },
			{ name: 'destination_entity', label: 'Destination entity', kind: 'text' },
			{
				name: 'pi_individuals',
				label: 'Individuals: personal information',
				kind: 'integer',
				optional: true,
				help: 'Since 1 January; empty when unknown',
			},
			{
				name: 'sensitive_pi_individuals',
				label: 'Individuals: sensitive personal information',
				kind: 'integer',
				optional: true,
				help: 'Since 1 January; empty when unknown',
			},
			{ name: 'includes_important_data', label: 'Includes important data', kind: 'yesno' },
			{ name: 'purpose', label: 'Purpose', kind: 'select', options: TRANSFER_PURPOSES },
			{ name: 'collected_in_mainland', label: 'Collected in mainland China', kind: 'yesno' },
			{ name: 'outside_ftz_negative_list', label: 'Outside an FTZ negative list', kind: 'yesno' },
			{ name: 'is_remote_access', label: 'Remote access from abroad', kind: 'yesno' },
			{ name: 'mechanism_in_place', label: 'Mechanism in place', kind: 'select', options: MECHANISMS_IN_PLACE },
			{ name: 'mechanism_since', label: 'Mechanism since', kind: 'date', optional: true },
			{ name: 'mechanism_expires_on', label: 'Mechanism expires on', kind: 'date', optional: true },
		],
	},
	staffing: {
		title: 'Staffing',
		singular: 'staffing line',
		listPath: '/staffing',
		fields: [
			{ name: 'code', label: 'Code', kind: 'text' },
			{ name: 'unit_code', label: 'Business unit', kind: 'unit' },
			{ name: 'function', label: 'Function', kind: 'select', options: STAFF_FUNCTIONS },
			{ name: 'city', label: 'City', kind: 'text' },
			{ name: 'headcount', label: 'Headcount', kind: 'integer' },
			{ name: 'avg_monthly_wage_rmb', label: 'Average monthly wage (RMB)', kind: 'integer', help: 'Average of the last 12 months' },
			{ name: 'avg_tenure_months', label: 'Average tenure (months)', kind: 'integer' },
			{ name: 'access_to_personal_data', label: 'Access to personal data', kind: 'yesno' },
		],
	},
}

export const isInventoryTable = (s: string | undefined): s is InventoryTableKey => (INVENTORY_TABLES as readonly string[]).includes(s ?? '')
