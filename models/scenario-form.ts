// The scenario editor's posted draft, parsed by schema, and the workflow's rules (who may move a
// scenario from which status to which). Pure; the server and the browser share it.
import { z } from 'zod'
import { DATA_HANDLING, type Role, type ScenarioAssumptions, type ScenarioStatus } from './domain.ts'
import { can } from './permissions.ts'
import { DESTINATION_REQUIRED } from './scenario/validate.ts'

const rate = (label: string, max = 1) =>
	z
		.number({ error: `${label} must be a number` })
		.min(0, `${label} cannot be negative`)
		.max(max, `${label} must be at most ${max * 100}%`)
const range = (label: string) =>
	z
		.object({ low: rate(`${label} (low)`), base: rate(`${label} (base)`), high: rate(`${label} (high)`) })
		.refine(r => r.low <= r.base && r.base <= r.high, `${label}: low must not exceed base, nor base exceed high`)
const whole = (label: string, max: number) =>
	z
		.number({ error: `${label} must be a number` })
		.int(`${label} must be a whole number`)
		.min(0, `${label} cannot be negative`)
		.max(max, `${label} is too large`)

export const AssumptionsSchema = z.object({
	discountRate: rate('Discount rate', 0.5),
	horizonYears: z
		.number()
		.int('Horizon must be whole years')
		.min(1, 'Horizon must be at least 1 year')
		.max(20, 'Horizon must be at most 20 years'),
	wageInflation: range('Wage inflation'),
	attrition: range('Attrition'),
	severancePremiumMonths: whole('Premium months (the k of N+k)', 24),
	recruitmentCostPerHireUsd: whole('Recruitment cost per hire', 1_000_000),
	dualRunningMonths: whole('Dual running months', 36),
	oneOffRelocationCostUsd: whole('One-off relocation costs', 10_000_000_000),
	usdCny: z
		.number({ error: 'USD/CNY must be a number' })
		.min(1, 'USD/CNY must be between 1 and 20')
		.max(20, 'USD/CNY must be between 1 and 20'),
}) satisfies z.ZodType<ScenarioAssumptions>

export const MoveSchema = z.object({
	staffingLineId: z.number().int().positive('Choose a staffing line'),
	headcount: z
		.number({ error: 'Headcount must be a number' })
		.int('Headcount must be whole people')
		.min(1, 'Headcount must be at least 1')
		.max(1_000_000),
	// null is a cut (redundancy, no destination); a move whose destination was never chosen has none at all.
	destinationId: z.number({ error: DESTINATION_REQUIRED }).int().positive().nullable(),
	startQuarter: z.string().regex(/^20\d\d-Q[1-4]$/, 'Start quarter must look like 2027-Q1'),
	dataHandling: z.enum(DATA_HANDLING, { error: `Data handling must be one of: ${DATA_HANDLING.join(', ')}` }),
})

export const ScenarioDraftSchema = z.object({
	name: z.string().trim().min(1, 'Name is required').max(200, 'Name must be at most 200 characters'),
	description: z.string().trim().max(4000, 'Description must be at most 4,000 characters'),
	assumptions: AssumptionsSchema,
	moves: z.array(MoveSchema).max(200, 'At most 200 moves in one scenario'),
})
export type ScenarioDraftInput = z.output<typeof ScenarioDraftSchema>

/** Parses the editor's JSON field; errors come back with their path, e.g. "moves.2.headcount". */
export function parseScenarioDraft(json: unknown) {
	let value: unknown
	try {
		value = typeof json === 'string' ? JSON.parse(json) : json
	} catch {
		return { ok: false as const, errors: [{ path: 'draft', message: 'The scenario could not be read; reload the page and try again.' }] }
	}
	const parsed = ScenarioDraftSchema.safeParse(value)
	if (!parsed.success) return { ok: false as const, errors: parsed.error.issues.map(i => ({ path: i.path.join('.'), message: i.message })) }
	return { ok: true as const, value: parsed.data }
}

export type ScenarioAction = 'save' | 'propose' | 'withdraw' | 'approve' | 'reject' | 'delete'

/**
 * The workflow: analysts edit drafts (and rejected scenarios, which return to draft when saved), propose
 * them and may withdraw a proposal; executives approve or reject proposals (a rejection needs a reason).
 * Approved scenarios are frozen. Returns the new status, or why not.
 */
export function scenarioTransition(
	role: Role,
	status: ScenarioStatus,
	action: ScenarioAction,
): { ok: true; status: ScenarioStatus | 'deleted' } | { ok: false; reason: string } {
	const writer = can(role, 'scenarios:write')
	const decider = can(role, 'scenarios:decide')
	switch (action) {
		case 'save':
			if (!writer) return { ok: false, reason: 'Your role cannot edit scenarios.' }
			if (status === 'draft' || status === 'rejected') return { ok: true, status: 'draft' }
			return {
				ok: false,
				reason: `A ${status} scenario cannot be edited; ${status === 'proposed' ? 'withdraw it first' : 'copy it into a new draft'}.`,
			}
		case 'propose':
			if (!writer) return { ok: false, reason: 'Your role cannot propose scenarios.' }
			return status === 'draft'
				? { ok: true, status: 'proposed' }
				: { ok: false, reason: `Only a draft can be proposed; this one is ${status}.` }
		case 'withdraw':
			if (!writer) return { ok: false, reason: 'Your role cannot withdraw scenarios.' }
			return status === 'proposed'
				? { ok: true, status: 'draft' }
				: { ok: false, reason: `Only a proposed scenario can be withdrawn; this one is ${status}.` }
		case 'approve':
		case 'reject':
			if (!decider) return { ok: false, reason: 'Only an executive can approve or reject a scenario.' }
			return status === 'proposed'
				? { ok: true, status: action === 'approve' ? 'approved' : 'rejected' }
				: { ok: false, reason: `Only a proposed scenario can be decided; this one is ${status}.` }
		case 'delete':
			if (!writer) return { ok: false, reason: 'Your role cannot delete scenarios.' }
			return status === 'draft'
				? { ok: true, status: 'deleted' }
				: { ok: false, reason: 'Only a draft can be deleted; decided scenarios stay on record.' }
	}
}

/** House assumptions for a first scenario (later drafts start from the latest one's). */
export const DEFAULT_SCENARIO_ASSUMPTIONS: ScenarioAssumptions = {
	discountRate: 0.08,
	horizonYears: 5,
	wageInflation: { low: 0.03, base: 0.045, high: 0.06 },
	attrition: { low: 0.05, base: 0.1, high: 0.15 },
	severancePremiumMonths: 1,
	recruitmentCostPerHireUsd: 4_000,
	dualRunningMonths: 3,
	oneOffRelocationCostUsd: 1_000_000,
	usdCny: 7.2, // the same FX assumption as seed/reference/fx.ts
}
