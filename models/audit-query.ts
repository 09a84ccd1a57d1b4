// The audit page's URL: who, what, which entity, from and to (inclusive dates), page. Parsed by schema;
// a bad value is a 400 that names the parameter.
import { z } from 'zod'

const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
	.refine(s => {
		const d = new Date(`${s}T00:00:00Z`)
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
	}, 'is not a real date')

export const AuditQuerySchema = z.object({
	actor: z.string().trim().max(191, 'must be at most 191 characters').optional(),
	entity: z.string().trim().max(64, 'must be at most 64 characters').optional(),
	action: z.string().trim().max(64, 'must be at most 64 characters').optional(),
	from: day.optional(),
	to: day.optional(),
	page: z.coerce
		.number({ error: 'must be a whole number' })
		.int('must be a whole number')
		.min(1, 'must be 1 or more')
		.max(1_000_000)
		.default(1),
})
export type AuditQuery = z.output<typeof AuditQuerySchema>

export const AUDIT_PAGE_SIZE = 50

export function parseAuditQuery(params: URLSearchParams) {
	const raw = Object.fromEntries(
		[...params].filter(([k, v]) => v !== '' && ['actor', 'entity', 'action', 'from', 'to', 'page'].includes(k)),
	)
	const parsed = AuditQuerySchema.safeParse(raw)
	if (!parsed.success) return { ok: false as const, errors: parsed.error.issues.map(i => `${String(i.path[0])}: ${i.message}`) }
	if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to)
		return { ok: false as const, errors: ['from: must not be after "to"'] }
	return { ok: true as const, value: parsed.data }
}
