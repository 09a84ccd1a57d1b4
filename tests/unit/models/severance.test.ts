import { describe, expect, test } from 'vitest'
import {
	compensationYears,
	economicCompensation,
	massLayoffProcedure,
	noticeInLieu,
	severanceForLine,
	unlawfulTerminationDamages,
} from '#models/severance.ts'

// Shanghai 2024 average (regulations.json average_wages): RMB 12,434 a month; 3 x 12,434 = 37,302.
const SHANGHAI = 12_434

describe('art. 47 rounding of service', () => {
	test('5 months count as half a month', () => {
		expect(compensationYears(5)).toBe(0.5)
	})

	test('exactly 6 months count as one month (六个月以上 includes 6)', () => {
		expect(compensationYears(6)).toBe(1)
	})

	test('11 months count as one month', () => {
		expect(compensationYears(11)).toBe(1)
	})

	test('12 months count as one month', () => {
		expect(compensationYears(12)).toBe(1)
	})

	test('18 months count as two months, not 1.5', () => {
		// 1 full year + a 6-month remainder; 六个月以上不满一年的，按一年计算: 1 + 1 = 2
		expect(compensationYears(18)).toBe(2)
	})

	test('17 months count as 1.5 months', () => {
		// 1 full year + 5-month remainder (under 6 -> 0.5) = 1.5
		expect(compensationYears(17)).toBe(1.5)
	})

	test('no service owes nothing', () => {
		expect(compensationYears(0)).toBe(0)
	})

	test('a fraction of a month is dropped', () => {
		// 5.9 months -> 5 whole months -> 0.5
		expect(compensationYears(5.9)).toBe(0.5)
	})
})

describe('art. 47 economic compensation', () => {
	test('an uncapped earner with 17 months gets 1.5 months of wage', () => {
		// 1.5 x 10,000 = 15,000
		expect(economicCompensation({ monthlyWage: 10_000, serviceMonths: 17, localAverageMonthlyWage: SHANGHAI })).toEqual({
			yearsCounted: 1.5,
			monthlyBase: 10_000,
			amount: 15_000,
			capped: false,
		})
	})

	test('an uncapped earner with 20 years gets 20 months', () => {
		// 30,000 <= 37,302, so no cap: 20 x 30,000 = 600,000
		expect(economicCompensation({ monthlyWage: 30_000, serviceMonths: 240, localAverageMonthlyWage: SHANGHAI })).toEqual({
			yearsCounted: 20,
			monthlyBase: 30_000,
			amount: 600_000,
			capped: false,
		})
	})

	test('a capped earner with 20 years gets 12 years at 3x the average', () => {
		// 50,000 > 37,302: base 37,302, years min(20, 12) = 12: 12 x 37,302 = 447,624
		expect(economicCompensation({ monthlyWage: 50_000, serviceMonths: 240, localAverageMonthlyWage: SHANGHAI })).toEqual({
			yearsCounted: 12,
			monthlyBase: 37_302,
			amount: 447_624,
			capped: true,
		})
	})

	test('a capped earner with 5 years keeps 5 years', () => {
		// 5 x 37,302 = 186,510
		expect(economicCompensation({ monthlyWage: 50_000, serviceMonths: 60, localAverageMonthlyWage: SHANGHAI }).amount).toBe(186_510)
	})

	test('a wage exactly 3x the average is not capped', () => {
		// 37,302 is not higher than 37,302: 20 x 37,302 = 746,040
		expect(economicCompensation({ monthlyWage: 37_302, serviceMonths: 240, localAverageMonthlyWage: SHANGHAI })).toMatchObject({
			capped: false,
			amount: 746_040,
		})
	})

	test('the amount is rounded to whole RMB half up', () => {
		// 0.5 x 10,001 = 5,000.5 -> 5,001
		expect(economicCompensation({ monthlyWage: 10_001, serviceMonths: 5, localAverageMonthlyWage: SHANGHAI }).amount).toBe(5_001)
	})

	test('an unknown local average applies no cap', () => {
		// 20 x 50,000 = 1,000,000
		expect(economicCompensation({ monthlyWage: 50_000, serviceMonths: 240, localAverageMonthlyWage: 0 })).toMatchObject({
			capped: false,
			amount: 1_000_000,
		})
	})
})

