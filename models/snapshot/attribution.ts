// Attribution of a change of score between two snapshots (prev, curr), per unit and dimension. With S(inputs,
// settings, date) the score under today's rules:
//   rules  = [S(prev inputs, prev settings, prev date) - prev's frozen score]      (the code changed since prev)
//          + [curr's frozen score - S(curr inputs, curr settings, curr date)]      (... or since curr)
//   time   =  S(prev inputs, prev settings, curr date) - S(prev inputs, prev settings, prev date)
//   inputs =  S(curr inputs, prev settings, curr date) - S(prev inputs, prev settings, curr date)
//   model  =  S(curr inputs, curr settings, curr date) - S(curr inputs, prev settings, curr date)
// The four add up to the change of the frozen scores exactly. `time` is the part of "changed inputs" that is only
// the scoring date moving on (a deadline or an expiry falling due with nothing in the inventory changed); `inputs`
// is the inventory itself.

import { type BusinessUnit, type UnitInventory } from '../domain.ts'
import { DIMENSIONS, type Band, type Dimension, type Finding, type PortfolioExposure, type UnitExposure } from '../exposure/types.ts'
import { compareText, type FrozenSnapshot, parseSnapshotContent, type SnapshotContent, type DecisionNote } from './content.ts'
import { groupChanges, type InputChange, same, unitInputChanges } from './inventory-changes.ts'
import { type Rescore } from './verification.ts'

export const CHANGE_CAUSES = ['inputs', 'time', 'model', 'rules'] as const
export type ChangeCause = (typeof CHANGE_CAUSES)[number]

export interface CellState {
	likelihood: number
	impact: number
	score: number
	band: Band
}

export interface DimensionChange {
	dimension: Dimension
	from: CellState
	to: CellState
	delta: number
	/** Score points per cause; they add up to `delta`. */
	causes: Record<ChangeCause, number>
	primaryCause: ChangeCause
	/** Findings present now and not before, and the reverse (matched by rule and entity code): their titles. */
	findingsAdded: string[]
	findingsResolved: string[]
}

export interface UnitAttribution {
	unitCode: string
	unitName: string
	overall: { from: number; to: number; delta: number; fromBand: Band; toBand: Band }
	dimensions: DimensionChange[] // only the dimensions whose score or band changed, in DIMENSIONS order
	inputChanges: InputChange[]
}

export interface UnitPresence {
	unitCode: string
	unitName: string
	overallScore: number
	overallBand: Band
}

export interface SettingChange {
	path: string // e.g. 'mlps.likelihood.assessmentSeverelyOverdue'
	from: unknown
	to: unknown
}

export interface SnapshotSide {
	quarter: string
	asOf: string
	modelLabel: string
	rulesVersion: string
}

export interface SnapshotAttribution {
	from: SnapshotSide
	to: SnapshotSide
	modelChanged: boolean
	settingsChanges: SettingChange[]
	/** The frozen rules versions differ, or re-scoring shows the code changed since either snapshot was frozen. */
	rulesChanged: boolean
	/** Units in both snapshots whose scores or inputs changed, by code. */
	units: UnitAttribution[]
	unitsAdded: UnitPresence[]
	unitsRemoved: UnitPresence[]
	groupChanges: InputChange[]
	/** Scenario decisions recorded with the later snapshot. */
	decisions: DecisionNote[]
	/** Sum over all changed cells of each cause's points (a rough measure of what drove the quarter). */
	totals: Record<ChangeCause, number>
}

const cell = (u: UnitExposure | undefined, d: Dimension): CellState => {
	const x = u?.dimensions[d]
	return { likelihood: x?.likelihood ?? 0, impact: x?.impact ?? 0, score: x?.score ?? 0, band: x?.band ?? 'none' }
}

const byUnitCode = (p: PortfolioExposure) => new Map(p.units.map(u => [u.unitCode, u]))

function findingKey(f: Finding): string {
	const rest = f.id.split(':').slice(3).join(':')
	return `${f.ruleId}|${f.entity.kind}|${f.entity.code}|${rest}`
}

function settingsDiff(a: unknown, b: unknown, path: string, out: SettingChange[]) {
	const plain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
	if (plain(a) && plain(b)) {
		for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) settingsDiff(a[k], b[k], path ? `${path}.${k}` : k, out)
		return
	}
	if (!same(a, b)) out.push({ path, from: a ?? null, to: b ?? null })
}

const presence = (u: UnitExposure): UnitPresence => ({
	unitCode: u.unitCode,
	unitName: u.unitName,
	overallScore: u.overall.score,
	overallBand: u.overall.band,
})

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * Why the scores moved between two snapshots (prev earlier than curr; parsed content or stored rows): per unit and
 * dimension whose score or band changed, the points due to the inventory, the scoring date, the model settings and
 * the scoring rules (see the header), the findings that appeared or went, and the unit's inventory changes in words;
 * plus units added and removed, group headcount changes, the settings that changed and the decisions recorded with
 * curr. Re-scores four times with `rescore`.
 */
