// An audit entry's change in words, for the audit log page: "Headcount: 150 → 148", not two JSON objects.
// An update lists only the fields it wrote whose value changed: a field the write did not carry (an id, a
// timestamp, a column the form does not edit) is not a removal. A create lists what was written, a delete what
// was there. Nested objects read as "Assumptions · Discount rate"; lists of records as a count.

export interface ChangeLine {
	field: string
	/** Absent for a create; '—' for a value that was empty. */
	before?: string
	/** Absent for a delete. */
	after?: string
}

// Bookkeeping columns every record has: their values say nothing a reader of the log needs.
const SKIPPED = new Set(['id', 'createdAt', 'updatedAt', 'created_at', 'updated_at', 'passwordHash', 'password_hash'])
const WORDS: Record<string, string> = {
	rmb: 'RMB',
	usd: 'USD',
	mlps: 'MLPS',
	psb: 'PSB',
	ciio: 'CIIO',
	id: 'ID',
	pi: 'PI',
	fx: 'FX',
	npv: 'NPV',
	csv: 'CSV',
	it: 'IT',
}

/** 'priorYearGlobalTurnoverRmb' or 'china_revenue_rmb' -> 'Prior year global turnover RMB'. */
export function fieldLabel(key: string): string {
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[\s_]+/)
		.filter(Boolean)
		.map(w => WORDS[w.toLowerCase()] ?? w.toLowerCase())
	const text = words.join(' ')
	return text.charAt(0).toUpperCase() + text.slice(1)
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const grouped = (n: number) => (Number.isInteger(n) ? n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n))

/** A stored value in words: yes/no, grouped numbers, lists joined, '—' for empty. */
export function valueText(v: unknown): string {
	if (v === null || v === undefined || v === '') return '—'
	if (typeof v === 'boolean') return v ? 'yes' : 'no'
	if (typeof v === 'number') return grouped(v)
	if (typeof v === 'string') return v
	if (Array.isArray(v)) {
		if (!v.length) return 'none'
		return v.every(x => !isRecord(x) && !Array.isArray(x))
			? v.map(valueText).join(', ')
			: `${v.length} ${v.length === 1 ? 'item' : 'items'}`
	}
	return JSON.stringify(v)
}

/** Flattens nested objects to 'Parent · Child' paths; arrays stay whole (compared as a whole). */
function flatten(value: unknown, prefix: string[] = [], out = new Map<string, { label: string; value: unknown }>()) {
	if (!isRecord(value)) return out
	for (const [k, v] of Object.entries(value)) {
		if (SKIPPED.has(k)) continue
		const path = [...prefix, k]
		if (isRecord(v)) flatten(v, path, out)
		else out.set(path.join('.'), { label: path.map(fieldLabel).join(' · '), value: v })
	}
	return out
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The lines of one audit entry's change, in the order its fields were written. */
export function describeAuditChange(before: unknown, after: unknown): ChangeLine[] {
	const b = flatten(before)
	const a = flatten(after)
	if (isRecord(before) && isRecord(after)) {
		const lines: ChangeLine[] = []
		for (const [path, { label, value }] of a) {
			const was = b.get(path)
			if (was && same(was.value, value)) continue
			const beforeText = was ? valueText(was.value) : '—'
			let afterText = valueText(value)
			// Two lists of records of the same length read the same as counts: say that they changed.
			if (beforeText === afterText) afterText = `${afterText} (changed)`
			lines.push({ field: label, before: beforeText, after: afterText })
		}
		return lines
	}
	if (isRecord(after))
		return [...a.values()].filter(x => valueText(x.value) !== '—').map(x => ({ field: x.label, after: valueText(x.value) }))
	if (isRecord(before))
		return [...b.values()].filter(x => valueText(x.value) !== '—').map(x => ({ field: x.label, before: valueText(x.value) }))
	return []
}

const ACTIONS: Record<string, string> = {
	create: 'Created',
	update: 'Updated',
	delete: 'Deleted',
	archive: 'Archived (left out of lists and scoring, kept for the record)',
	restore: 'Restored from the archive',
	import: 'Imported (CSV)',
	'login.success': 'Signed in',
	'login.failure': 'Sign-in refused',
	'login.locked': 'Sign-in locked out',
	logout: 'Signed out',
}

/** 'login.failure' -> 'Sign-in refused'; 'scenario.approve' -> 'Scenario approve'; unknown actions read as words. */
export const actionLabel = (action: string) => ACTIONS[action] ?? fieldLabel(action.replace(/[.:]/g, '_'))
