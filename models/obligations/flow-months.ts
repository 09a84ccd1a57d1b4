// Optional monthly counts per flow (individuals provided abroad in one calendar month), the refinement of the
// threshold forecast: the CSV they are imported from and exported to, and its validation. A month is one row per
// flow and month; importing a row again replaces its counts.
import { z } from 'zod'
import { type FlowMonthCount } from '../domain.ts'
import { code, MAX_COUNT, whole } from '../inventory-schemas.ts'

export const FLOW_MONTH_CSV_COLUMNS = ['flow_code', 'month', 'pi_individuals', 'sensitive_pi_individuals'] as const

const month = z
	.string({ error: 'Month is required' })
	.trim()
	.refine(v => /^\d{4}-(0[1-9]|1[0-2])$/.test(v), { message: 'Month must be written YYYY-MM, e.g. 2026-03' })

export const flowMonthFieldsSchema = z.object({
	flow_code: code('Flow code'),
	month,
	pi_individuals: whole('Individuals in the month (personal information)', 0, MAX_COUNT),
	sensitive_pi_individuals: whole('Individuals in the month (sensitive personal information)', 0, MAX_COUNT),
})

export type FlowMonthFields = z.output<typeof flowMonthFieldsSchema>

/** The row key: a flow's code and the month (codes compare without case, as the import matches them). */
export const flowMonthKey = (flowCode: string, month: string) => `${flowCode.toLowerCase()} ${month}`

export function flowMonthToFields(
	m: Omit<FlowMonthCount, 'flowId'>,
	flowCode: string,
): Record<(typeof FLOW_MONTH_CSV_COLUMNS)[number], string> {
	return {
		flow_code: flowCode,
		month: m.month,
		pi_individuals: String(m.personalInfoIndividuals),
		sensitive_pi_individuals: String(m.sensitivePersonalInfoIndividuals),
	}
}

/** A month after `asOf`'s month cannot have been counted yet. */
export function futureMonthProblem(value: string, asOf: string): string | null {
	return value > asOf.slice(0, 7) ? `Month ${value} has not begun yet (today is ${asOf})` : null
}

/** The page's, the export's and the API's filter: ?flow=CODE and/or ?unit=CODE (unknown codes list nothing). */
export function flowMonthFilter(params: URLSearchParams): { flow?: string; unit?: string } {
	const pick = (name: string) => params.get(name)?.trim().slice(0, 64) || undefined
	return { flow: pick('flow'), unit: pick('unit') }
}
