import { describe, expect, test } from 'vitest'
import { DEFAULT_MODEL_SETTINGS, portfolioPenaltyCeiling, scorePortfolio, scoreUnit } from '#models/exposure/index.ts'
import { cslArticle } from '#models/exposure/csl.ts'
import { mlpsObligations } from '#models/mlps-obligations.ts'
import { ctx, flow, inventory, system, unit } from './fixtures.ts'

const BEFORE = '2025-12-31'
const FROM = '2026-01-01'

const citedCsl = (asOf: string, inv = inventory({ systems: [system({ mlpsLevel: null, filedOn: null, gradedOn: null })] })) =>
	scoreUnit(inv, { ...ctx, asOf })
		.dimensions.cybersecurity_mlps.findings.flatMap(f => f.articles)
		.filter(a => a.law.startsWith('CSL'))

describe('CSL citations are dated either side of 2026-01-01', () => {
	test('the MLPS duty is art. 21 of the 2017 text on 2025-12-31 and art. 23 of the amended text on 2026-01-01', () => {
		expect(citedCsl(BEFORE).map(a => `${a.law} ${a.article}`)).toContain('CSL (2017 text) Art. 21')
		const after = citedCsl(FROM)
		expect(after.map(a => a.article)).toContain('Art. 23')
		expect(after.every(a => !a.law.includes('2017'))).toBe(true)
	})

	test('each renumbered provision: 28 -> 30, 37 -> 39, 38 -> 40, 66 -> 71(3), 69 -> 70', () => {
		const pairs = [
			['assistAuthorities', 'Art. 28', 'Art. 30'],
			['localisation', 'Art. 37', 'Art. 39'],
			['ciioYearlyAssessment', 'Art. 38', 'Art. 40'],
			['localisationPenalty', 'Art. 66', 'Art. 71(3)'],
			['supervision', 'Art. 69(2)', 'Art. 70(1)'],
		] as const
		for (const [p, old, amended] of pairs) {
			expect(cslArticle(p, BEFORE)).toMatchObject({ article: old, law: 'CSL (2017 text)' })
			expect(cslArticle(p, FROM)).toMatchObject({ article: amended, verified: true })
		}
	})

	test('the grading obligation of an ungraded system cites the article in force', () => {
		const s = system({ mlpsLevel: null })
		expect(mlpsObligations(s, BEFORE).obligations[0]!.source.article).toBe('Art. 21')
		expect(mlpsObligations(s, FROM).obligations[0]!.source.article).toBe('Art. 23')
	})

	test('IP findings cite the assistance duty in force and carry the art. 70 inspection fine', () => {
		const inv = inventory({ systems: [system({ holdsSourceCode: true, filedOn: '2020-01-01' })] })
		const f = scoreUnit(inv, { ...ctx, asOf: FROM }).dimensions.ip_inspection.findings.find(x => x.ruleId === 'IP-SOURCE-CODE')!
		expect(f.articles.map(a => a.article)).toEqual(expect.arrayContaining(['Art. 30', 'Art. 70(1)']))
		expect(f.penalties).toEqual([expect.objectContaining({ law: 'CSL', article: 'Art. 70', maxRmb: 500_000, verified: true })])
	})
})

describe('CSL penalties from the amended art. 61 (verified against the amended text)', () => {
	const mlpsGap = inventory({ systems: [system({ filedOn: null })] })
	test('an operator failing art. 23: up to RMB 500,000 on refusal or harm (base), RMB 2,000,000 for a large leak (maximum)', () => {
		const base = {
			...ctx,
			asOf: FROM,
			settings: { ...DEFAULT_MODEL_SETTINGS, penalties: { ...DEFAULT_MODEL_SETTINGS.penalties, tier: 'base' as const } },
		}
		expect(scoreUnit(mlpsGap, base).penalties.byLaw).toEqual([
			expect.objectContaining({ article: 'Art. 61(1)', maxRmb: 500_000, verified: true }),
		])
		expect(scoreUnit(mlpsGap, { ...ctx, asOf: FROM }).penalties.byLaw).toEqual([
			expect.objectContaining({ article: 'Art. 61(3)', maxRmb: 2_000_000 }),
		])
	})

	test("a CIIO's maximum is RMB 10,000,000 (loss of a CII's main functions)", () => {
		const inv = { ...mlpsGap, unit: unit({ isCiio: true }) }
		expect(scoreUnit(inv, { ...ctx, asOf: FROM }).penalties.byLaw).toEqual([
			expect.objectContaining({ article: 'Art. 61(3)', maxRmb: 10_000_000 }),
		])
	})

	test('before 2026 the 2017 art. 59(1) applies: up to RMB 100,000', () => {
		expect(scoreUnit(mlpsGap, { ...ctx, asOf: BEFORE }).penalties.byLaw).toEqual([
			expect.objectContaining({ article: 'Art. 59(1) (2017 text)', maxRmb: 100_000 }),
		])
	})
})

