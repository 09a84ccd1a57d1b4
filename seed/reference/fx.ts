// FX rates used to compare RMB wages with USD destination costs. ASSUMPTIONS, not sourced:
// regulations.json (`fx_assumptions_for_estimates`) says "rounded assumptions, not sourced; replace with live rates".
// The destination cost ranges were themselves set with these rounded rates (caveats.md, "Caveats on cost figures").
import { type Sourced } from './provenance.ts'

export const FX_CURRENCIES = ['CNY', 'SGD', 'HKD', 'JPY', 'KRW', 'TWD', 'INR', 'PHP', 'MYR', 'VND', 'THB'] as const
export type FxCurrency = (typeof FX_CURRENCIES)[number]

export const FX_ASSUMPTIONS = {
	/** Units of each currency per 1 USD. */
	perUsd: {
		CNY: 7.2,
		SGD: 1.35,
		HKD: 7.8,
		JPY: 150,
		KRW: 1380,
		TWD: 32,
		INR: 85,
		PHP: 57,
		MYR: 4.5,
		VND: 25000,
		THB: 35,
	} satisfies Record<FxCurrency, number>,
	isAssumption: true,
	note: 'rounded assumptions , not sourced; replace with live rates',
	source: 'assumption',
	asOf: '2025 approx.',
	verified: false, // an assumption is never a verified fact
} as const satisfies Sourced

/** The default `ScenarioAssumptions.usdCny` (an assumption: see FX_ASSUMPTIONS). */
export const DEFAULT_USD_CNY: number = FX_ASSUMPTIONS.perUsd.CNY
