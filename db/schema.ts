import { type ColumnType, type Generated, type Insertable, type Selectable, type Updateable } from 'kysely'

// Kysely's view of the database. Rules that hold for every table (see docs/decisions/003-storage.md):
// - booleans are integers 0/1 (better-sqlite3 refuses `true`);
// - calendar dates are 'YYYY-MM-DD' strings, instants 'YYYY-MM-DD HH:MM:SS' UTC strings
//   (mysql2 runs with dateStrings: true, so both dialects hand back the same text);
// - money is a whole number in the currency the column names;
// - JSON is text we stringify ourselves (mysql2 would store an object as "[object Object]").

export interface Database {
	business_unit: BusinessUnitTable
	info_system: InfoSystemTable
	data_flow: DataFlowTable
	staffing_line: StaffingLineTable
	group_function_headcount: GroupFunctionHeadcountTable
	destination: DestinationTable
	destination_cost: DestinationCostTable
	city_average_wage: CityAverageWageTable
	reference_fact: ReferenceFactTable
	model_version: ModelVersionTable
	scenario: ScenarioTable
	scenario_move: ScenarioMoveTable
	scenario_record: ScenarioRecordTable
	snapshot: SnapshotTable
	snapshot_trend_point: SnapshotTrendPointTable
	snapshot_view: SnapshotViewTable
	app_user: AppUserTable
	app_session: AppSessionTable
	mfa_recovery_code: MfaRecoveryCodeTable
	audit_event: AuditEventTable
	inventory_version: InventoryVersionTable
	inventory_change: InventoryChangeTable
	login_throttle: LoginThrottleTable
	obligation_status: ObligationStatusTable
	calendar_token: CalendarTokenTable
	flow_month_count: FlowMonthCountTable
	job: JobTable
}

export interface BusinessUnitTable {
	id: Generated<number>
	code: string
	name: string
	segment: string
	legal_entity_type: string
	city: string
	sector: string
	is_ciio: number
	handles_consumer_data: number
	china_revenue_rmb: number
	prior_year_global_turnover_rmb: number
	prior_year_entity_turnover_rmb: number | null
	distinct_pi_individuals_abroad: number | null
	distinct_sensitive_pi_individuals_abroad: number | null
	/** Set when the unit is archived (decision 032): hidden from lists, scoring and the overview; null = in use. */
	archived_at: ColumnType<string | null, string | null | undefined, string | null>
	archived_by: ColumnType<number | null, number | null | undefined, number | null>
	pi_individuals_processed: number | null
	pi_officer_threshold_reached_on: string | null // 'YYYY-MM-DD'
	/** Pilot free-trade zone with a data-export negative list in force (models/ftz-zones.ts id); null: none. */
	ftz_zone: string | null
}

export interface InfoSystemTable {
	id: Generated<number>
	unit_id: number
	code: string
	name: string
	mlps_level: number | null
	graded_on: string | null
	filed_on: string | null
	last_assessed_on: string | null
	technologies: string // comma-separated SystemTechnology values, '' for none
	holds_personal_data: number
	holds_important_data: number
	holds_source_code: number
	tech_export_category: string | null // 'none' | 'restricted' | 'prohibited'; null: unknown
	tech_export_item: string | null
}

export interface DataFlowTable {
	id: Generated<number>
	unit_id: number
	code: string
	name: string
	destination_country: string
	destination_entity: string
	pi_individuals: number | null
	sensitive_pi_individuals: number | null
	includes_important_data: number
	purpose: string
	collected_in_mainland: number
	outside_ftz_negative_list: number
	is_remote_access: number
	mechanism_in_place: string
	mechanism_since: string | null
	mechanism_expires_on: string | null
}

export interface StaffingLineTable {
	id: Generated<number>
	unit_id: number
	code: string
	function: string
	city: string
	headcount: number
	avg_monthly_wage_rmb: number
	avg_tenure_months: number
	access_to_personal_data: number
}

export interface GroupFunctionHeadcountTable {
	function: string
	global_headcount: number
}

export interface DestinationTable {
	id: Generated<number>
	city: string
	country: string
	is_mainland_china: number
	privacy_law: string
	privacy_cross_border: string
	hiring_lead_time_months: number
	source: string
	as_of: string
}

export interface DestinationCostTable {
	destination_id: number
	function: string
	annual_cost_usd: number
	evidence: string
}

export interface CityAverageWageTable {
	id: Generated<number>
	city: string
	year_of_data: number
	monthly_rmb: number
	statistic: string
	used_for_cap: number // 1 on the row the severance cap uses for this city
	source: string
	as_of: string
	verified: number
	/** Why this row is (or is not) the one the severance cap uses; where sources disagree. */
	note: string | null
}

