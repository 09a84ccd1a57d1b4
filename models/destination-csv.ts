// Destinations as CSV rows: one row per city, its costs per function as columns (cost and evidence side by
// side), matched on city when imported. The same columns go out in an export and back in an import.
import { z } from 'zod'
import { COST_EVIDENCE, type Destination, STAFF_FUNCTIONS } from './domain.ts'

export const DESTINATION_CSV_COLUMNS = [
	'city',
	'country',
	'in_mainland_china',
	'hiring_lead_time_months',
	'privacy_law',
	'privacy_cross_border',
	'source',
	'as_of',
	...STAFF_FUNCTIONS.flatMap(f => [`cost_${f}_usd`, `evidence_${f}`]),
] as const

export function destinationToFields(d: Omit<Destination, 'id'>): Record<string, string> {
	const out: Record<string, string> = {
		city: d.city,
		country: d.country,
		in_mainland_china: d.isMainlandChina ? 'yes' : 'no',
		hiring_lead_time_months: String(d.hiringLeadTimeMonths),
		privacy_law: d.privacyLaw,
		privacy_cross_border: d.privacyCrossBorder,
		source: d.source,
		as_of: d.asOf,
	}
	for (const f of STAFF_FUNCTIONS) {
		const c = d.costs.find(x => x.function === f)
		out[`cost_${f}_usd`] = c ? String(c.annualCostUsd) : ''
		out[`evidence_${f}`] = c ? c.evidence : ''
	}
	return out
}

const text = (label: string, max: number) =>
	z
		.string({ error: `${label} is required` })
		.trim()
		.min(1, `${label} is required`)
		.max(max, `${label} must be at most ${max} characters`)
const cost = (label: string) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			const s = (v ?? '').trim().replace(/[,\s]/g, '')
			if (!s) return null
			if (!/^\d+$/.test(s) || Number(s) < 1_000 || Number(s) > 2_000_000) {
				ctx.addIssue({
					code: 'custom',
					message: `${label} must be whole US dollars from 1,000 to 2,000,000, or empty, not "${(v ?? '').slice(0, 30)}"`,
				})
				return z.NEVER
			}
			return Number(s)
		})
const evidence = (label: string) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			const s = (v ?? '').trim().toLowerCase()
			if (!s) return null
			if (!(COST_EVIDENCE as readonly string[]).includes(s)) {
				ctx.addIssue({ code: 'custom', message: `${label} must be sourced or estimate, not "${(v ?? '').slice(0, 30)}"` })
				return z.NEVER
			}
			return s as (typeof COST_EVIDENCE)[number]
		})

export const destinationFieldsSchema = z.object({
	city: text('City', 64),
	country: z
		.string({ error: 'Country is required' })
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'Country must be a two-letter ISO code, e.g. MY'),
	in_mainland_china: z
		.string()
		.optional()
		.transform((v, ctx) => {
			const s = (v ?? '').trim().toLowerCase()
			if (['yes', 'true', '1'].includes(s)) return true
			if (['no', 'false', '0', ''].includes(s)) return false
			ctx.addIssue({ code: 'custom', message: `In mainland China must be yes or no, not "${(v ?? '').slice(0, 30)}"` })
			return z.NEVER
		}),
	hiring_lead_time_months: z.string({ error: 'Hiring lead time is required' }).transform((v, ctx) => {
		const n = Number(v.trim())
		if (!/^\d+$/.test(v.trim()) || n > 36) {
			ctx.addIssue({ code: 'custom', message: `Hiring lead time must be whole months from 0 to 36, not "${v.slice(0, 30)}"` })
			return z.NEVER
		}
		return n
	}),
	privacy_law: text('Privacy law', 2000),
	privacy_cross_border: text('Cross-border rules', 4000),
	source: text('Source', 2000),
	as_of: text('As of', 100),
	...Object.fromEntries(
		STAFF_FUNCTIONS.flatMap(f => [
			[`cost_${f}_usd`, cost(`Cost (${f})`)],
			[`evidence_${f}`, evidence(`Evidence (${f})`)],
		]),
	),
})

/** A validated row as a destination (without id); a cost without evidence counts as an estimate. */
export function destinationFromFields(v: Record<string, unknown>): Omit<Destination, 'id'> {
	return {
		city: v.city as string,
		country: v.country as string,
		isMainlandChina: v.in_mainland_china as boolean,
		hiringLeadTimeMonths: v.hiring_lead_time_months as number,
		privacyLaw: v.privacy_law as string,
		privacyCrossBorder: v.privacy_cross_border as string,
		source: v.source as string,
		asOf: v.as_of as string,
		costs: STAFF_FUNCTIONS.filter(f => v[`cost_${f}_usd`] != null).map(f => ({
			function: f,
			annualCostUsd: v[`cost_${f}_usd`] as number,
			evidence: (v[`evidence_${f}`] as 'sourced' | 'estimate' | null) ?? 'estimate',
		})),
	}
}
