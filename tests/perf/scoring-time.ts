// Scoring the 1,000-unit scale group in process, without a database: the group is generated in memory (seed/scale.ts)
// and scored a number of times; prints the median and the best. `npx tsx tests/perf/scoring-time.ts [runs]`.
// It isolates the pure scoring (date arithmetic, penalty references) from reading the inventory.
import { DEFAULT_MODEL_SETTINGS } from '#models/exposure/settings.ts'
import { scorePortfolio } from '#models/exposure/index.ts'
import { type PortfolioInventory, type UnitInventory } from '#models/domain.ts'
import { generateScaleGroup } from '#seed/scale.ts'

const runs = Number(process.argv[2] ?? 15)
const group = generateScaleGroup(1)
const byCode = new Map<string, UnitInventory>()
group.units.forEach((u, i) => byCode.set(u.code, { unit: { ...u, id: i + 1 }, systems: [], flows: [], staffing: [] }))
let id = 1
for (const s of group.systems) byCode.get(s.unitCode)!.systems.push({ ...s, id: id++, unitId: byCode.get(s.unitCode)!.unit.id })
for (const f of group.flows) byCode.get(f.unitCode)!.flows.push({ ...f, id: id++, unitId: byCode.get(f.unitCode)!.unit.id })
for (const s of group.staffing) byCode.get(s.unitCode)!.staffing.push({ ...s, id: id++, unitId: byCode.get(s.unitCode)!.unit.id })
const portfolio: PortfolioInventory = { units: [...byCode.values()], groupHeadcount: group.groupHeadcount }

for (let i = 0; i < 3; i++) scorePortfolio(portfolio, DEFAULT_MODEL_SETTINGS, '2026-11-23') // warm-up (JIT)
const times: number[] = []
for (let i = 0; i < runs; i++) {
	const t = performance.now()
	scorePortfolio(portfolio, DEFAULT_MODEL_SETTINGS, '2026-11-23')
	times.push(performance.now() - t)
}
times.sort((a, b) => a - b)
console.log(
	`score the scale group (${portfolio.units.length} units, ${group.flows.length} flows), ${runs} runs: median ${times[runs >> 1]!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms`,
)
