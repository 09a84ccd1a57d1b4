import { describe, expect, test } from 'vitest'
import { sha256Hex } from '#db/hash.ts'
import { type PortfolioInventory, type UnitInventory } from '#models/domain.ts'
import { DEFAULT_MODEL_SETTINGS, RULES_VERSION, scorePortfolio, type ModelSettings } from '#models/exposure/index.ts'
import { compareQuarters, nextQuarter, previousQuarter, quarterEndDate, quarterOf, quarterStartDate } from '#models/quarter.ts'
import {
	attributeChanges,
	buildSnapshotContent,
	canonicalJson,
	type FrozenSnapshot,
	parseSnapshotContent,
	type Rescore,
	SnapshotContentError,
	snapshotHash,
	sortInventory,
	topMovers,
	unitInputChanges,
	verifyChain,
} from '#models/snapshot/index.ts'
import { flow, staffing, system, unit } from './fixtures.ts'

// ---------------------------------------------------------------------------------------------------------------
// A small group: A exports consumer data, B handles consumer data (enforcement), C and D run MLPS systems, F exists
// only in the earlier quarter and E only in the later one.

const GROUP = [
	{ function: 'back_office' as const, globalHeadcount: 1_000 },
	{ function: 'rnd' as const, globalHeadcount: 2_000 },
]

function unitA(volume: number): UnitInventory {
	return {
		unit: unit({ id: 1, code: 'BU-A', name: 'Unit A', handlesConsumerData: true }),
		systems: [],
		flows: [flow({ id: 10, unitId: 1, code: 'FL-A', personalInfoIndividuals: volume })],
		staffing: [],
	}
}
const unitB: UnitInventory = {
	unit: unit({ id: 2, code: 'BU-B', name: 'Unit B', handlesConsumerData: true }),
	systems: [],
	flows: [],
	staffing: [staffing({ id: 30, unitId: 2, code: 'ST-B', headcount: 150 })],
}
const unitC: UnitInventory = {
	unit: unit({ id: 3, code: 'BU-C', name: 'Unit C' }),
	systems: [
		system({ id: 20, unitId: 3, code: 'SYS-C', mlpsLevel: 3, gradedOn: '2024-03-01', filedOn: '2024-03-20', lastAssessedOn: '2026-05-01' }),
	],
	flows: [],
	staffing: [],
}
const unitD: UnitInventory = {
	unit: unit({ id: 4, code: 'BU-D', name: 'Unit D' }),
	// Yearly assessment due 2026-07-10: due soon on 2026-06-30, 82 days overdue on 2026-09-30.
	systems: [
		system({ id: 21, unitId: 4, code: 'SYS-D', mlpsLevel: 3, gradedOn: '2024-06-01', filedOn: '2024-06-20', lastAssessedOn: '2025-07-10' }),
	],
	flows: [],
	staffing: [],
}
const unitE: UnitInventory = {
	unit: unit({ id: 5, code: 'BU-E', name: 'Unit E' }),
	systems: [],
	flows: [],
	staffing: [staffing({ id: 31, unitId: 5, code: 'ST-E', function: 'rnd', headcount: 400 })],
}
const unitF: UnitInventory = {
	unit: unit({ id: 6, code: 'BU-F', name: 'Unit F' }),
	systems: [],
	flows: [],
	staffing: [staffing({ id: 32, unitId: 6, code: 'ST-F', headcount: 60 })],
}

const Q2: PortfolioInventory = { units: [unitF, unitD, unitC, unitB, unitA(50_000)], groupHeadcount: GROUP }
const Q3: PortfolioInventory = { units: [unitA(160_000), unitB, unitC, unitD, unitE], groupHeadcount: GROUP }

const SETTINGS_2026_2: ModelSettings = {
	...DEFAULT_MODEL_SETTINGS,
	version: '2026.2',
	enforcement: { ...DEFAULT_MODEL_SETTINGS.enforcement, climateFactor: 1.6 },
}