export function attributeChanges(
	prevSnapshot: SnapshotContent | FrozenSnapshot,
	currSnapshot: SnapshotContent | FrozenSnapshot,
	rescore: Rescore,
): SnapshotAttribution {
	const prev = contentOf(prevSnapshot)
	const curr = contentOf(currSnapshot)
	const ps = prev.model.settings
	const cs = curr.model.settings
	const R = byUnitCode(rescore(prev.inventory, ps, prev.asOf))
	const T = byUnitCode(rescore(prev.inventory, ps, curr.asOf))
	const X = byUnitCode(rescore(curr.inventory, ps, curr.asOf))
	const N = byUnitCode(rescore(curr.inventory, cs, curr.asOf))
	const P = byUnitCode(prev.results)
	const C = byUnitCode(curr.results)
	const prevInv = new Map(prev.inventory.units.map(u => [u.unit.code, u]))
	const currInv = new Map(curr.inventory.units.map(u => [u.unit.code, u]))

	const totals: Record<ChangeCause, number> = { inputs: 0, time: 0, model: 0, rules: 0 }
	let rulesEffect = false
	const units: UnitAttribution[] = []
	const codes = [...C.keys()].filter(code => P.has(code)).sort(compareText)
	for (const code of codes) {
		const p = P.get(code)!
		const c = C.get(code)!
		const dimensions: DimensionChange[] = []
		for (const d of DIMENSIONS) {
			const from = cell(p, d)
			const to = cell(c, d)
			const r = cell(R.get(code), d).score
			const t = cell(T.get(code), d).score
			const x = cell(X.get(code), d).score
			const n = cell(N.get(code), d).score
			const causes: Record<ChangeCause, number> = {
				rules: r - from.score + (to.score - n),
				time: t - r,
				inputs: x - t,
				model: n - x,
			}
			if (causes.rules !== 0) rulesEffect = true
			if (from.score === to.score && from.band === to.band) continue
			const delta = to.score - from.score
			for (const k of CHANGE_CAUSES) totals[k] += causes[k]
			const before = new Map((p.dimensions[d]?.findings ?? []).map(f => [findingKey(f), f]))
			const after = new Map((c.dimensions[d]?.findings ?? []).map(f => [findingKey(f), f]))
			dimensions.push({
				dimension: d,
				from,
				to,
				delta,
				causes,
				primaryCause: primary(causes, delta),
				findingsAdded: [...after].filter(([k]) => !before.has(k)).map(([, f]) => `${f.title} [${f.entity.code}]`),
				findingsResolved: [...before].filter(([k]) => !after.has(k)).map(([, f]) => `${f.title} [${f.entity.code}]`),
			})
		}
		const inputChanges = unitInputChanges(prevInv.get(code) ?? emptyUnit(p), currInv.get(code) ?? emptyUnit(c))
		const overallDelta = round2(c.overall.score - p.overall.score)
		if (dimensions.length === 0 && inputChanges.length === 0 && overallDelta === 0 && p.overall.band === c.overall.band) continue
		units.push({
			unitCode: code,
			unitName: c.unitName,
			overall: { from: p.overall.score, to: c.overall.score, delta: overallDelta, fromBand: p.overall.band, toBand: c.overall.band },
			dimensions,
			inputChanges,
		})
	}
	const settingsChanges: SettingChange[] = []
	settingsDiff(ps, cs, '', settingsChanges)
	return {
		from: side(prev),
		to: side(curr),
		modelChanged: prev.model.label !== curr.model.label || settingsChanges.some(s => s.path !== 'version'),
		settingsChanges,
		rulesChanged: prev.rulesVersion !== curr.rulesVersion || rulesEffect,
		units,
		unitsAdded: [...C.values()]
			.filter(u => !P.has(u.unitCode))
			.map(presence)
			.sort((a, b) => compareText(a.unitCode, b.unitCode)),
		unitsRemoved: [...P.values()]
			.filter(u => !C.has(u.unitCode))
			.map(presence)
			.sort((a, b) => compareText(a.unitCode, b.unitCode)),
		groupChanges: groupChanges(prev.inventory.groupHeadcount, curr.inventory.groupHeadcount),
		decisions: curr.decisions,
		totals,
	}
}

function contentOf(s: SnapshotContent | FrozenSnapshot): SnapshotContent {
	return typeof (s as FrozenSnapshot).inputs === 'string' ? parseSnapshotContent(s as FrozenSnapshot) : (s as SnapshotContent)
}

function side(s: SnapshotContent): SnapshotSide {
	return { quarter: s.quarter, asOf: s.asOf, modelLabel: s.model.label, rulesVersion: s.rulesVersion }
}

function emptyUnit(u: UnitExposure): UnitInventory {
	return {
		unit: { id: u.unitId, code: u.unitCode, name: u.unitName } as BusinessUnit,
		systems: [],
		flows: [],
		staffing: [],
	}
}

/** The cause that moved the score most in the direction it moved (ties: inputs, time, model, rules). */
function primary(causes: Record<ChangeCause, number>, delta: number): ChangeCause {
	const sign = Math.sign(delta)
	let best: ChangeCause = 'inputs'
	let bestValue = -Infinity
	for (const k of CHANGE_CAUSES) {
		const v = sign === 0 ? Math.abs(causes[k]) : causes[k] * sign
		if (v > bestValue) {
			best = k
			bestValue = v
		}
	}
	return best
}

export interface Mover extends DimensionChange {
	unitCode: string
	unitName: string
}

/** The `n` unit/dimension changes with the largest score change (either way); ties by unit code, then dimension. */
export function topMovers(attribution: SnapshotAttribution, n: number): Mover[] {
	return attribution.units
		.flatMap(u => u.dimensions.map(d => ({ ...d, unitCode: u.unitCode, unitName: u.unitName })))
		.sort(
			(a, b) =>
				Math.abs(b.delta) - Math.abs(a.delta) ||
				b.delta - a.delta ||
				compareText(a.unitCode, b.unitCode) ||
				DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension),
		)
		.slice(0, Math.max(0, n))
}
