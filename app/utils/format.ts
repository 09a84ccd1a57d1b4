// Formatters for people: thousands separators, currency named, units spelled out.
const int = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })

export const formatInt = (n: number | null | undefined) => (n == null ? '—' : int.format(n))

/** RMB 1,234,567 — or compact 'RMB 1.2bn' for headline figures. */
export function formatRmb(n: number | null | undefined, opts: { compact?: boolean } = {}) {
	if (n == null) return '—'
	return `RMB ${opts.compact ? compact(n) : int.format(Math.round(n))}`
}

export function formatUsd(n: number | null | undefined, opts: { compact?: boolean } = {}) {
	if (n == null) return '—'
	const sign = n < 0 ? '−' : ''
	return `${sign}USD ${opts.compact ? compact(Math.abs(n)) : int.format(Math.round(Math.abs(n)))}`
}

function compact(n: number) {
	const abs = Math.abs(n)
	if (abs >= 1e10) return `${int.format(n / 1e9)}bn` // 'RMB 19,395bn': grouped, never '19395bn'
	if (abs >= 1e9) return `${(n / 1e9).toFixed(1)}bn`
	if (abs >= 1e6) return `${(n / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}m`
	if (abs >= 1e4) return `${(n / 1e3).toFixed(0)}k`
	return int.format(n)
}

export const formatPercent = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`

// One formatter for every date (toLocaleDateString builds a new one per call: tables format hundreds).
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** '2026-11-23' → '23 Nov 2026' */
export function formatDate(d: string | null | undefined) {
	if (!d) return '—'
	const [y, m, day] = d.slice(0, 10).split('-').map(Number)
	if (!y || !m || !day) return d
	return dayMonthYear.format(Date.UTC(y, m - 1, day))
}

/** The database's '2026-11-23 14:05:09' (UTC) → '23 Nov 2026, 14:05 UTC' */
export function formatDateTime(d: string | null | undefined) {
	if (!d) return '—'
	const time = /[ T](\d\d:\d\d)/.exec(d)?.[1]
	return time ? `${formatDate(d)}, ${time} UTC` : formatDate(d)
}

/** 'back_office' or 'exporterIsCiio' → 'Back office', 'Exporter is ciio' (acronyms kept where upper-cased in the input). */
export const humanize = (s: string) =>
	s
		.replace(/_/g, ' ')
		.replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
		.replace(/^\w/, c => c.toUpperCase())