/** The scorer of an earlier release: same as today's except that it rated unit C's MLPS cell higher (6, not 3). */
const oldRules: Rescore = (inv, settings, asOf) => {
	const result = scorePortfolio(inv, settings, asOf)
	const c = result.units.find(u => u.unitCode === 'BU-C')
	if (c) c.dimensions.cybersecurity_mlps = { ...c.dimensions.cybersecurity_mlps, likelihood: 2, impact: 3, score: 6, band: 'medium' }
	return result
}

interface FreezeOptions {
	score?: Rescore
	rulesVersion?: string
}

function freeze(
	quarter: string,
	inv: PortfolioInventory,
	settings: ModelSettings,
	prevHash: string | null,
	o: FreezeOptions = {},
): FrozenSnapshot {
	const sorted = sortInventory(inv)
	const results = (o.score ?? scorePortfolio)(sorted, settings, quarterEndDate(quarter))
	const c = buildSnapshotContent({
		quarter,
		frozenAt: new Date(`${quarterEndDate(quarter)}T18:00:00Z`),
		model: { id: 1, label: settings.version, settings },
		rulesVersion: o.rulesVersion ?? RULES_VERSION,
		inputs: sorted,
		results,
	})
	return {
		quarter,
		frozenAt: c.frozenAt.replace('T', ' ').replace('Z', ''),
		modelLabel: c.modelLabel,
		modelSettings: c.settingsJson,
		inputs: c.inputsJson,
		results: c.resultsJson,
		contentHash: snapshotHash({ ...c, prevHash }, sha256Hex),
		prevHash,
	}
}

function chain(): FrozenSnapshot[] {
	const q1 = freeze('2026-Q1', Q2, DEFAULT_MODEL_SETTINGS, null)
	const q2 = freeze('2026-Q2', Q2, DEFAULT_MODEL_SETTINGS, q1.contentHash)
	const q3 = freeze('2026-Q3', Q3, SETTINGS_2026_2, q2.contentHash)
	return [q1, q2, q3]
}

/** Recomputes a row's hash after its content was edited (a forger who knows the algorithm). */
const rehash = (r: FrozenSnapshot): FrozenSnapshot => ({
	...r,
	contentHash: snapshotHash(
		{
			quarter: r.quarter,
			modelLabel: r.modelLabel,
			settingsJson: r.modelSettings,
			inputsJson: r.inputs,
			resultsJson: r.results,
			prevHash: r.prevHash,
		},
		sha256Hex,
	),
})

const kinds = (v: ReturnType<typeof verifyChain>, quarter: string) => v.quarters.find(q => q.quarter === quarter)!.problems.map(p => p.kind)

// ---------------------------------------------------------------------------------------------------------------