/** Facts from the reference compilation (laws, articles, thresholds, cases), each with its source. */
export interface ReferenceFactTable {
	id: Generated<number>
	fact_key: string
	category: string
	title: string
	body: string // JSON
	source: string
	as_of: string
	verified: number
}

export interface ModelVersionTable {
	id: Generated<number>
	label: string
	settings: string // JSON ModelSettings
	is_active: number
	created_by: number | null
	created_at: string
	activated_at: string | null // NULL: a draft, never active
}

export interface ScenarioTable {
	id: Generated<number>
	name: string
	description: string
	status: string
	assumptions: string // JSON ScenarioAssumptions
	created_by: number
	decided_by: number | null
	decision_comment: string | null
	decided_at: string | null
	created_at: string
	updated_at: string
	/** Bumped by every save and transition; a write names the version it read (a stale one matches no row). */
	version: Generated<number>
}

export interface ScenarioMoveTable {
	id: Generated<number>
	scenario_id: number
	staffing_line_id: number
	headcount: number
	destination_id: number | null // null: the roles are cut, not moved
	start_quarter: string
	data_handling: string
}

/** A proposal or decision frozen as it was taken. Append-only: the database refuses UPDATE and DELETE (triggers). */
export interface ScenarioRecordTable {
	id: Generated<number>
	scenario_id: number
	scenario_version: number
	event: string // 'proposed' | 'approved' | 'rejected'
	recorded_at: string
	recorded_by: number | null
	content_hash: string // SHA-256 hex of content
	content: string // canonical JSON: see models/scenario/record.ts
}

/** Append-only: the database refuses UPDATE and DELETE (triggers). */
export interface SnapshotTable {
	id: Generated<number>
	quarter: string // 'YYYY-Qn', unique
	frozen_at: string
	frozen_by: number | null
	model_version_id: number
	model_label: string
	content_hash: string // SHA-256 hex over the canonical serialisation
	prev_hash: string | null
	/** How the three byte columns encode their canonical JSON texts: see db/snapshot-encoding.ts. */
	content_encoding: string
	model_settings: Uint8Array // the settings, copied so the snapshot stands alone
	inputs: Uint8Array // the inventory envelope
	results: Uint8Array
}

/** A cache of one trend point per snapshot, derived from its content (may be emptied at any time). */
export interface SnapshotTrendPointTable {
	content_hash: string
	derivation: string // which code derived it: see TREND_POINT_DERIVATION in db/repositories/snapshots.ts
	point: string // JSON of a TrendPoint
}

/** A cache of the board view of a frozen quarter against another (may be emptied at any time): see db/repositories/snapshot-views.ts. */
export interface SnapshotViewTable {
	content_hash: string // the quarter's snapshot
	compared_hash: string // the snapshot it is compared with; '' for none
	derivation: string // which code derived it: see FROZEN_VIEW_DERIVATION in app/utils/snapshot.server.ts
	value_encoding: string // how `value` encodes the view's JSON text: see db/snapshot-encoding.ts
	value_hash: string // SHA-256 hex over the key and the JSON text, checked on every read
	value: Uint8Array
}

export interface AppUserTable {
	id: Generated<number>
	email: string
	name: string
	role: string
	password_hash: string
	disabled: number
	created_at: string
	updated_at: string
	/** Base32 TOTP secret once the second factor is enrolled (null: none). */
	mfa_secret: ColumnType<string | null, string | null | undefined, string | null>
	mfa_enrolled_at: ColumnType<string | null, string | null | undefined, string | null>
	/** The secret offered during enrolment, until a code from it is confirmed. */
	mfa_pending_secret: ColumnType<string | null, string | null | undefined, string | null>
	/** The TOTP time step (Unix seconds / 30) of the last code accepted: that code and older ones are refused. */
	mfa_last_step: ColumnType<number | string | null, number | null | undefined, number | null>
}

/** One-time recovery codes: a salted SHA-256 of each (app/utils/totp.server.ts), spent when used; deleted with their user. */
export interface MfaRecoveryCodeTable {
	id: Generated<number>
	user_id: number
	code_hash: string
	used_at: string | null
	created_at: string
}

export interface AppSessionTable {
	id: string // SHA-256 of the token in the cookie; the token itself is never stored
	user_id: number
	created_at: string
	last_seen_at: string
	expires_at: string // absolute timeout
}

/** Append-only: the database refuses UPDATE and DELETE (triggers). */
export interface AuditEventTable {
	id: Generated<number>
	at: string
	actor_id: number | null
	actor_email: string
	action: string
	entity: string
	entity_id: string | null
	before_json: string | null
	after_json: string | null
	request_id: string | null
}

/** One row: a counter bumped on every inventory write, so cached scores know when they are stale. */
export interface InventoryVersionTable {
	id: number
	version: number
	obligations_version: Generated<number> // bumped by every duty status change
}

