// Each inventory table's fields, declared once: the CSV column and form field name, the form's label, kind and help,
// the validation rule (whose message names the field) and the domain property it fills. The zod schema, the record
// a validated row builds, a record's text fields (CSV export, edit form) and the form's field list
// (./inventory-forms.ts) are all derived from these declarations, so a form, a CSV row and the JSON API agree by
// construction and a new field is one entry here (docs/how-to-add-a-field.md).
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
import { FTZ_ZONES } from './ftz-zones.ts'
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

/**
 * One of a list, or empty (or the word `empty`) for null; any case. `message` gets what was written, cut to 30
 * characters.
 */
const optionalChoice = <T extends string>(allowed: readonly T[], empty: string, message: (written: string) => string) =>
	z
		.string()
		.optional()
		.transform((v, ctx): T | null => {
			const s = (v ?? '').trim().toLowerCase()
			if (!s || s === empty) return null
			if (!(allowed as readonly string[]).includes(s)) {
				ctx.addIssue({ code: 'custom', message: message(s.slice(0, 30)) })
				return z.NEVER
			}
			return s as T
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

/** How a field is edited and written as text. */
export type FieldKind = 'text' | 'select' | 'yesno' | 'integer' | 'date' | 'technologies' | 'unit' | 'mlps'

/** What a form needs of a field (the client's part of a declaration). */
export interface FieldDef {
	name: string
	label: string
	kind: FieldKind
	options?: readonly string[]
	help?: string
	optional?: boolean
	/** What an optional select's empty choice means: 'none' (e.g. no zone) or, by default, 'not determined'. */
	empty?: 'none' | 'not determined'
}

/** One field, declared once. */
export interface FieldSpec<K extends string = string> extends FieldDef {
	/** The rule a form value or CSV cell passes; its messages name the field. */
	rule: z.ZodType
	/** The domain property it fills; none for `unit_code` (the caller resolves the unit's id) and computed columns. */
	key?: K
	/** Not edited in the form: a computed column the export writes and the import ignores. */
	computed?: true
}

type Keys<T> = Exclude<keyof T, 'id' | 'unitId'> & string
const fields =
	<T>() =>
	<const F extends readonly FieldSpec<Keys<T>>[]>(specs: F & CoversAll<T, F>) =>
		specs
/** A compile-time check that every property of the domain type (but its ids) is declared by some field. */
type CoversAll<T, F extends readonly FieldSpec[]> = [Exclude<Keys<T>, F[number]['key']>] extends [never]
	? unknown
	: { missing: Exclude<Keys<T>, F[number]['key']> }

// The fields most tables share: their own code, the code of their unit (resolved to its id by the caller), a name.
const CODE_FIELD = { name: 'code', key: 'code', rule: code('Code'), label: 'Code', kind: 'text' } as const
const unitCodeField = (label: string) => ({ name: 'unit_code', rule: code('Unit code'), label, kind: 'unit' }) as const
const NAME_FIELD = { name: 'name', key: 'name', rule: text('Name', 200), label: 'Name', kind: 'text' } as const

export const UNIT_FIELDS = fields<BusinessUnit>()([
	{ name: 'code', key: 'code', rule: code('Code'), label: 'Code', kind: 'text', help: 'Short stable key, e.g. BU-SH-BANK' },
	{ name: 'name', key: 'name', rule: text('Name', 200), label: 'Name', kind: 'text' },
	{ name: 'segment', key: 'segment', rule: choice('Segment', SEGMENTS), label: 'Segment', kind: 'select', options: SEGMENTS },
	{
		name: 'legal_entity_type',
		key: 'legalEntityType',
		rule: choice('Legal entity type', LEGAL_ENTITY_TYPES),
		label: 'Legal entity type',
		kind: 'select',
		options: LEGAL_ENTITY_TYPES,
	},
	{ name: 'city', key: 'city', rule: text('City', 64), label: 'City', kind: 'text' },
	{ name: 'sector', key: 'sector', rule: choice('Sector', SECTORS), label: 'Sector', kind: 'select', options: SECTORS },
	{ name: 'is_ciio', key: 'isCiio', rule: yesNo('CIIO'), label: 'Notified as a CIIO', kind: 'yesno' },
	{
		name: 'handles_consumer_data',
		key: 'handlesConsumerData',
		rule: yesNo('Handles consumer data'),
		label: 'Handles consumer data',
		kind: 'yesno',
	},
	{
		name: 'china_revenue_rmb',
		key: 'chinaRevenueRmb',
		rule: whole('China revenue (RMB)', 0, MAX_MONEY),
		label: 'Annual China revenue (RMB)',
		kind: 'integer',
	},
	{
		name: 'prior_year_global_turnover_rmb',
		key: 'priorYearGlobalTurnoverRmb',
		rule: whole('Prior-year global turnover (RMB)', 0, MAX_MONEY),
		label: 'Prior-year global turnover (RMB)',
		kind: 'integer',
		help: 'The group’s; PIPL art. 66’s 5% base where the entity’s own is unknown',
	},
	{
		name: 'prior_year_entity_turnover_rmb',
		key: 'priorYearEntityTurnoverRmb',
		rule: wholeOrUnknown("Entity's prior-year turnover (RMB)", 0, MAX_MONEY),
		label: 'Entity’s prior-year turnover (RMB)',
		kind: 'integer',
		optional: true,
		help: 'This legal entity’s own; sets its PIPL art. 66 5% ceiling. Empty when unknown',
	},
	{
		name: 'distinct_pi_individuals_abroad',
		key: 'distinctIndividualsAbroad',
		rule: wholeOrUnknown('Distinct individuals abroad since 1 January', 0, MAX_COUNT),
		label: 'Distinct individuals provided abroad since 1 January',
		kind: 'integer',
		optional: true,
		help: 'Non-sensitive, over transfers not exempt; replaces the sum over flows. Empty: the sum is used',
	},
	{
		name: 'distinct_sensitive_pi_individuals_abroad',
		key: 'distinctSensitiveIndividualsAbroad',
		rule: wholeOrUnknown('Distinct individuals abroad since 1 January (sensitive)', 0, MAX_COUNT),
		label: 'Distinct individuals provided abroad since 1 January (sensitive)',
		kind: 'integer',
		optional: true,
		help: 'Sensitive, over transfers not exempt; replaces the sum over flows. Empty: the sum is used',
	},
	{
		name: 'pi_individuals_processed',
		key: 'piIndividualsProcessed',
		rule: wholeOrUnknown('Individuals whose personal information is processed', 0, MAX_COUNT),
		label: 'Individuals whose personal information is processed',
		kind: 'integer',
		optional: true,
		help: 'All processing, not only transfers; decides the PI protection officer (1,000,000 or more) and the two-yearly compliance audit (more than 10,000,000). Empty when unknown',
	},
	{
		name: 'pi_officer_threshold_reached_on',
		key: 'piOfficerThresholdReachedOn',
		rule: date('Day 1,000,000 individuals was reached'),
		label: 'Day 1,000,000 individuals was reached',
		kind: 'date',
		optional: true,
		help: 'The officer is reported to the city-level CAC within 30 working days of it. Empty when not recorded',
	},
	{
		name: 'ftz_zone',
		key: 'ftzZone',
		rule: optionalChoice(
			FTZ_ZONES.map(z => z.id),
			'none',
			s =>
				`Free-trade zone must be empty (none) or a zone whose negative list is in force: ${FTZ_ZONES.map(z => z.id).join(', ')}; not "${s}"`,
		),
		label: 'Free-trade zone with a negative list',
		kind: 'select',
		options: FTZ_ZONES.map(z => z.id),
		optional: true,
		empty: 'none',
		help: 'Where the entity is registered, if in a pilot free-trade zone whose data-export negative list is in force. Only such a unit can mark a flow as outside the list (2024 Provisions art. 6)',
	},
])

export const SYSTEM_FIELDS = fields<InfoSystem>()([
	CODE_FIELD,
	unitCodeField('Business unit'),
	NAME_FIELD,
	{
		name: 'mlps_level',
		key: 'mlpsLevel',
		rule: mlpsLevel,
		label: 'MLPS level',
		kind: 'mlps',
		optional: true,
		help: 'Empty when not yet graded',
	},
	{ name: 'graded_on', key: 'gradedOn', rule: date('Graded on'), label: 'Graded on', kind: 'date', optional: true },
	{
		name: 'filed_on',
		key: 'filedOn',
		rule: date('Filed on'),
		label: 'Filed with the PSB on',
		kind: 'date',
		optional: true,
		help: 'Empty when not filed',
	},
	{
		name: 'last_assessed_on',
		key: 'lastAssessedOn',
		rule: date('Last assessed on'),
		label: 'Last MLPS assessment',
		kind: 'date',
		optional: true,
	},
	{
		name: 'technologies',
		key: 'technologies',
		rule: technologies,
		label: 'Technologies',
		kind: 'technologies',
		options: SYSTEM_TECHNOLOGIES,
		optional: true,
	},
	{
		name: 'holds_personal_data',
		key: 'holdsPersonalData',
		rule: yesNo('Holds personal data'),
		label: 'Holds personal data',
		kind: 'yesno',
	},
	{
		name: 'holds_important_data',
		key: 'holdsImportantData',
		rule: yesNo('Holds important data'),
		label: 'Holds important data',
		kind: 'yesno',
	},
	{ name: 'holds_source_code', key: 'holdsSourceCode', rule: yesNo('Holds source code'), label: 'Holds source code', kind: 'yesno' },
	{
		name: 'tech_export_category',
		key: 'techExportCategory',
		rule: optionalChoice<TechExportCategory>(
			TECH_EXPORT_CATEGORIES,
			'unknown',
			s => `Export catalogue category must be one of: ${TECH_EXPORT_CATEGORIES.join(', ')}, or empty when not determined, not "${s}"`,
		),
		label: 'Export catalogue category',
		kind: 'select',
		options: TECH_EXPORT_CATEGORIES,
		optional: true,
		help: 'Catalogue of Technologies Prohibited or Restricted from Export (2023, amended 2025): none, restricted or prohibited. Empty when not determined',
	},
	{
		name: 'tech_export_item',
		key: 'techExportItem',
		rule: z
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
		label: 'Export catalogue item',
		kind: 'text',
		optional: true,
		help: 'For restricted or prohibited: the item number and name, e.g. 086501X information processing',
	},
	// Computed, not stored: the export writes whether the system is overdue for MLPS filing or assessment on the day;
	// import ignores it, so an export re-imports unchanged.
	{ name: 'mlps_overdue', rule: z.string().optional(), label: 'Overdue for MLPS filing or assessment', kind: 'yesno', computed: true },
])

export const FLOW_FIELDS = fields<DataFlow>()([
	CODE_FIELD,
	unitCodeField('Business unit (exporter)'),
	NAME_FIELD,
	{
		name: 'destination_country',
		key: 'destinationCountry',
		rule: z
			.string({ error: 'Destination country is required' })
			.trim()
			.toUpperCase()
			.regex(/^[A-Z]{2}$/, 'Destination country must be a two-letter ISO code such as US, SG or HK'),
		label: 'Destination country',
		kind: 'text',
		help: 'Two-letter ISO code, e.g. US, SG, HK',
	},
	{
		name: 'destination_entity',
		key: 'destinationEntity',
		rule: text('Destination entity', 200),
		label: 'Destination entity',
		kind: 'text',
	},
	{
		name: 'pi_individuals',
		key: 'personalInfoIndividuals',
		rule: wholeOrUnknown('Individuals (personal information)', 0, MAX_COUNT),
		label: 'Individuals: personal information',
		kind: 'integer',
		optional: true,
		help: 'Since 1 January; empty when unknown',
	},
	{
		name: 'sensitive_pi_individuals',
		key: 'sensitivePersonalInfoIndividuals',
		rule: wholeOrUnknown('Individuals (sensitive personal information)', 0, MAX_COUNT),
		label: 'Individuals: sensitive personal information',
		kind: 'integer',
		optional: true,
		help: 'Since 1 January; empty when unknown',
	},
	{
		name: 'includes_important_data',
		key: 'includesImportantData',
		rule: yesNo('Includes important data'),
		label: 'Includes important data',
		kind: 'yesno',
	},
	{
		name: 'purpose',
		key: 'purpose',
		rule: choice('Purpose', TRANSFER_PURPOSES),
		label: 'Purpose',
		kind: 'select',
		options: TRANSFER_PURPOSES,
	},
	{
		name: 'collected_in_mainland',
		key: 'collectedInMainland',
		rule: yesNo('Collected in mainland China'),
		label: 'Collected in mainland China',
		kind: 'yesno',
	},
	{
		name: 'outside_ftz_negative_list',
		key: 'outsideFtzNegativeList',
		rule: yesNo('Outside the FTZ negative list'),
		label: 'Outside an FTZ negative list',
		kind: 'yesno',
		help: "Yes only when the unit is registered in a free-trade zone whose negative list is in force (the unit's free-trade zone) and the list does not cover this data",
	},
	{ name: 'is_remote_access', key: 'isRemoteAccess', rule: yesNo('Remote access'), label: 'Remote access from abroad', kind: 'yesno' },
	{
		name: 'mechanism_in_place',
		key: 'mechanismInPlace',
		rule: choice('Mechanism in place', MECHANISMS_IN_PLACE),
		label: 'Mechanism in place',
		kind: 'select',
		options: MECHANISMS_IN_PLACE,
	},
	{ name: 'mechanism_since', key: 'mechanismSince', rule: date('Mechanism since'), label: 'Mechanism since', kind: 'date', optional: true },
	{
		name: 'mechanism_expires_on',
		key: 'mechanismExpiresOn',
		rule: date('Mechanism expires on'),
		label: 'Mechanism expires on',
		kind: 'date',
		optional: true,
	},
	// Computed, not stored: the export writes the mechanism the exporter's totals require on the day; import ignores it,
	// so an export re-imports unchanged.
	{ name: 'required_mechanism', rule: z.string().optional(), label: 'Required mechanism', kind: 'text', computed: true },
])

export const STAFFING_FIELDS = fields<StaffingLine>()([
	{ name: 'code', key: 'code', rule: code('Code'), label: 'Code', kind: 'text' },
	{ name: 'unit_code', rule: code('Unit code'), label: 'Business unit', kind: 'unit' },
	{
		name: 'function',
		key: 'function',
		rule: choice('Function', STAFF_FUNCTIONS),
		label: 'Function',
		kind: 'select',
		options: STAFF_FUNCTIONS,
	},
	{ name: 'city', key: 'city', rule: text('City', 64), label: 'City', kind: 'text' },
	{ name: 'headcount', key: 'headcount', rule: whole('Headcount', 0, 1_000_000), label: 'Headcount', kind: 'integer' },
	{
		name: 'avg_monthly_wage_rmb',
		key: 'avgMonthlyWageRmb',
		rule: whole('Average monthly wage (RMB)', 0, 10_000_000),
		label: 'Average monthly wage (RMB)',
		kind: 'integer',
		help: 'Average of the last 12 months',
	},
	{
		name: 'avg_tenure_months',
		key: 'avgTenureMonths',
		rule: whole('Average tenure (months)', 0, 720),
		label: 'Average tenure (months)',
		kind: 'integer',
	},
	{
		name: 'access_to_personal_data',
		key: 'accessToPersonalData',
		rule: yesNo('Access to personal data'),
		label: 'Access to personal data',
		kind: 'yesno',
	},
])

type InventoryRecord = Omit<BusinessUnit, 'id'> | Omit<InfoSystem, 'id'> | Omit<DataFlow, 'id'> | Omit<StaffingLine, 'id'>

/** The zod schema of a table's fields (unknown columns are ignored; each rule names its field). */
const schemaOf = (specs: readonly FieldSpec[]) => z.object(Object.fromEntries(specs.map(f => [f.name, f.rule])))

// Rules between fields of one row, checked after each field passed its own rule. The message goes on the field to
// change (CSV: its line and column).

/** The day the count reached 1,000,000 says the count is at least that: a smaller count contradicts it. */
function unitFieldsTogether(
	f: { pi_individuals_processed: number | null; pi_officer_threshold_reached_on: string | null },
	ctx: z.RefinementCtx,
) {
	if (f.pi_officer_threshold_reached_on && f.pi_individuals_processed !== null && f.pi_individuals_processed < PI_OFFICER_THRESHOLD)
		ctx.addIssue({
			code: 'custom',
			path: ['pi_officer_threshold_reached_on'],
			message: `Day 1,000,000 individuals was reached must be empty while the individuals processed are fewer than 1,000,000 (${f.pi_individuals_processed.toLocaleString('en')})`,
		})
}

/** A restricted or prohibited category names its catalogue item; the others name none. */
function systemFieldsTogether(
	f: { tech_export_category: TechExportCategory | null; tech_export_item: string | null },
	ctx: z.RefinementCtx,
) {
	const problem = techExportItemProblem(f.tech_export_category, f.tech_export_item)
	if (problem) ctx.addIssue({ code: 'custom', path: ['tech_export_item'], message: problem })
}

/**
 * A flow's dates checked together, after each is a valid date: the mechanism's start is before its expiry, and an
 * expiry needs a mechanism (there is nothing to expire without one).
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

/** Each table's schema: its fields' rules, then the rules between them. */
export const unitFieldsSchema = schemaOf(UNIT_FIELDS).superRefine((f, ctx) => unitFieldsTogether(f as never, ctx))
export const systemFieldsSchema = schemaOf(SYSTEM_FIELDS).superRefine((f, ctx) => systemFieldsTogether(f as never, ctx))
export const flowFieldsSchema = schemaOf(FLOW_FIELDS).superRefine((f, ctx) => flowDatesTogether(f as never, ctx))
export const staffingFieldsSchema = schemaOf(STAFFING_FIELDS)

/** The record a validated row builds: each declared property from its field, the unit's id from the caller. */
function recordOf<T>(specs: readonly FieldSpec[], withUnitId: boolean) {
	return (parsed: Record<string, unknown>, unitId: number): Omit<T, 'id'> => {
		const out: Record<string, unknown> = withUnitId ? { unitId } : {}
		for (const f of specs) if (f.key) out[f.key] = parsed[f.name]
		return out as Omit<T, 'id'> // every property is declared (checked at compile time by `fields`) and validated by its rule
	}
}

/** A value as its text field: the inverse of the field's rule (yes/no, empty for unknown, technologies joined by ;). */
function textOf(f: FieldSpec, value: unknown, unitCode: string): string {
	if (f.kind === 'unit') return unitCode
	if (f.computed) return ''
	if (f.kind === 'yesno') return value ? 'yes' : 'no'
	if (f.kind === 'technologies') return (value as readonly string[]).join(';')
	return value === null || value === undefined ? '' : String(value)
}

/** Each inventory table's declared fields, its schema and the record its validated fields make. */
export const INVENTORY_TABLES = {
	units: { fields: UNIT_FIELDS, schema: unitFieldsSchema, build: recordOf<BusinessUnit>(UNIT_FIELDS, false) },
	systems: { fields: SYSTEM_FIELDS, schema: systemFieldsSchema, build: recordOf<InfoSystem>(SYSTEM_FIELDS, true) },
	flows: { fields: FLOW_FIELDS, schema: flowFieldsSchema, build: recordOf<DataFlow>(FLOW_FIELDS, true) },
	staffing: { fields: STAFFING_FIELDS, schema: staffingFieldsSchema, build: recordOf<StaffingLine>(STAFFING_FIELDS, true) },
} as const satisfies Record<
	string,
	{ fields: readonly FieldSpec[]; schema: z.ZodObject; build: (f: Record<string, unknown>, unitId: number) => InventoryRecord }
>

/** A record as its form and CSV fields (`unitCode`: the code of its unit; a unit's own code for units). */
export function inventoryFields(key: keyof typeof INVENTORY_TABLES, record: InventoryRecord, unitCode: string): Record<string, string> {
	const values = record as unknown as Record<string, unknown>
	const specs: readonly FieldSpec[] = INVENTORY_TABLES[key].fields
	return Object.fromEntries(specs.map(f => [f.name, textOf(f, f.key ? values[f.key] : undefined, unitCode)]))
}

/** A table's form fields, in form order (computed columns left out). */
export const formFields = (specs: readonly FieldSpec[]): FieldDef[] =>
	specs
		.filter(f => !f.computed)
		.map(({ name, label, kind, options, help, optional, empty }) => ({ name, label, kind, options, help, optional, empty }))
