// A deterministic large group for benchmarks: 1,000 business units, 5,000 systems, 20,000 data flows and
// 20,000 staffing lines, built by cycling through the demo group's rows (so the mix of sectors, MLPS
// levels, mechanisms and volumes is the demo group's) with seeded variation in volumes, headcounts and
// wages. Pure: the CLI (seed/scale-cli.ts) writes it.
import { type BusinessUnit, type DataFlow, type GroupFunctionHeadcount, type InfoSystem, type StaffingLine } from '#models/domain.ts'
import { mulberry32 } from '#models/random.ts'
import { DEMO_FLOWS, DEMO_GROUP_HEADCOUNT, DEMO_STAFFING, DEMO_SYSTEMS, DEMO_UNITS } from './demo/group.ts'

export const SCALE = { units: 1_000, systemsPerUnit: 5, flowsPerUnit: 20, staffingPerUnit: 20, snapshots: 40, scenarios: 20 } as const

export interface ScaleGroup {
	units: Array<Omit<BusinessUnit, 'id'>>
	systems: Array<Omit<InfoSystem, 'id' | 'unitId'> & { unitCode: string }>
	flows: Array<Omit<DataFlow, 'id' | 'unitId'> & { unitCode: string }>
	staffing: Array<Omit<StaffingLine, 'id' | 'unitId'> & { unitCode: string }>
	groupHeadcount: GroupFunctionHeadcount[]
}

export function generateScaleGroup(seed = 1, units: number = SCALE.units): ScaleGroup {
	const r = mulberry32(seed)
	const vary = (n: number, spread = 0.5) => Math.max(0, Math.round(n * (1 - spread + 2 * spread * r())))
	const out: ScaleGroup = { units: [], systems: [], flows: [], staffing: [], groupHeadcount: [] }
	const suffix = (i: number) => `-X${String(i).padStart(4, '0')}`
	for (let i = 0; i < units; i++) {
		const t = DEMO_UNITS[i % DEMO_UNITS.length]!
		const code = `${t.code}${suffix(i)}`
		out.units.push({ ...t, code, name: `${t.name} ${i + 1}`, chinaRevenueRmb: vary(t.chinaRevenueRmb) })
		for (let k = 0; k < SCALE.systemsPerUnit; k++) {
			const s = DEMO_SYSTEMS[(i * SCALE.systemsPerUnit + k) % DEMO_SYSTEMS.length]!
			out.systems.push({ ...s, code: `${s.code}${suffix(i)}-${k}`, unitCode: code })
		}
		for (let k = 0; k < SCALE.flowsPerUnit; k++) {
			const f = DEMO_FLOWS[(i * SCALE.flowsPerUnit + k) % DEMO_FLOWS.length]!
			out.flows.push({
				...f,
				code: `${f.code}${suffix(i)}-${k}`,
				unitCode: code,
				personalInfoIndividuals: f.personalInfoIndividuals === null ? null : vary(f.personalInfoIndividuals),
				sensitivePersonalInfoIndividuals: f.sensitivePersonalInfoIndividuals === null ? null : vary(f.sensitivePersonalInfoIndividuals),
			})
		}
		for (let k = 0; k < SCALE.staffingPerUnit; k++) {
			const s = DEMO_STAFFING[(i * SCALE.staffingPerUnit + k) % DEMO_STAFFING.length]!
			out.staffing.push({
				...s,
				code: `${s.code}${suffix(i)}-${k}`,
				unitCode: code,
				headcount: Math.max(1, vary(s.headcount, 0.4)),
				avgMonthlyWageRmb: vary(s.avgMonthlyWageRmb, 0.2),
			})
		}
	}
	// The group abroad grows with the China footprint, so workforce concentration keeps the demo's shape.
	const factor = units / DEMO_UNITS.length
	out.groupHeadcount = DEMO_GROUP_HEADCOUNT.map(g => ({ ...g, globalHeadcount: Math.round(g.globalHeadcount * factor) }))
	return out
}
