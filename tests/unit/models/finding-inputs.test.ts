// The inputs listed under a finding agree with its title: every figure the title states is among the inputs, said the
// same way (999,999 under "999,999 … close to 1,000,000", 4.8% under "4.8% of the group's … staff").
import { describe, expect, test } from 'vitest'
import { DIMENSIONS, type Finding, scorePortfolio, scoreUnit } from '#models/exposure/index.ts'
import { findingInputList, formatFindingInput } from '#models/exposure/inputs.ts'
import { DEMO_AS_OF, DEMO_FLOWS, DEMO_GROUP_HEADCOUNT, DEMO_STAFFING, DEMO_SYSTEMS, DEMO_UNITS } from '#seed/demo/group.ts'
import { busyInventory, ctx, flow, inventory, staffing, unit } from './fixtures.ts'

const findingsOf = (e: ReturnType<typeof scoreUnit>) => DIMENSIONS.flatMap(d => e.dimensions[d].findings)

/** The figures a title states (counts, percentages, decimals), leaving out those in the names it quotes and versions (v2). */
function titleFigures(f: Finding, names: string[]): string[] {
	let title = f.title
	for (const n of names) if (n) title = title.replaceAll(n, ' ')
	return [...title.matchAll(/(?<![A-Za-z\d])\d[\d,]*(?:\.\d+)?%?/g)].map(m => m[0])
}

function mismatches(findings: Finding[], names: string[]) {
	const out: string[] = []
	for (const f of findings) {
		const listed = findingInputList(f.inputs).map(([, text]) => text)
		for (const figure of titleFigures(f, names))
			if (!listed.some(t => t === figure || t.split(/[\s,;]+/).includes(figure)))
				out.push(`${f.ruleId}: "${f.title}" states ${figure}; inputs ${JSON.stringify(listed)}`)
	}
	return out
}

describe('finding inputs in words', () => {
	test('a share is a percentage with the title’s rounding; a factor keeps its decimals; unknown is never 0', () => {
		expect(formatFindingInput('share', 0.048)).toBe('4.8%')
		expect(formatFindingInput('approachingShare', 0.1)).toBe('10%')
		expect(formatFindingInput('climateFactor', 1.15)).toBe('1.15')
		expect(formatFindingInput('exporterTotalIndividuals', 999_999)).toBe('999,999')
		expect(formatFindingInput('personalInfoIndividuals', null)).toBe('unknown')
		expect(formatFindingInput('isCiio', false)).toBe('No')
	})

	test('999,999 of a 1,000,000 threshold: the inputs say 999,999, 1,000,000 and within 10%, not "0"', () => {
		const inv = inventory({
			unit: unit({ handlesConsumerData: true }),
			flows: [flow({ personalInfoIndividuals: 999_999, mechanismInPlace: 'standard_contract' })],
		})
		const f = findingsOf(scoreUnit(inv, ctx)).find(x => x.ruleId === 'XB-THRESHOLD-APPROACHING')!
		expect(f.title).toContain('999,999')
		expect(f.title).toContain('1,000,000')
		const listed = Object.fromEntries(findingInputList(f.inputs))
		expect(listed).toMatchObject({ exporterTotalIndividuals: '999,999', threshold: '1,000,000', approachingShare: '10%' })
		expect(mismatches([f], [inv.flows[0]!.name])).toEqual([])
	})

	test('48 of 1,000 back-office staff: the title says 4.8% and so does the share listed', () => {
		const inv = inventory({ staffing: [staffing({ headcount: 48 })] })
		const f = findingsOf(scoreUnit(inv, ctx)).find(x => x.ruleId === 'WF-CONCENTRATION')!
		expect(f.title).toMatch(/^4\.8%/)
		expect(Object.fromEntries(findingInputList(f.inputs)).share).toBe('4.8%')
	})

	test('every figure in every title of a busy unit is among its inputs', () => {
		const inv = busyInventory()
		const names = [inv.unit.name, ...inv.systems.map(s => s.name), ...inv.flows.map(f => f.name)]
		expect(mismatches(findingsOf(scoreUnit(inv, ctx)), names)).toEqual([])
	})

	test('every figure in every title of the demo group is among its inputs', () => {
		const units = DEMO_UNITS.map((u, i) => ({ ...u, id: i + 1 }))
		const idOf = new Map(units.map(u => [u.code, u.id]))
		const portfolio = {
			groupHeadcount: DEMO_GROUP_HEADCOUNT,
			units: units.map(u => ({
				unit: u,
				systems: DEMO_SYSTEMS.filter(s => s.unitCode === u.code).map((s, i) => ({ ...s, id: u.id * 100 + i, unitId: u.id })),
				flows: DEMO_FLOWS.filter(f => f.unitCode === u.code).map((f, i) => ({ ...f, id: u.id * 100 + i, unitId: u.id })),
				staffing: DEMO_STAFFING.filter(l => l.unitCode === u.code).map((l, i) => ({
					...l,
					id: u.id * 100 + i,
					unitId: idOf.get(l.unitCode)!,
				})),
			})),
		}
		const e = scorePortfolio(portfolio as never, ctx.settings, DEMO_AS_OF)
		const names = portfolio.units.flatMap(u => [u.unit.name, ...u.systems.map(s => s.name), ...u.flows.map(f => f.name)])
		const findings = e.units.flatMap(u => DIMENSIONS.flatMap(d => u.dimensions[d].findings))
		expect(findings.length).toBeGreaterThan(50)
		expect(mismatches(findings, names)).toEqual([])
	})
})
