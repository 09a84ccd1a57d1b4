import { CHINA_CITIES, STAFF_FUNCTIONS } from '#models/domain.ts'
import { CROSS_BORDER_THRESHOLDS, PROVISIONS_2024_ARTICLES } from '#seed/reference/cross-border-regime.ts'
import { DESTINATIONS } from '#seed/reference/destinations.ts'
import { REFERENCE_FACTS } from '#seed/reference/facts.ts'
import { CITY_AVERAGE_WAGES, SEVERANCE_CAP_WAGES } from '#seed/reference/wages.ts'

describe('reference seed', () => {
	test('every reference fact has a unique key and its provenance', () => {
		const keys = REFERENCE_FACTS.map(f => f.key)
		expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
		for (const f of REFERENCE_FACTS) {
			expect(f.source.length).toBeGreaterThan(0)
			expect(f.asOf.length).toBeGreaterThan(0)
			expect(typeof f.verified).toBe('boolean')
		}
	})

	test('each China city has exactly one wage row used for the severance cap, the one SEVERANCE_CAP_WAGES names', () => {
		for (const city of CHINA_CITIES) {
			const used = CITY_AVERAGE_WAGES.filter(w => w.city === city && w.usedForCap)
			expect(used).toHaveLength(1)
			expect(SEVERANCE_CAP_WAGES[city].wage).toBe(used[0])
			expect(SEVERANCE_CAP_WAGES[city].capMonthlyRmb).toBe(3 * (used[0]?.monthlyRmb ?? 0))
		}
		expect(SEVERANCE_CAP_WAGES.Shanghai.wage.monthlyRmb).toBe(12_434) // full-caliber (caveats.md item 9)
		expect(SEVERANCE_CAP_WAGES.Beijing.capMonthlyRmb).toBe(47_103)
		// Suzhou: the published 2023 average (RSM, from the Suzhou HRSS), not the seed's old estimate of 10,500.
		expect(SEVERANCE_CAP_WAGES.Suzhou.wage).toMatchObject({ monthlyRmb: 11_424, yearOfData: 2023, verified: true })
		expect(SEVERANCE_CAP_WAGES.Dalian.wage.statistic).toMatch(/^ESTIMATE/)
	})

	test('destinations cost every function in whole USD; only Chinese cities are mainland', () => {
		expect(DESTINATIONS).toHaveLength(14)
		for (const d of DESTINATIONS) {
			expect(d.costs.map(c => c.function)).toEqual([...STAFF_FUNCTIONS])
			for (const c of d.costs) expect(Number.isInteger(c.annualCostUsd)).toBe(true)
			expect(d.isMainlandChina).toBe(d.country === 'CN')
		}
		const kl = DESTINATIONS.find(d => d.city === 'Kuala Lumpur')
		expect(kl?.costs.find(c => c.function === 'back_office')).toEqual({
			function: 'back_office',
			annualCostUsd: 22_500,
			evidence: 'estimate',
		})
	})

	test('the thresholds read 以上 as inclusive and 不满 as exclusive', () => {
		expect(CROSS_BORDER_THRESHOLDS.exemptNonSensitiveBelow).toBe(100_000)
		expect(CROSS_BORDER_THRESHOLDS.assessmentNonSensitiveFrom).toBe(1_000_000)
		expect(CROSS_BORDER_THRESHOLDS.assessmentSensitiveFrom).toBe(10_000)
		expect(PROVISIONS_2024_ARTICLES.find(a => a.art === '8')?.threshold).toEqual({
			nonSensitiveGte: 100_000,
			nonSensitiveLt: 1_000_000,
			sensitiveLt: 10_000,
			sensitiveGte: 1,
		})
	})
})