describe('arts 40 and 87', () => {
	test('the month in lieu of notice is not capped', () => {
		expect(noticeInLieu(50_000)).toBe(50_000)
	})

	test('unlawful termination owes 2N', () => {
		// N = 1.5 x 10,000 = 15,000; 2N = 30,000
		expect(unlawfulTerminationDamages({ monthlyWage: 10_000, serviceMonths: 17, localAverageMonthlyWage: SHANGHAI })).toBe(30_000)
	})

	test('unlawful termination of a capped earner doubles the capped amount', () => {
		// 2 x 447,624 = 895,248
		expect(unlawfulTerminationDamages({ monthlyWage: 50_000, serviceMonths: 240, localAverageMonthlyWage: SHANGHAI })).toBe(895_248)
	})
})

describe('severance for a staffing line', () => {
	const line = {
		headcount: 150,
		avgMonthlyWageRmb: 15_000,
		avgTenureMonths: 50,
		localAverageMonthlyWage: SHANGHAI,
		premiumMonths: 1,
		includeNoticeInLieu: true,
	}

	test('per head adds statutory, notice and premium', () => {
		// 50 months = 4 years + 2 -> 4.5; N = 4.5 x 15,000 = 67,500; notice 15,000; premium 1 x 15,000 = 15,000
		expect(severanceForLine(line).perHead).toEqual({
			statutory: 67_500,
			notice: 15_000,
			premium: 15_000,
			total: 97_500,
		})
	})

	test('the line breakdown is per head times headcount', () => {
		// 67,500 x 150 = 10,125,000; 15,000 x 150 = 2,250,000 (notice and premium)
		expect(severanceForLine(line)).toMatchObject({ statutory: 10_125_000, notice: 2_250_000, premium: 2_250_000 })
	})

	test('the total is per head times headcount', () => {
		// 97,500 x 150 = 14,625,000
		expect(severanceForLine(line).total).toBe(14_625_000)
	})

	test('no notice in lieu when not asked for', () => {
		expect(severanceForLine({ ...line, includeNoticeInLieu: false }).perHead.notice).toBe(0)
	})

	test('the premium uses the uncapped wage by default', () => {
		// 2 x 50,000 = 100,000
		expect(severanceForLine({ ...line, avgMonthlyWageRmb: 50_000, premiumMonths: 2 }).perHead.premium).toBe(100_000)
	})

	test('the premium can use the capped statutory base', () => {
		// 2 x 37,302 = 74,604
		expect(severanceForLine({ ...line, avgMonthlyWageRmb: 50_000, premiumMonths: 2, premiumBase: 'statutory_base' }).perHead.premium).toBe(
			74_604,
		)
	})

	test('a capped line is flagged', () => {
		expect(severanceForLine({ ...line, avgMonthlyWageRmb: 50_000 }).capped).toBe(true)
	})

	test('an unlawful termination doubles the statutory part', () => {
		// 2 x 67,500 = 135,000
		expect(severanceForLine({ ...line, unlawful: true }).perHead.statutory).toBe(135_000)
	})
})

describe('art. 41 mass layoff', () => {
	const at = (layoffCount: number, workforce: number) => massLayoffProcedure({ layoffCount, workforce, proposedDate: '2026-03-02' })

	test('19 of 1,000 does not trigger', () => {
		expect(at(19, 1_000).applies).toBe(false)
	})

	test('20 of 1,000 triggers', () => {
		expect(at(20, 1_000)).toMatchObject({ applies: true, trigger: 'twenty_or_more' })
	})

	test('10 of 100 triggers (10% included)', () => {
		expect(at(10, 100)).toMatchObject({ applies: true, trigger: 'ten_percent_or_more' })
	})

	test('9 of 100 does not trigger', () => {
		expect(at(9, 100).applies).toBe(false)
	})

	test('the earliest effective date is 30 days after the explanation', () => {
		// 2026-03-02 + 30 days: 29 days to 2026-03-31, one more to 2026-04-01
		expect(at(20, 1_000).earliestEffectiveDate).toBe('2026-04-01')
	})

	test('the procedure reports the plan to the labour administration', () => {
		expect(at(20, 1_000).steps.map(s => s.id)).toContain('report')
	})

	test('re-hiring priority runs 6 months from the effective date', () => {
		expect(at(20, 1_000).steps.find(s => s.id === 'rehire_priority')?.until).toBe('2026-10-01')
	})

	test('below the trigger the layoff can take effect on the proposed date', () => {
		expect(at(9, 100).earliestEffectiveDate).toBe('2026-03-02')
	})

	test('an invalid date gives no effective date', () => {
		expect(massLayoffProcedure({ layoffCount: 20, workforce: 100, proposedDate: '2026-02-30' }).earliestEffectiveDate).toBe(null)
	})

	test('a workforce smaller than the layoff is read as equal to it', () => {
		expect(at(5, 0)).toMatchObject({ applies: true, workforce: 5 })
	})
})
