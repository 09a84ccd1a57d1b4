// The relocation model's own assumptions, named so that a reader (and the UI) can see each one. Figures fixed by
// law live in ../severance.ts and ../cross-border.ts and are reused from there, not restated.

import { type PremiumBase } from '../severance.ts'
import { type NoticeInLieuPolicy } from './types.ts'

/**
 * Employer on-costs in China on top of the gross wage, as a share of it: social insurance plus the housing fund.
 * Typical employer rates (general knowledge, NOT verified against the 2025-26 local notices): pension 16%, medical
 * incl. maternity ~9-10%, unemployment 0.5%, work injury ~0.2-0.5%, housing fund 5-12% (7% in Shanghai, up to 12%
 * in Beijing at many multinationals): ~32-39%, so 35%. Not modelled: the contribution base cap (3x the local
 * average, which lowers the rate for the highest earners), supplementary benefits, and workplace overhead (office,
 * IT). Destination costs are "fully loaded" and some include real estate (Bengaluru's C&W figure does), so leaving
 * overhead out of the China side understates the saving rather than overstating it.
 */
export const CHINA_EMPLOYER_ON_COST_RATE = 0.35

/**
 * The premium k of N+k is k months of the employee's OWN wage, not capped at 3x the local average: packages are
 * written as "k months' salary", and the uncapped figure is the higher, safer estimate (severance.ts's default).
 * Pass options.premiumBase = 'statutory_base' to cap it like the art. 47 base.
 */
export const PREMIUM_BASE: PremiumBase = 'wage'

/** See NoticeInLieuPolicy: pay the art. 40 month in lieu only where the law requires it. */
export const NOTICE_IN_LIEU_POLICY: NoticeInLieuPolicy = 'when_required'

/** Labour Contract Law art. 40: 30 days' written notice, or one month's wage in lieu of it (fixed by law). */
export const ART40_NOTICE_DAYS = 30

/** Monte Carlo defaults: 1,000 runs with seed 1 unless told otherwise; never more than MAX_SIMULATION_RUNS. */
export const DEFAULT_SIMULATION_RUNS = 1_000
export const DEFAULT_SIMULATION_SEED = 1
export const MAX_SIMULATION_RUNS = 20_000

/** The conventions every result rests on, in words, for the page that shows the result. */
export const SCENARIO_MODEL_NOTES: readonly string[] = [
	'Cash is monthly and relative to doing nothing: month 0 is the calendar month of the analysis date, each event falls in the calendar month of its date, and a cost runs for whole months.',
	'Each move starts on the first day of its start quarter (or on the analysis date if that quarter has begun): the plan is announced (art. 41 explanation to the union, or art. 40 written notice) and hiring at the destination begins.',
	"Relocation: the destination team is in post after the destination's hiring lead time, both teams run side by side for the dual-running months, then the China contracts end. A cut ends the China contracts as soon as the procedure allows.",
	"Art. 41 is assessed per business unit (the employing entity) on all the roles the scenario takes out of its China contracts, moves inside China included (staff are not assumed to follow): 20 or more, or 10% or more of the unit's headcount. Under art. 41 no contract ends before the 30-day explanation period is over.",
	"Severance is statutory N under art. 47 with the city's cap, on the line's average wage and on its average tenure grown to the effective date; wage inflation also grows the wage and the local average used for the cap.",
	'Attrition is the annual rate at which affected staff leave of their own accord between the announcement and the effective date; leavers get no severance, are not replaced in China, and are still hired at the destination.',
	"Wage inflation grows China and destination costs once a year from the analysis date (years 0, 1, 2 ... of the horizon). USD amounts use the scenario's usdCny assumption.",
	'NPV discounts month i by (1 + discountRate)^(-i/12); month 0 is not discounted.',
	'Payback is the first month from which the cumulative undiscounted cash stays at or above zero until the end of the horizon.',
	'The one-off relocation cost is shared across relocation moves by headcount (across all moves when there are only cuts) and paid in the month each move starts; recruitment is paid when hiring is done; severance, notice and premium when the contracts end.',
	"Exposure after the moves is scored on the same analysis date and model settings as before, on a copy of the inventory: moved and cut headcount leaves its line; roles moved inside mainland China join a new line of the same unit in the destination city; cuts reduce the group's global headcount of the function; new cross-border flows are added with no mechanism in place.",
]
