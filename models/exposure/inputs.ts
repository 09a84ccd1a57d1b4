// A finding's inputs as a reader sees them under its title. The engine keeps the raw values (a share is 0-1, a
// factor a multiplier), and this says them in the units the title uses: a share as a percentage with the title's
// rounding, a factor with its decimals, a count with grouping. Whole-number formatting of everything once listed
// "Approaching share: 0" under a flow 1 short of 1,000,000 and "Share: 0" under "4.8% of the group's staff".
import { type FindingInputs } from './types.ts'

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })

/** Whether an input is a share (0-1) shown as a percentage: its key ends in "share" (share, approachingShare…). */
const isShare = (key: string) => /share$/i.test(key)

/** One input value in words: unknown, Yes/No, a percentage (shares), a grouped number with its decimals, or text. */
export function formatFindingInput(key: string, value: FindingInputs[string]): string {
	if (value === null) return 'unknown'
	if (typeof value === 'boolean') return value ? 'Yes' : 'No'
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return String(value)
		// The workforce title rounds to one decimal of a percent (4.8%), and so does this.
		if (isShare(key)) return `${GROUPED.format(Math.round(value * 1000) / 10)}%`
		return GROUPED.format(value)
	}
	return String(value)
}

/** A finding's inputs as [key, text] pairs, in the engine's order. */
export function findingInputList(inputs: FindingInputs): Array<[key: string, text: string]> {
	return Object.entries(inputs).map(([k, v]) => [k, formatFindingInput(k, v)])
}