describe('canonical JSON', () => {
	test('sorts keys at every depth and writes no whitespace', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 'é"' }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":"é\\"","y":1}]},"b":1}')
	})

	test('is the same whatever order the keys were written in, and arrays keep their order', () => {
		const one = {
			units: [
				{ code: 'B', n: 2 },
				{ code: 'A', n: 1 },
			],
			as: { to: 2, from: 1 },
		}
		const two = {
			as: { from: 1, to: 2 },
			units: [
				{ n: 2, code: 'B' },
				{ n: 1, code: 'A' },
			],
		}
		expect(canonicalJson(one)).toBe(canonicalJson(two))
		expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
	})

	test('numbers are stable: -0 is 0, decimals and large numbers print the same every time', () => {
		expect(canonicalJson({ a: -0, b: 0.1 + 0.2, c: 412_000_000_000, d: 1e21, e: 2.5 })).toBe(
			'{"a":0,"b":0.30000000000000004,"c":412000000000,"d":1e+21,"e":2.5}',
		)
	})

	test('omits undefined properties and refuses what JSON would silently change', () => {
		expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
		expect(() => canonicalJson({ a: Number.NaN })).toThrow(/\$\.a is NaN/)
		expect(() => canonicalJson({ a: Infinity })).toThrow(/finite/)
		expect(() => canonicalJson({ at: new Date(0) })).toThrow(/\$\.at is a Date/)
		expect(() => canonicalJson([1, undefined])).toThrow(/\$\[1\] is undefined/)
		expect(() => canonicalJson({ m: new Map() })).toThrow(/Map/)
	})

	test('refuses holes, toJSON, functions, symbols and big integers; keys that look like numbers sort as text', () => {
		expect(() => canonicalJson({ a: [1, , 3] })).toThrow(/\$\.a\[1\] is undefined/)
		expect(() => canonicalJson({ a: { toJSON: () => 1 } })).toThrow(/\$\.a\.toJSON is a function/)
		expect(() => canonicalJson({ f: () => 1 })).toThrow(/\$\.f is a function/)
		expect(() => canonicalJson({ s: Symbol('s') })).toThrow(/\$\.s is a symbol/)
		expect(() => canonicalJson({ n: 1n })).toThrow(/\$\.n is a bigint/)
		expect(() => canonicalJson({ n: new Number(1) })).toThrow(/\$\.n is a Number/)
		expect(() => canonicalJson(undefined)).toThrow(/\$ is a undefined/)
		// JavaScript lists integer-like keys first in numeric order; the canonical order is by code unit.
		expect(canonicalJson({ 9: 'a', 10: 'b', '!': 'c', x: { 2: 1, 1: 2 } })).toBe('{"!":"c","10":"b","9":"a","x":{"1":2,"2":1}}')
		expect(canonicalJson(Object.assign(Object.create(null), { b: 1, a: 2 }))).toBe('{"a":2,"b":1}')
		const cycle: Record<string, unknown> = {}
		cycle.self = cycle
		expect(() => canonicalJson(cycle)).toThrow(/circular/)
	})

	test('a parsed snapshot text is written back byte for byte', () => {
		const text = chain()[2]!.results
		expect(canonicalJson(JSON.parse(text))).toBe(text)
	})
})

