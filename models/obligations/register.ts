// The register: derived duties joined with what people recorded (status, owner, evidence), filtered and sorted
// the way the /obligations page, its CSV, the calendar feed and the API read it. Pure.
import { daysBetween, isIsoDate } from '../dates.ts'
import { nextOccurrence, stateOf } from './derive.ts'
import { type DutyLaw } from './sources.ts'
import { type Duty, type DutyStatusRecord, type DutyStatusValue, type RegisterRow, DUTY_STATUSES } from './types.ts'

/**
 * One row per duty. A recurring duty done on its evidence date falls due again `recurrenceMonths` later: its due
 * date moves there, and once that date has passed the duty is open again. 'not_applicable' is never overdue.
 */
export function buildRegister(duties: readonly Duty[], records: readonly DutyStatusRecord[], asOf: string): RegisterRow[] {
	const byKey = new Map(records.map(r => [r.dutyKey, r]))
	return duties.map(d => registerRow(d, byKey.get(d.key) ?? null, asOf))
}

export function registerRow(d: Duty, record: DutyStatusRecord | null, asOf: string): RegisterRow {
	// A duty the inventory already shows done (a filing with its date) is done until someone records otherwise.
	let status: DutyStatusValue = record?.status ?? (d.state === 'met' ? 'done' : 'open')
	let dueOn = d.dueOn
	let state = d.state
	const next = status === 'done' ? nextOccurrence(d, record?.evidenceOn ?? null) : null
	if (next) {
		dueOn = next
		state = stateOf(next, asOf)
		if (state === 'overdue') status = 'open' // the cycle recorded as done has run out
	}
	const daysUntilDue = dueOn ? daysBetween(asOf, dueOn) : null
	const overdue = status === 'open' && state === 'overdue'
	return {
		...d,
		dueOn,
		state,
		status,
		owner: record?.owner ?? null,
		evidenceRef: record ? record.evidenceRef : d.state === 'met' ? 'Recorded in the inventory' : null,
		evidenceOn: record?.evidenceOn ?? null,
		reason: record?.reason ?? null,
		version: record?.version ?? 0,
		daysUntilDue,
		overdue,
	}
}

export const REGISTER_SORTS = ['due', 'unit', 'law', 'status'] as const
export type RegisterSort = (typeof REGISTER_SORTS)[number]

export interface RegisterQuery {
	unit: string | null // unit code
	law: DutyLaw | null
	owner: string | null // substring, case-insensitive; '-' for unassigned
	status: DutyStatusValue | null
	within: number | null // due within N days from asOf (overdue included)
	overdue: boolean
	sort: RegisterSort
	desc: boolean
}

export const DEFAULT_REGISTER_QUERY: RegisterQuery = {
	unit: null,
	law: null,
	owner: null,
	status: null,
	within: null,
	overdue: false,
	sort: 'due',
	desc: false,
}

const LAWS: readonly DutyLaw[] = ['CSL', 'MLPS', 'PIPL', 'NDSMR', 'CAC-2024', 'Crypto', 'Incidents', 'Tech-export']

export type ParsedRegisterQuery = { ok: true; value: RegisterQuery } | { ok: false; errors: Record<string, string[]> }

