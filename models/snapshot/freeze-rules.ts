// Which quarter may be frozen, and on which scoring date: only a quarter that has ended (a snapshot is for ever,
// and an unfinished quarter's figures are still moving), scored on a date inside it. The database's own checks
// (already frozen, earlier than the chain's head) stay with the insert, under its lock.

import { isIsoDate } from '../dates.ts'
import { isQuarter, nextQuarter, previousQuarter, quarterEndDate, quarterOf, quarterStartDate } from '../quarter.ts'

export type FreezeRuleCode = 'invalid_quarter' | 'unfinished_quarter' | 'invalid_as_of' | 'not_confirmed'

export type FreezePlan = { ok: true; quarter: string; asOf: string } | { ok: false; code: FreezeRuleCode; message: string }

/** The quarter the freeze form offers: the last one that has ended. */
export function lastEndedQuarter(now: Date): string {
	return previousQuarter(quarterOf(now))
}

/**
 * Checks a freeze request: a well-formed quarter that has ended by `now` (UTC), a scoring date inside it (default: its
 * last day), and, when `confirmation` is given, the quarter typed again to confirm.
 */
export function planFreeze(input: { quarter: string; now: Date; asOf?: string; confirmation?: string }): FreezePlan {
	const { quarter, now } = input
	if (!isQuarter(quarter))
		return {
			ok: false,
			code: 'invalid_quarter',
			message: `'${String(quarter).slice(0, 20)}' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3.`,
		}
	const today = now.toISOString().slice(0, 10)
	const end = quarterEndDate(quarter)
	if (end >= today)
		return {
			ok: false,
			code: 'unfinished_quarter',
			message: `Quarter ${quarter} has not ended (it ends on ${end}); it can be frozen from ${quarterStartDate(nextQuarter(quarter))}. A snapshot is for ever: only an ended quarter is frozen.`,
		}
	const asOf = input.asOf ?? end
	if (!isIsoDate(asOf) || asOf < quarterStartDate(quarter) || asOf > end)
		return {
			ok: false,
			code: 'invalid_as_of',
			message: `The scoring date ${asOf} must be a date inside ${quarter} (${quarterStartDate(quarter)} to ${end}).`,
		}
	if (input.confirmation !== undefined && input.confirmation.trim() !== quarter)
		return { ok: false, code: 'not_confirmed', message: `Type the quarter, ${quarter}, to confirm: a frozen quarter can never be changed.` }
	return { ok: true, quarter, asOf }
}