describe('quarters', () => {
	test('quarterOf reads dates, instants and Dates (in UTC)', () => {
		expect(quarterOf(new Date('2026-11-23T08:00:00Z'))).toBe('2026-Q4')
		expect(quarterOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1')
		expect(quarterOf('2026-09-30')).toBe('2026-Q3')
		expect(quarterOf('2026-10-01T00:00:00Z')).toBe('2026-Q4')
		expect(() => quarterOf('2026-02-30')).toThrow(RangeError)
	})

	test('first and last days, previous and next', () => {
		expect(quarterEndDate('2026-Q3')).toBe('2026-09-30')
		expect(quarterEndDate('2024-Q1')).toBe('2024-03-31')
		expect(quarterEndDate('2025-Q4')).toBe('2025-12-31')
		expect(quarterStartDate('2026-Q3')).toBe('2026-07-01')
		expect(previousQuarter('2026-Q1')).toBe('2025-Q4')
		expect(previousQuarter('2026-Q3')).toBe('2026-Q2')
		expect(nextQuarter('2025-Q4')).toBe('2026-Q1')
		expect(compareQuarters('2025-Q4', '2026-Q1')).toBeLessThan(0)
		expect(() => quarterEndDate('2026-Q5')).toThrow(/YYYY-Qn/)
		expect(() => previousQuarter('Q3 2026')).toThrow(/not a quarter/)
	})
})

describe('content and hash', () => {
	const base = {
		quarter: '2026-Q3',
		modelLabel: '2026.1',
		settingsJson: '{"version":"2026.1"}',
		inputsJson: '{"units":[]}',
		resultsJson: '{"units":[]}',
		prevHash: null as string | null,
	}

	test('is a hex SHA-256 and the same for the same content', () => {
		expect(snapshotHash(base, sha256Hex)).toMatch(/^[0-9a-f]{64}$/)
		expect(snapshotHash({ ...base }, sha256Hex)).toBe(snapshotHash(base, sha256Hex))
	})

	test('changes when any part changes, the previous hash included', () => {
		const h = snapshotHash(base, sha256Hex)
		const variants = [
			{ quarter: '2026-Q2' },
			{ modelLabel: '2026.2' },
			{ settingsJson: '{"version":"2026.2"}' },
			{ inputsJson: '{"units":[1]}' },
			{ resultsJson: '{"units":[2]}' },
			{ prevHash: 'a'.repeat(64) },
		]
		const hashes = variants.map(v => snapshotHash({ ...base, ...v }, sha256Hex))
		for (const other of hashes) expect(other).not.toBe(h)
		expect(new Set(hashes).size).toBe(variants.length)
	})

	test('the frozen inventory does not depend on the order the inventory was loaded in', () => {
		const shuffled: PortfolioInventory = { units: [...Q3.units].reverse(), groupHeadcount: [...GROUP].reverse() }
		const a = freeze('2026-Q3', Q3, DEFAULT_MODEL_SETTINGS, null)
		const b = freeze('2026-Q3', shuffled, DEFAULT_MODEL_SETTINGS, null)
		expect(b.inputs).toBe(a.inputs)
		expect(b.results).toBe(a.results)
		expect(b.contentHash).toBe(a.contentHash)
	})

	test('refuses results scored in another order, with other settings or on a date outside the quarter', () => {
		const settings = DEFAULT_MODEL_SETTINGS
		const model = { label: '2026.1', settings }
		const args = { quarter: '2026-Q3', frozenAt: '2026-10-20T10:00:00Z', model, rulesVersion: RULES_VERSION }
		const unsortedResults = scorePortfolio(Q2, settings, '2026-09-30')
		expect(() => buildSnapshotContent({ ...args, inputs: Q2, results: unsortedResults })).toThrow(SnapshotContentError)
		const sorted = sortInventory(Q2)
		expect(() => buildSnapshotContent({ ...args, inputs: sorted, results: scorePortfolio(sorted, SETTINGS_2026_2, '2026-09-30') })).toThrow(
			/model 2026.2/,
		)
		expect(() => buildSnapshotContent({ ...args, inputs: sorted, results: scorePortfolio(sorted, settings, '2026-10-01') })).toThrow(
			/inside the quarter/,
		)
	})

	test('parses back into the inventory, settings, results and context it was built from', () => {
		const row = chain()[2]!
		const content = parseSnapshotContent(row)
		expect(content).toMatchObject({ quarter: '2026-Q3', asOf: '2026-09-30', frozenAt: '2026-09-30T18:00:00Z', rulesVersion: RULES_VERSION })
		expect(content.model.settings).toEqual(SETTINGS_2026_2)
		expect(content.inventory.units.map(u => u.unit.code)).toEqual(['BU-A', 'BU-B', 'BU-C', 'BU-D', 'BU-E'])
		expect(content.results.units.map(u => u.unitCode)).toEqual(['BU-A', 'BU-B', 'BU-C', 'BU-D', 'BU-E'])
	})
})

describe('chain verification', () => {
	test('a clean chain verifies, quarter by quarter', () => {
		const v = verifyChain(chain(), scorePortfolio, sha256Hex)
		expect(v.ok).toBe(true)
		expect(v.quarters.map(q => [q.quarter, q.ok])).toEqual([
			['2026-Q1', true],
			['2026-Q2', true],
			['2026-Q3', true],
		])
		expect(v.head).toBe(chain()[2]!.contentHash)
	})

	test('checks in quarter order whatever order the rows come in', () => {
		expect(verifyChain([...chain()].reverse(), scorePortfolio, sha256Hex).ok).toBe(true)
	})

	test('detects a tampered inputs string (the stored hash no longer matches)', () => {
		const rows = chain()
		const tampered = rows[1]!.inputs.replace('"headcount":150', '"headcount":15')
		expect(tampered).not.toBe(rows[1]!.inputs)
		rows[1] = { ...rows[1]!, inputs: tampered }
		const v = verifyChain(rows, scorePortfolio, sha256Hex)
		expect(v.ok).toBe(false)
		expect(kinds(v, '2026-Q2')).toContain('content_hash_mismatch')
		expect(kinds(v, '2026-Q1')).toEqual([])
		expect(kinds(v, '2026-Q3')).toEqual([]) // its link names the stored hash, which is unchanged
		expect(v.quarters[1]!.problems[0]!.message).toMatch(/^Tampered/)
	})

	test('detects a re-hashed forgery through the next link, and a broken previous hash', () => {
		const rows = chain()
		// A forger edits 2026-Q2 and recomputes its hash: it verifies alone, but 2026-Q3 still names the old hash.
		rows[1] = rehash({ ...rows[1]!, inputs: rows[1]!.inputs.replace('"headcount":150', '"headcount":15') })
		const v = verifyChain(rows, scorePortfolio, sha256Hex)
		expect(kinds(v, '2026-Q2')).not.toContain('content_hash_mismatch')
		expect(kinds(v, '2026-Q3')).toEqual(['chain_broken'])

		const relinked = chain()
		relinked[2] = rehash({ ...relinked[2]!, prevHash: 'f'.repeat(64) })
		const w = verifyChain(relinked, scorePortfolio, sha256Hex)
		expect(kinds(w, '2026-Q3')).toEqual(['chain_broken'])
		expect(w.quarters[2]!.problems[0]!.message).toMatch(/Broken chain: previous hash ffffffffffff… is not 2026-Q2's hash/)
	})

	test('detects results that no longer reproduce, and says when a change of rules explains it', () => {
		const q1 = freeze('2026-Q1', Q2, DEFAULT_MODEL_SETTINGS, null, { score: oldRules })
		const sameRules = verifyChain([q1], scorePortfolio, sha256Hex)
		expect(kinds(sameRules, '2026-Q1')).toEqual(['not_reproducible'])
		expect(sameRules.quarters[0]!.problems[0]).toMatchObject({ rulesChanged: false })
		expect(sameRules.quarters[0]!.problems[0]!.message).toMatch(/BU-C cybersecurity_mlps frozen 6 medium, now 3 low/)

		const older = freeze('2026-Q1', Q2, DEFAULT_MODEL_SETTINGS, null, { score: oldRules, rulesVersion: '2026.01' })
		const drift = verifyChain([older], scorePortfolio, sha256Hex)
		expect(drift.quarters[0]!.problems[0]).toMatchObject({ kind: 'not_reproducible', rulesChanged: true })
		expect(drift.quarters[0]!.problems[0]!.message).toMatch(/frozen under rules 2026.01/)
	})

	test('detects row metadata that disagrees with the hashed content', () => {
		const rows = chain()
		rows[0] = { ...rows[0]!, frozenAt: '2026-04-01 09:00:00' }
		expect(kinds(verifyChain(rows, scorePortfolio, sha256Hex), '2026-Q1')).toEqual(['metadata_mismatch'])
	})

	test('detects unreadable content', () => {
		const rows = chain()
		rows[0] = rehash({ ...rows[0]!, results: '{"units":' })
		expect(kinds(verifyChain(rows, scorePortfolio, sha256Hex), '2026-Q1')).toContain('unreadable')
	})
})

describe('attribution of changes between two snapshots', () => {
	const prevRow = freeze('2026-Q2', Q2, DEFAULT_MODEL_SETTINGS, null, { score: oldRules, rulesVersion: '2026.01' })
	const currRow = freeze('2026-Q3', Q3, SETTINGS_2026_2, prevRow.contentHash)
	const a = attributeChanges(parseSnapshotContent(prevRow), parseSnapshotContent(currRow), scorePortfolio)
	const cellOf = (unitCode: string, dimension: string) =>
		a.units.find(u => u.unitCode === unitCode)?.dimensions.find(d => d.dimension === dimension)

	test('an input change (a flow past 100,000 individuals) is attributed to inputs, and told in words', () => {
		const xb = cellOf('BU-A', 'cross_border')!
		expect(xb.delta).toBeGreaterThan(0)
		expect(xb.causes).toEqual({ inputs: xb.delta, time: 0, model: 0, rules: 0 })
		expect(xb.primaryCause).toBe('inputs')
		expect(xb.findingsAdded.join(' ')).toMatch(/Required transfer mechanism missing/)
		const texts = a.units.find(u => u.unitCode === 'BU-A')!.inputChanges.map(c => c.text)
		expect(texts).toEqual(['Flow FL-A volume rose past 100,000 individuals (50,000 → 160,000)'])
	})

	test('a settings change (the enforcement climate) is attributed to the model', () => {
		const enf = cellOf('BU-B', 'enforcement')!
		expect(enf.delta).toBeGreaterThan(0)
		expect(enf.causes).toEqual({ inputs: 0, time: 0, model: enf.delta, rules: 0 })
		expect(a.modelChanged).toBe(true)
		expect(a.settingsChanges).toEqual([
			{ path: 'enforcement.climateFactor', from: 1, to: 1.6 },
			{ path: 'version', from: '2026.1', to: '2026.2' },
		])
		expect(a.units.find(u => u.unitCode === 'BU-B')!.inputChanges).toEqual([])
	})

	test("a rules change (prev no longer reproduces under today's code) is attributed to the rules", () => {
		const mlps = cellOf('BU-C', 'cybersecurity_mlps')!
		expect([mlps.from.score, mlps.to.score]).toEqual([6, 3])
		expect(mlps.causes).toEqual({ inputs: 0, time: 0, model: 0, rules: mlps.delta })
		expect(mlps.primaryCause).toBe('rules')
		expect(a.rulesChanged).toBe(true)
		expect(a.from.rulesVersion).toBe('2026.01')
	})

	test('a deadline falling due with nothing changed is the passage of time', () => {
		const mlps = cellOf('BU-D', 'cybersecurity_mlps')!
		expect(mlps.causes).toEqual({ inputs: 0, time: mlps.delta, model: 0, rules: 0 })
		expect(mlps.findingsAdded.join(' ')).toMatch(/Assessment \d+ days overdue/)
		expect(mlps.findingsResolved.join(' ')).toMatch(/Assessment due soon/)
	})

	test('the causes of every changed cell add up to its change', () => {
		for (const u of a.units)
			for (const d of u.dimensions) expect(d.causes.inputs + d.causes.time + d.causes.model + d.causes.rules).toBe(d.delta)
	})

	test('stored rows can be compared directly', () => {
		expect(attributeChanges(prevRow, currRow, scorePortfolio)).toEqual(a)
	})

	test('units added and removed are listed, not attributed', () => {
		expect(a.unitsAdded.map(u => u.unitCode)).toEqual(['BU-E'])
		expect(a.unitsRemoved.map(u => u.unitCode)).toEqual(['BU-F'])
		expect(a.units.map(u => u.unitCode)).not.toContain('BU-E')
	})

	test('top movers are the largest changes first', () => {
		const top = topMovers(a, 3)
		expect(top).toHaveLength(3)
		expect(Math.abs(top[0]!.delta)).toBeGreaterThanOrEqual(Math.abs(top[1]!.delta))
		expect(Math.abs(top[1]!.delta)).toBeGreaterThanOrEqual(Math.abs(top[2]!.delta))
		expect(top[0]).toMatchObject({ unitCode: 'BU-A', dimension: 'cross_border' })
		expect(topMovers(a, 0)).toEqual([])
	})
})

describe('inventory changes in words', () => {
	const before: UnitInventory = {
		unit: unit({ code: 'BU-X', isCiio: false }),
		systems: [system({ code: 'SYS-X', mlpsLevel: null, gradedOn: null, filedOn: null, lastAssessedOn: null })],
		flows: [
			flow({ code: 'F-Y', personalInfoIndividuals: 900_000 }),
			flow({ id: 11, code: 'F-Z', personalInfoIndividuals: 120_000, mechanismInPlace: 'none' }),
		],
		staffing: [staffing({ code: 'SL-1', headcount: 148 })],
	}
	const after: UnitInventory = {
		unit: unit({ code: 'BU-X', isCiio: true }),
		systems: [system({ code: 'SYS-X', mlpsLevel: 3, gradedOn: '2026-07-01', filedOn: '2026-07-20', lastAssessedOn: null })],
		flows: [
			flow({ code: 'F-Y', personalInfoIndividuals: 1_200_000 }),
			flow({ id: 11, code: 'F-Z', personalInfoIndividuals: 120_000, mechanismInPlace: 'standard_contract', mechanismSince: '2026-08-01' }),
		],
		staffing: [staffing({ code: 'SL-1', headcount: 120 }), staffing({ id: 31, code: 'SL-2', function: 'rnd', headcount: 40 })],
	}

	test('reads like a board pack', () => {
		expect(unitInputChanges(before, after).map(c => c.text)).toEqual([
			'BU-X notified as a critical information infrastructure operator (CIIO)',
			'SYS-X graded MLPS level 3 (2026-07-01)',
			'MLPS filing for SYS-X recorded (filed 2026-07-20)',
			'Flow F-Y volume rose past 1,000,000 individuals (900,000 → 1,200,000)',
			'Standard contract filed for flow F-Z (2026-08-01)',
			'SL-1 headcount 148 → 120 (−28)',
			'Staffing line SL-2 (rnd, Shanghai) added: 40 people',
		])
	})

	test('lists removals', () => {
		const changes = unitInputChanges(after, before)
		expect(changes.filter(c => c.change === 'removed').map(c => c.text)).toEqual([
			'Staffing line SL-2 (rnd, Shanghai) removed (was 40 people)',
		])
		expect(changes.map(c => c.text)).toContain('Flow F-Y volume fell below 1,000,000 individuals (1,200,000 → 900,000)')
	})
})

describe('a snapshot pair across the per-exporter counting (rules 2026.12)', () => {
	// One unit, two flows of 60,000 and 50,000 non-sensitive individuals, nothing in place. The rules before 2026.12
	// read each flow on its own (both exempt under art. 5(4)); today's read the exporter's 110,000 (art. 8). The
	// earlier scorer is emulated by giving the scorer a distinct count equal to the largest flow, which is exactly
	// what per-flow counting saw; the frozen inputs stay as recorded.
	const splitUnit: UnitInventory = {
		unit: unit({ id: 7, code: 'BU-SPLIT', handlesConsumerData: true }),
		systems: [],
		flows: [
			flow({ id: 71, unitId: 7, code: 'FL-S1', personalInfoIndividuals: 60_000, sensitivePersonalInfoIndividuals: 0, purpose: 'other' }),
			flow({ id: 72, unitId: 7, code: 'FL-S2', personalInfoIndividuals: 50_000, sensitivePersonalInfoIndividuals: 0, purpose: 'other' }),
		],
		staffing: [],
	}
	const inv: PortfolioInventory = { units: [splitUnit], groupHeadcount: GROUP }
	const perFlowRules: Rescore = (i, settings, asOf) =>
		scorePortfolio({ ...i, units: i.units.map(u => ({ ...u, unit: { ...u.unit, distinctIndividualsAbroad: 60_000 } })) }, settings, asOf)
	const prev = freeze('2026-Q2', inv, DEFAULT_MODEL_SETTINGS, null, { score: perFlowRules, rulesVersion: '2026.11' })
	const curr = freeze('2026-Q3', inv, DEFAULT_MODEL_SETTINGS, prev.contentHash)

	test('the cross-border change is attributed to the rules, not to the inputs', () => {
		const a = attributeChanges(parseSnapshotContent(prev), parseSnapshotContent(curr), scorePortfolio)
		const xb = a.units.find(u => u.unitCode === 'BU-SPLIT')!.dimensions.find(d => d.dimension === 'cross_border')!
		expect(xb.delta).toBeGreaterThan(0)
		expect(xb.causes.rules).toBe(xb.delta)
		expect(xb.primaryCause).toBe('rules')
		expect(a.rulesChanged).toBe(true)
		expect([a.from.rulesVersion, a.to.rulesVersion]).toEqual(['2026.11', RULES_VERSION])
		expect(a.units.find(u => u.unitCode === 'BU-SPLIT')!.inputChanges).toEqual([])
	})
})