/** Reads `?unit=&law=&owner=&status=&within=&overdue=1&sort=due.desc` (the page, the CSV and the API share it). */
export function parseRegisterQuery(params: URLSearchParams): ParsedRegisterQuery {
	const errors: Record<string, string[]> = {}
	const text = (k: string) => params.get(k)?.trim() || null
	const law = text('law')
	if (law && !LAWS.includes(law as DutyLaw))
		errors.law = [`"${law.slice(0, 40)}" is not a law of the register; use one of ${LAWS.join(', ')}.`]
	const status = text('status')
	if (status && !DUTY_STATUSES.includes(status as DutyStatusValue))
		errors.status = [`"${status.slice(0, 40)}" is not a status; use open, done or not_applicable.`]
	const withinText = text('within')
	const within = withinText === null ? null : Number(withinText)
	if (withinText !== null && !(/^\d{1,4}$/.test(withinText) && within !== null && within <= 3660))
		errors.within = [`"${withinText.slice(0, 40)}" is not a number of days; use a whole number from 0 to 3660.`]
	const [sortKey, dir] = (text('sort') ?? 'due').split('.')
	if (!REGISTER_SORTS.includes(sortKey as RegisterSort))
		errors.sort = [`"${sortKey?.slice(0, 40)}" cannot be sorted on; use ${REGISTER_SORTS.join(', ')}.`]
	if (Object.keys(errors).length) return { ok: false, errors }
	return {
		ok: true,
		value: {
			unit: text('unit'),
			law: law as DutyLaw | null,
			owner: text('owner'),
			status: status as DutyStatusValue | null,
			within,
			overdue: params.get('overdue') === '1',
			sort: sortKey as RegisterSort,
			desc: dir === 'desc',
		},
	}
}

/** The rows a query selects, sorted (undated duties after dated ones, then by unit and key for a stable order). */
export function queryRegister(rows: readonly RegisterRow[], q: RegisterQuery): RegisterRow[] {
	const owner = q.owner?.toLowerCase() ?? null
	const picked = rows.filter(
		r =>
			(!q.unit || r.unitCode === q.unit) &&
			(!q.law || r.law === q.law) &&
			(!q.status || r.status === q.status) &&
			(!owner || (owner === '-' ? r.owner === null : (r.owner ?? '').toLowerCase().includes(owner))) &&
			(q.within === null || (r.status === 'open' && r.state !== 'met' && r.daysUntilDue !== null && r.daysUntilDue <= q.within)) &&
			(!q.overdue || r.overdue),
	)
	const cmp = COMPARE[q.sort]
	return picked.sort((a, b) => (q.desc ? -1 : 1) * cmp(a, b) || a.unitCode.localeCompare(b.unitCode) || a.key.localeCompare(b.key))
}

const byDue = (a: RegisterRow, b: RegisterRow) =>
	a.dueOn === b.dueOn ? 0 : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1

const COMPARE: Record<RegisterSort, (a: RegisterRow, b: RegisterRow) => number> = {
	due: byDue,
	unit: (a, b) => a.unitCode.localeCompare(b.unitCode) || byDue(a, b),
	law: (a, b) => a.law.localeCompare(b.law) || byDue(a, b),
	status: (a, b) => a.status.localeCompare(b.status) || byDue(a, b),
}

/** Open duties due within `days` of asOf (overdue ones included), soonest first: the overview's list. */
export function dueWithin(rows: readonly RegisterRow[], days: number): RegisterRow[] {
	return queryRegister(rows, { ...DEFAULT_REGISTER_QUERY, within: days })
}

export interface StatusInput {
	status: DutyStatusValue
	owner: string | null
	evidenceRef: string | null
	evidenceOn: string | null
	reason: string | null
	expectedVersion: number
}

/** Validates a status change: done needs an evidence reference and date (not after asOf); not applicable needs a reason. */
export function checkStatusInput(input: StatusInput, asOf: string): Record<string, string[]> | null {
	const errors: Record<string, string[]> = {}
	if (input.status === 'done') {
		if (!input.evidenceRef) errors.evidenceRef = ['Give the evidence reference (document id, ticket or link) for a duty marked done.']
		if (!isIsoDate(input.evidenceOn)) errors.evidenceOn = ['Give the date the duty was done (YYYY-MM-DD).']
		else if (daysBetween(asOf, input.evidenceOn)! > 0)
			errors.evidenceOn = [`The evidence date ${input.evidenceOn} is after today (${asOf}).`]
	}
	if (input.status === 'not_applicable' && !input.reason) errors.reason = ['Say why the duty does not apply.']
	for (const [k, max] of [
		['owner', 200],
		['evidenceRef', 500],
		['reason', 2000],
	] as const) {
		const v = input[k]
		if (v && v.length > max) errors[k] = [`At most ${max} characters.`]
	}
	return Object.keys(errors).length ? errors : null
}
