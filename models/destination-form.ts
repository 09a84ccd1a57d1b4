// The destination form: its fields, validated. A new destination names its city, country and whether it is in
// mainland China; an existing one keeps those (they identify it) and changes the rest.
import { z } from 'zod'
import { COST_EVIDENCE, type Destination, STAFF_FUNCTIONS } from './domain.ts'
import { type FormParse, parseFields } from './form-errors.ts'

const cost = z.union([
	z.literal(''),
	z.coerce
		.number({ error: 'must be a number' })
		.int('must be whole US dollars')
		.min(1_000, 'must be at least USD 1,000')
		.max(2_000_000, 'must be at most USD 2,000,000'),
])

const Identity = z.object({
	city: z.string().trim().min(1, 'City is required').max(64, 'City must be at most 64 characters'),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'Country must be a two-letter ISO code, e.g. MY'),
	isMainlandChina: z.enum(['yes', 'no'], { error: 'Say whether the city is in mainland China' }),
})

const Details = z.object({
	hiringLeadTimeMonths: z.coerce
		.number({ error: 'Hiring lead time must be a number' })
		.int('Hiring lead time must be whole months')
		.min(0, 'Hiring lead time cannot be negative')
		.max(36, 'Hiring lead time must be at most 36 months'),
	privacyLaw: z.string().trim().min(1, 'Privacy law is required').max(2000),
	privacyCrossBorder: z.string().trim().min(1, 'Describe its cross-border rules').max(4000),
	source: z.string().trim().min(1, 'Name the source of these figures').max(2000),
	asOf: z.string().trim().min(1, 'Say when these figures were true (e.g. 2026-01)').max(100, 'At most 100 characters'),
	...Object.fromEntries(
		STAFF_FUNCTIONS.flatMap(f => [
			[`cost_${f}`, cost],
			[`evidence_${f}`, z.enum(COST_EVIDENCE)],
		]),
	),
})

export type DestinationDetails = Pick<
	Destination,
	'hiringLeadTimeMonths' | 'privacyLaw' | 'privacyCrossBorder' | 'source' | 'asOf' | 'costs'
>
export type DestinationIdentity = Pick<Destination, 'city' | 'country' | 'isMainlandChina'>

/** The details every save writes (costs from the cost and evidence columns; an empty cost is no figure). */
export function parseDestinationDetails(values: Record<string, unknown>): FormParse<DestinationDetails> {
	const parsed = parseFields(Details, values)
	if (!parsed.ok) return parsed
	const v = parsed.data as Record<string, unknown> & Omit<DestinationDetails, 'costs'>
	const costs = STAFF_FUNCTIONS.filter(f => v[`cost_${f}`] !== '').map(f => ({
		function: f,
		annualCostUsd: v[`cost_${f}`] as number,
		evidence: v[`evidence_${f}`] as (typeof COST_EVIDENCE)[number],
	}))
	const { hiringLeadTimeMonths, privacyLaw, privacyCrossBorder, source, asOf } = v
	return { ok: true, data: { hiringLeadTimeMonths, privacyLaw, privacyCrossBorder, source, asOf, costs } }
}

/** What names a new destination. */
export function parseDestinationIdentity(values: Record<string, unknown>): FormParse<DestinationIdentity> {
	const parsed = parseFields(Identity, values)
	if (!parsed.ok) return parsed
	return {
		ok: true,
		data: { city: parsed.data.city, country: parsed.data.country, isMainlandChina: parsed.data.isMainlandChina === 'yes' },
	}
}
