// Side-by-side rows for several scenario results (the comparison table).

import { type ScenarioComparisonRow, type ScenarioResult } from './types.ts'

/**
 * One row per result, in the order given: one-off cost, run-rate saving, NPV (USD), payback month, the exposure
 * change (sum of score deltas over every unit and dimension, negative is better; bands improved and worsened), the
 * art. 41 units and the new transfers by mechanism. `best` marks the row(s) with the best value of each measure:
 * highest NPV and saving, earliest payback (never is worst), lowest one-off cost, lowest exposure change (a fall beats
 * a rise: -4 is better than +42). Where every row has the same value nothing is marked: none is better.
 */
export function compareScenarios(results: Array<{ name: string; result: ScenarioResult }>): ScenarioComparisonRow[] {
	const rows = results.map(({ name, result }) => {
		const mechanisms = { security_assessment: 0, standard_contract_or_certification: 0, exempt: 0 }
		for (const t of result.newTransfers) mechanisms[t.requirement.mechanism] += 1
		return {
			name,
			oneOffUsd: result.oneOff.total,
			annualSavingUsd: result.annualSavingUsd,
			npvUsd: result.npvUsd,
			paybackMonth: result.paybackMonth,
			paybackLabel: result.paybackLabel,
			exposureScoreDelta: result.exposure.totals.scoreDelta,
			bandsImproved: result.exposure.totals.bandsImproved,
			bandsWorsened: result.exposure.totals.bandsWorsened,
			massLayoffUnits: result.massLayoff.filter(u => u.applies).length,
			newTransfers: result.newTransfers.length,
			newTransferMechanisms: mechanisms,
			localisationIssues: result.newTransfers.filter(t => t.localisation.issue).length,
			best: { npv: false, payback: false, oneOff: false, annualSaving: false, exposure: false },
		}
	})
	if (rows.length < 2) return rows
	const mark = (key: keyof ScenarioComparisonRow['best'], value: (r: ScenarioComparisonRow) => number, higher: boolean) => {
		const values = rows.map(value)
		const best = higher ? Math.max(...values) : Math.min(...values)
		if (!Number.isFinite(best) || values.every(v => v === best)) return
		rows.forEach((r, i) => (r.best[key] = values[i] === best))
	}
	mark('npv', r => r.npvUsd, true)
	mark('annualSaving', r => r.annualSavingUsd, true)
	mark('oneOff', r => r.oneOffUsd, false)
	mark('payback', r => r.paybackMonth ?? Number.POSITIVE_INFINITY, false)
	mark('exposure', r => r.exposureScoreDelta, false)
	return rows
}
