// The board pack's executive summary, the parts computed from the frozen quarter: what falls due in the quarter
// after it (MLPS filings and assessments by their due dates, transfer mechanisms by their expiry), in date order.
import { type PortfolioInventory } from './domain.ts'
import { mlpsObligations } from './mlps-obligations.ts'
import { nextQuarter, quarterEndDate, quarterStartDate } from './quarter.ts'

export interface DueItem {
	dueOn: string // 'YYYY-MM-DD'
	unit: string
	what: string
}

const MECHANISMS: Record<string, string> = {
	security_assessment: 'CAC security assessment',
	standard_contract: 'standard contract filing',
	certification: 'personal information protection certification',
}

/** Obligations and expiries dated inside the quarter after `quarter`, scored as of `asOf` (the snapshot's date). */
export function dueNextQuarter(p: PortfolioInventory, quarter: string, asOf: string): { quarter: string; items: DueItem[] } {
	const next = nextQuarter(quarter)
	const from = quarterStartDate(next)
	const to = quarterEndDate(next)
	const inside = (d: string | null): d is string => d !== null && d >= from && d <= to
	const items: DueItem[] = []
	for (const u of p.units) {
		for (const s of u.systems) {
			for (const o of mlpsObligations(s, asOf).obligations) {
				if (inside(o.dueOn))
					items.push({ dueOn: o.dueOn, unit: u.unit.name, what: `${s.name}: ${o.title.charAt(0).toLowerCase()}${o.title.slice(1)}` })
			}
		}
		for (const f of u.flows) {
			if (inside(f.mechanismExpiresOn))
				items.push({
					dueOn: f.mechanismExpiresOn,
					unit: u.unit.name,
					what: `${f.name}: the ${MECHANISMS[f.mechanismInPlace] ?? 'transfer mechanism'} to ${f.destinationCountry} expires`,
				})
		}
	}
	return {
		quarter: next,
		items: items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.unit.localeCompare(b.unit) || a.what.localeCompare(b.what)),
	}
}