/** Optional monthly counts of individuals per flow (refine the threshold forecast). */
export interface FlowMonthCountTable {
	flow_id: number
	month: string // 'YYYY-MM'
	pi_individuals: number
	sensitive_pi_individuals: number
}

/** One row per business unit an inventory version changed (unit_id 0: every unit). */
export interface InventoryChangeTable {
	version: number
	unit_id: number
}

export type BusinessUnitRow = Selectable<BusinessUnitTable>
export type NewBusinessUnitRow = Insertable<BusinessUnitTable>
export type BusinessUnitRowUpdate = Updateable<BusinessUnitTable>
export type InfoSystemRow = Selectable<InfoSystemTable>
export type NewInfoSystemRow = Insertable<InfoSystemTable>
export type DataFlowRow = Selectable<DataFlowTable>
export type NewDataFlowRow = Insertable<DataFlowTable>
export type StaffingLineRow = Selectable<StaffingLineTable>
export type NewStaffingLineRow = Insertable<StaffingLineTable>
export type DestinationRow = Selectable<DestinationTable>
export type DestinationCostRow = Selectable<DestinationCostTable>
export type CityAverageWageRow = Selectable<CityAverageWageTable>
export type ReferenceFactRow = Selectable<ReferenceFactTable>
export type ModelVersionRow = Selectable<ModelVersionTable>
export type ScenarioRow = Selectable<ScenarioTable>
export type ScenarioMoveRow = Selectable<ScenarioMoveTable>
export type SnapshotRow = Selectable<SnapshotTable>
export type NewSnapshotRow = Insertable<SnapshotTable>
export type AppUserRow = Selectable<AppUserTable>
export type AppSessionRow = Selectable<AppSessionTable>
export type AuditEventRow = Selectable<AuditEventTable>
export type NewAuditEventRow = Insertable<AuditEventTable>

/** Failed sign-ins per account and per address, for lockouts that expire (see models/login-policy.ts). */
export interface LoginThrottleTable {
	key: string // 'account:<email>', 'address:<ip>' or 'pair:<email> <ip>'
	failures: number
	window_started_at: string
	locked_until: string | null
}

/** What people decided about a derived duty (the duty itself is derived from the inventory, never stored). */
export interface ObligationStatusTable {
	duty_key: string
	unit_id: number
	status: string // 'open' | 'done' | 'not_applicable'
	owner: string | null
	evidence_ref: string | null
	evidence_on: string | null // 'YYYY-MM-DD'
	reason: string | null
	version: number // bumped by every change; writes are conditional on it
	updated_at: string
	updated_by: number | null
}

/** A personal calendar feed token: only its SHA-256 is stored; revoked_at set means it no longer opens the feed. */
export interface CalendarTokenTable {
	id: Generated<number>
	user_id: number
	token_hash: string
	created_at: string
	revoked_at: string | null
}

export type ObligationStatusRow = Selectable<ObligationStatusTable>

/**
 * The tables a reseed (or a test) may empty, children before parents. Snapshot and audit_event are absent on
 * purpose: the database refuses to delete from them.
 */
export const MUTABLE_TABLES_CHILD_FIRST = [
	'job',
	'inventory_change',
	'calendar_token',
	'app_session',
	'obligation_status',
	'flow_month_count',
	'scenario_move',
	'scenario',
	'model_version',
	'destination_cost',
	'destination',
	'city_average_wage',
	'reference_fact',
	'group_function_headcount',
	'staffing_line',
	'data_flow',
	'info_system',
	'business_unit',
	'app_user',
] as const satisfies ReadonlyArray<keyof Database>

/** A background job (docs/decisions/041): queued, claimed by one instance, retried on failure, its result kept. */
export interface JobTable {
	id: Generated<number>
	kind: string // models/jobs.ts JOB_KINDS
	params: string // JSON
	/** The job's identity while queued or running (at most one under way per key); NULL once it has ended. */
	active_key: string | null
	status: string // 'queued' | 'running' | 'done' | 'failed'
	attempts: ColumnType<number, number | undefined, number>
	max_attempts: number
	run_after: string // not claimed before this instant (a retry's back-off)
	locked_by: string | null // the instance running it
	locked_until: string | null // its lease: past this, another instance may take the job over
	progress_done: ColumnType<number, number | undefined, number>
	progress_total: ColumnType<number, number | undefined, number>
	progress_note: string | null
	result: string | null // JSON
	result_file: Uint8Array | null // a file the job made (a board pack's PDF)
	error: string | null
	requested_by: number | null // null: the system (after a start or a freeze)
	request_id: string | null
	created_at: string
	started_at: string | null
	finished_at: string | null
}
