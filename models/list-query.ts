// Table state (sort, filters, page) as a pure value, parsed from and written back to the URL,
// so every table view can be linked, exported and printed. Shared by the server and the browser.
import { z } from 'zod'

export const PAGE_SIZES = [25, 50, 100, 200] as const
export const DEFAULT_PAGE_SIZE = 50

export interface ListQuery<S extends string = string, F extends string = string> {
	sort: S
	desc: boolean
	page: number // 1-based
	pageSize: number
	q: string // free-text search over the table's searchable columns
	filters: Partial<Record<F, string>>
}

export interface ListSpec<S extends string, F extends string> {
	sortKeys: readonly S[]
	defaultSort: NoInfer<S>
	defaultDesc?: boolean
	/** Each filter's allowed values; `null` means any string up to 100 characters. */
	filters: Record<F, readonly string[] | null>
}

export interface ListResult<T> {
	rows: T[]
	total: number
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: Array<{ param: string; message: string }> }

/**
 * Parses `?sort=name.desc&page=2&size=50&q=…&city=Shanghai` against a table's spec.
 * Unknown parameters are ignored; known ones with bad values are reported by name.
 */
export function parseListQuery<S extends string, F extends string>(
	params: URLSearchParams,
	spec: ListSpec<S, F>,
): ParseResult<ListQuery<S, F>> {
	const errors: Array<{ param: string; message: string }> = []
	let sort = spec.defaultSort
	let desc = spec.defaultDesc ?? false
	const sortParam = params.get('sort')
	if (sortParam) {
		const [key, dir = 'asc'] = sortParam.split('.')
		if (!spec.sortKeys.includes(key as S)) {
			errors.push({ param: 'sort', message: `unknown sort column "${key}"; use one of ${spec.sortKeys.join(', ')}` })
		} else if (dir !== 'asc' && dir !== 'desc') {
			errors.push({ param: 'sort', message: `sort direction must be "asc" or "desc", not "${dir}"` })
		} else {
			sort = key as S
			desc = dir === 'desc'
		}
	}
	const page = intParam(params, 'page', 1, 1, 1_000_000, errors)
	const pageSize = intParam(params, 'size', DEFAULT_PAGE_SIZE, 1, 500, errors)
	const q = params.get('q')?.trim() ?? ''
	if (q.length > 100) errors.push({ param: 'q', message: 'search text is longer than 100 characters' })
	const filters: Partial<Record<F, string>> = {}
	for (const [name, allowed] of Object.entries(spec.filters) as Array<[F, readonly string[] | null]>) {
		const value = params.get(name)
		if (value === null || value === '') continue
		if (allowed && !allowed.includes(value)) {
			errors.push({ param: name, message: `"${value}" is not a valid ${name}; use one of ${allowed.join(', ')}` })
		} else if (value.length > 100) {
			errors.push({ param: name, message: `${name} is longer than 100 characters` })
		} else {
			filters[name] = value
		}
	}
	if (errors.length) return { ok: false, errors }
	return { ok: true, value: { sort, desc, page, pageSize, q, filters } }
}

function intParam(
	params: URLSearchParams,
	name: string,
	fallback: number,
	min: number,
	max: number,
	errors: Array<{ param: string; message: string }>,
) {
	const raw = params.get(name)
	if (raw === null || raw === '') return fallback
	const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw)
	if (!parsed.success) {
		errors.push({ param: name, message: `${name} must be a whole number from ${min} to ${max}, not "${raw.slice(0, 40)}"` })
		return fallback
	}
	return parsed.data
}

/** Writes a query back to URL parameters, leaving defaults out so links stay short. */
export function listQueryToParams<S extends string, F extends string>(query: ListQuery<S, F>, spec: ListSpec<S, F>) {
	const params = new URLSearchParams()
	if (query.sort !== spec.defaultSort || query.desc !== (spec.defaultDesc ?? false))
		params.set('sort', `${query.sort}.${query.desc ? 'desc' : 'asc'}`)
	if (query.q) params.set('q', query.q)
	for (const [k, v] of Object.entries(query.filters)) if (v) params.set(k, v as string)
	if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(query.pageSize))
	if (query.page > 1) params.set('page', String(query.page))
	return params
}

/**
 * Sorts, searches and pages a small, fully loaded list (a dozen destinations) the way SQL would a
 * large one, so every table behaves alike. `value` reads a row's sort key; `text` what `q` searches.
 */
export function applyListQuery<T, S extends string>(
	rows: readonly T[],
	query: ListQuery<S>,
	value: (row: T, key: S) => string | number | null,
	text: (row: T) => string,
): ListResult<T> {
	const q = query.q.toLowerCase()
	const kept = q ? rows.filter(r => text(r).toLowerCase().includes(q)) : [...rows]
	const dir = query.desc ? -1 : 1
	kept.sort((a, b) => {
		const x = value(a, query.sort)
		const y = value(b, query.sort)
		if (x === y) return 0
		if (x === null) return 1 // unknowns last, whichever the direction
		if (y === null) return -1
		return (x < y ? -1 : 1) * dir
	})
	const start = (query.page - 1) * query.pageSize
	return { rows: kept.slice(start, start + query.pageSize), total: kept.length }
}