describe('PIPL art. 66 per handler, and the portfolio ceiling', () => {
	const breach = (code: string, id: number, over: Parameters<typeof unit>[0] = {}) =>
		inventory({
			unit: unit({ id, code, priorYearGlobalTurnoverRmb: 400_000_000_000, ...over }),
			flows: [flow({ id: id * 10, unitId: id, personalInfoIndividuals: 200_000 })],
		})

	test("the 5% alternative uses the entity's own turnover where the inventory has it", () => {
		const e = scoreUnit(breach('A', 1, { priorYearEntityTurnoverRmb: 4_000_000_000 }), ctx)
		expect(e.penalties.byLaw).toEqual([expect.objectContaining({ law: 'PIPL', maxRmb: 200_000_000, turnoverBasis: 'entity' })])
	})

	test("otherwise the group's, marked as an assumption", () => {
		const p = scoreUnit(breach('A', 1), ctx).penalties.byLaw[0]!
		expect(p).toMatchObject({ maxRmb: 20_000_000_000, turnoverBasis: 'group' })
		expect(p.basis).toContain('ASSUMPTION')
	})

	test("the portfolio counts the group's turnover at most once", () => {
		// Six entities without their own turnover: summing each one's 5% of RMB 400bn would give RMB 120bn.
		const units = [1, 2, 3, 4, 5, 6].map(i => breach(`U${i}`, i))
		const e = scorePortfolio({ units, groupHeadcount: [] }, DEFAULT_MODEL_SETTINGS, ctx.asOf)
		expect(e.penalties.byLaw.PIPL).toBe(20_000_000_000 + 5 * 50_000_000)
		expect(e.penalties.totalMaxRmb).toBe(e.penalties.byLaw.PIPL + e.penalties.byLaw.DSL + e.penalties.byLaw.CSL)
		expect(e.penalties.basis).toMatch(/^Statutory ceiling: the sum of each legal entity's maximum fines/)
		expect(e.penalties.groupTurnoverAssumedFor).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6'])
	})

	test("entities' own turnovers are taken out of the group's before it is counted for the others", () => {
		const units = [breach('OWN', 1, { priorYearEntityTurnoverRmb: 100_000_000_000 }), breach('G1', 2), breach('G2', 3)]
		const scored = units.map(u => scoreUnit(u, ctx))
		const c = portfolioPenaltyCeiling(scored)
		// OWN: 5% of 100bn = 5bn; the rest of the group, 300bn, once: 15bn; G2 at RMB 50M
		expect(c.byLaw.PIPL).toBe(5_000_000_000 + 15_000_000_000 + 50_000_000)
	})

	test('entities with their own turnover all count in full', () => {
		const units = [1, 2].map(i => breach(`E${i}`, i, { priorYearEntityTurnoverRmb: 2_000_000_000 }))
		const e = scorePortfolio({ units, groupHeadcount: [] }, DEFAULT_MODEL_SETTINGS, ctx.asOf)
		expect(e.penalties.byLaw.PIPL).toBe(2 * 100_000_000)
		expect(e.penalties.groupTurnoverAssumedFor).toEqual([])
	})
})

describe('smaller corrections', () => {
	test('the compliance-audit step is "more than 10 million": 10,000,000 itself is below it', () => {
		const steps = DEFAULT_MODEL_SETTINGS.enforcement.volumeSteps
		expect(steps.some(s => s === 10_000_000)).toBe(false)
		expect(steps).toContain(10_000_001)
	})

	test('the exports finding says what PIPL actually needs: notice, an impact assessment, consent only where it is the basis', () => {
		const e = scoreUnit(inventory({ flows: [flow({ personalInfoIndividuals: 10 })] }), ctx)
		const f = e.dimensions.cross_border.findings.find(x => x.ruleId === 'XB-EXPORTS')!
		expect(f.detail).toContain('art. 13, second paragraph')
		expect(f.detail).not.toMatch(/Even exempt transfers need notice and separate consent/)
		expect(f.articles.map(a => `${a.law} ${a.article}`)).toContain('PIPL Art. 13')
	})
})
