// Quarterly snapshots: a frozen copy of the inventory, the model settings and the results of one quarter, sealed
// with a SHA-256 hash that also covers the previous quarter's hash, so the snapshots form a chain. Pure code: the
// caller hands in the rows and the scorer (`rescore`), so the same functions serve the repository, the verify
// command line and the tests.
//
// Canonical JSON (the text that is stored and hashed): object keys sorted by UTF-16 code unit (as RFC 8785 sorts
// them), no whitespace, numbers as JavaScript prints them (the shortest text that reads back to the same number;
// -0 is written 0), strings escaped as JSON.stringify escapes them. Arrays keep their order, so every list is put in
// a stable order (by code) before it is frozen: see `sortInventory`. NaN, Infinity, undefined inside arrays, dates,
// maps and class instances are refused rather than silently turned into something else.
//
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

import { createHash } from 'node:crypto'
import { formatCount, TRANSFER_THRESHOLDS } from './transfer-mechanism.ts'
import { isIsoDate } from './dates.ts'
import {
	STAFF_FUNCTIONS,
	SYSTEM_TECHNOLOGIES,
	type BusinessUnit,
	type DataFlow,
	type GroupFunctionHeadcount,
	type InfoSystem,
	type PortfolioInventory,
	type StaffingLine,
	type UnitInventory,
} from './domain.ts'
import { RULES_VERSION } from './exposure/rules-version.ts'
import { type ModelSettings } from './exposure/settings.ts'
import { DIMENSIONS, type Band, type Dimension, type Finding, type PortfolioExposure, type UnitExposure } from './exposure/types.ts'

// ---------------------------------------------------------------------------------------------------------------
// Canonical JSON

/** The canonical JSON text of a JSON-like value (see the header); throws a TypeError naming the path of a bad value. */
export function canonicalJson(value: unknown): string {
	// JSON.stringify already escapes strings and prints numbers (-0 as 0) the canonical way, and does so natively:
	// with a replacer that only sorts keys it writes a 50 MB snapshot in about a third of the time of `write` below.
	// Whenever the replacer meets a value to refuse, or keys it cannot put in order, `write` does the whole value
	// again: it names the bad value's path, or writes the text.
	if (value === undefined) return write(value, '$')
	try {
		return JSON.stringify(value, sortedKeys)
	} catch (error) {
		if (error === GIVE_UP) return write(value, '$')
		throw error // a cycle, which `write` would follow until the stack overflows
	}
}

const GIVE_UP = new Error('canonicalJson: leave it to the careful writer')

/** JSON.stringify's replacer for canonicalJson: objects with their keys in order, anything `write` refuses refused. */
function sortedKeys(this: Record<string, unknown>, key: string, value: unknown): unknown {
	const raw = this[key]
	if (raw !== value) throw GIVE_UP // a toJSON method changed it (a Date, say), or NaN
	switch (typeof raw) {
		case 'string':
		case 'boolean':
			return raw
		case 'number':
			if (Number.isFinite(raw)) return raw
			throw GIVE_UP
		case 'undefined':
			if (Array.isArray(this)) throw GIVE_UP
			return raw // left out of an object, as `write` leaves it out
		case 'object': {
			if (raw === null || Array.isArray(raw)) return raw
			const proto = Object.getPrototypeOf(raw)
			if (proto !== Object.prototype && proto !== null) throw GIVE_UP
			const record = raw as Record<string, unknown>
			const keys = Object.keys(record)
			if (inOrder(keys)) return raw
			const sorted: Record<string, unknown> = {}
			for (const k of keys.sort()) sorted[k] = record[k]
			// JavaScript lists integer-like keys first, in numeric order, whatever order they were added in.
			if (!inOrder(Object.keys(sorted))) throw GIVE_UP
			return sorted
		}
		default:
			throw GIVE_UP
	}
}

function inOrder(keys: string[]): boolean {
	for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false
	return true
}

function write(value: unknown, path: string): string {
	if (value === null) return 'null'
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value)
		case 'boolean':
			return value ? 'true' : 'false'
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}; only finite numbers can be frozen`)
			return Object.is(value, -0) ? '0' : JSON.stringify(value)
		case 'object': {
			if (Array.isArray(value)) {
				const items: string[] = []
				for (let i = 0; i < value.length; i++) {
					if (value[i] === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined`) // holes too
					items.push(write(value[i], `${path}[${i}]`))
				}
				return `[${items.join(',')}]`
			}
			const proto = Object.getPrototypeOf(value)
			if (proto !== Object.prototype && proto !== null) {
				const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object'
				throw new TypeError(`canonicalJson: ${path} is a ${name}; only plain objects, arrays and primitives can be frozen`)
			}
			const record = value as Record<string, unknown>
			const keys = Object.keys(record)
				.filter(k => record[k] !== undefined)
				.sort()
			return `{${keys.map(k => `${JSON.stringify(k)}:${write(record[k], `${path}.${k}`)}`).join(',')}}`
		}
		default:
			throw new TypeError(`canonicalJson: ${path} is a ${typeof value}; it cannot be frozen`)
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Quarters ('YYYY-Qn')

const QUARTER = /^(\d{4})-Q([1-4])$/
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const

export function isQuarter(value: unknown): value is string {
	return typeof value === 'string' && QUARTER.test(value)
}

function parts(quarter: string): { year: number; q: number } {
	const m = QUARTER.exec(quarter)
	if (!m) throw new RangeError(`'${quarter}' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3`)
	return { year: Number(m[1]), q: Number(m[2]) }
}

/** The quarter of a date: a `Date` (read in UTC), a 'YYYY-MM-DD' date or an ISO instant ('2026-11-23T08:00:00Z'). */
export function quarterOf(date: Date | string): string {
	let year: number
	let month: number
	if (date instanceof Date) {
		if (Number.isNaN(date.getTime())) throw new RangeError('quarterOf: invalid Date')
		year = date.getUTCFullYear()
		month = date.getUTCMonth() + 1
	} else {
		const day = date.slice(0, 10)
		if (!isIsoDate(day)) throw new RangeError(`quarterOf: '${date}' is not a YYYY-MM-DD date`)
		year = Number(day.slice(0, 4))
		month = Number(day.slice(5, 7))
	}
	return `${String(year).padStart(4, '0')}-Q${Math.floor((month - 1) / 3) + 1}`
}

/** The first day of a quarter: quarterStartDate('2026-Q3') is '2026-07-01'. */
export function quarterStartDate(quarter: string): string {
	const { year, q } = parts(quarter)
	return `${String(year).padStart(4, '0')}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`
}

/** The last day of a quarter: quarterEndDate('2026-Q3') is '2026-09-30'. */
export function quarterEndDate(quarter: string): string {
	const { year, q } = parts(quarter)
	return `${String(year).padStart(4, '0')}-${QUARTER_ENDS[q - 1]}`
}

export function previousQuarter(quarter: string): string {
	const { year, q } = parts(quarter)
	return q === 1 ? `${String(year - 1).padStart(4, '0')}-Q4` : `${String(year).padStart(4, '0')}-Q${q - 1}`
}

export function nextQuarter(quarter: string): string {
	const { year, q } = parts(quarter)
	return q === 4 ? `${String(year + 1).padStart(4, '0')}-Q1` : `${String(year).padStart(4, '0')}-Q${q + 1}`
}

/** Orders quarters (negative when a is earlier). Both must be valid quarters. */
export function compareQuarters(a: string, b: string): number {
	const x = parts(a)
	const y = parts(b)
	return x.year - y.year || x.q - y.q
}

/** 'YYYY-MM-DDTHH:MM:SSZ' from a Date, an ISO instant or the database's 'YYYY-MM-DD HH:MM:SS' (UTC). */
export function toIsoInstant(value: Date | string): string {
	const date = value instanceof Date ? value : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`)
	if (Number.isNaN(date.getTime())) throw new RangeError(`'${String(value)}' is not a date and time`)
	return `${date.toISOString().slice(0, 19)}Z`
}

// ---------------------------------------------------------------------------------------------------------------
// Content

/** The version of the stored layout (inputs envelope and hash serialisation). */
export const SNAPSHOT_FORMAT = 1

/** A decision taken on a relocation scenario since the previous snapshot: part of the board pack. */
export interface DecisionNote {
	scenario: string // the scenario's name
	status: 'approved' | 'rejected'
	decidedAt: string // 'YYYY-MM-DDTHH:MM:SSZ'
	decidedBy: string | null // the decider's name
	comment: string | null
}

/** The parsed `inputs` column: the inventory and the context it was scored in. */
export interface SnapshotInputs {
	format: number
	quarter: string
	asOf: string // the scoring date, 'YYYY-MM-DD', inside the quarter
	frozenAt: string // 'YYYY-MM-DDTHH:MM:SSZ'
	rulesVersion: string // RULES_VERSION of the code that produced the results
	decisions: DecisionNote[]
	inventory: PortfolioInventory
}

export interface BuildSnapshotArgs {
	quarter: string
	frozenAt: Date | string
	/** The id is kept in the row (model_version_id), not in the hashed content: it points into a mutable table. */
	model: { id?: number; label: string; settings: ModelSettings }
	rulesVersion: string
	/** The inventory that was scored, in the order of `sortInventory`. */
	inputs: PortfolioInventory
	/** scorePortfolio(inputs, model.settings, asOf): the scoring date is read from here. */
	results: PortfolioExposure
	decisions?: DecisionNote[]
}

/** The canonical texts a snapshot row stores (and hashes). */
export interface SnapshotContentStrings {
	quarter: string
	frozenAt: string // 'YYYY-MM-DDTHH:MM:SSZ'
	asOf: string
	modelLabel: string
	settingsJson: string
	inputsJson: string
	resultsJson: string
}

export class SnapshotContentError extends Error {
	override name = 'SnapshotContentError'
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byCode = <T extends { code: string }>(items: readonly T[]) => [...items].sort((a, b) => compareText(a.code, b.code))
const rank = <T extends string>(list: readonly string[], value: T) => {
	const i = list.indexOf(value)
	return i === -1 ? list.length : i
}

/**
 * The inventory in the one order snapshots use: units by code, their systems, flows and staffing lines by code,
 * each system's technologies in the domain's order, group headcount in the order of STAFF_FUNCTIONS. Score this
 * copy, then freeze it: the results list units in the order they were given.
 */
export function sortInventory(p: PortfolioInventory): PortfolioInventory {
	return {
		units: [...p.units]
			.sort((a, b) => compareText(a.unit.code, b.unit.code))
			.map(u => ({
				unit: { ...u.unit },
				systems: byCode(u.systems).map(s => ({
					...s,
					technologies: [...s.technologies].sort(
						(a, b) => rank(SYSTEM_TECHNOLOGIES, a) - rank(SYSTEM_TECHNOLOGIES, b) || compareText(a, b),
					),
				})),
				flows: byCode(u.flows).map(f => ({ ...f })),
				staffing: byCode(u.staffing).map(l => ({ ...l })),
			})),
		groupHeadcount: [...p.groupHeadcount]
			.sort((a, b) => rank(STAFF_FUNCTIONS, a.function) - rank(STAFF_FUNCTIONS, b.function) || compareText(a.function, b.function))
			.map(g => ({ ...g })),
	}
}

/**
 * The canonical texts of a snapshot: the model settings, the inputs envelope (quarter, scoring date, frozen-at,
 * rules version, decisions, inventory) and the results. Refuses results that are not the scoring of these inputs
 * under these settings on a date inside the quarter, and inputs that are not in `sortInventory` order.
 */
export function buildSnapshotContent(args: BuildSnapshotArgs): SnapshotContentStrings {
	const { quarter, model, results } = args
	if (!isQuarter(quarter)) throw new SnapshotContentError(`'${quarter}' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3`)
	const asOf = results.asOf
	if (!isIsoDate(asOf)) throw new SnapshotContentError(`The results were scored on '${asOf}', which is not a YYYY-MM-DD date`)
	if (asOf < quarterStartDate(quarter) || asOf > quarterEndDate(quarter))
		throw new SnapshotContentError(
			`A snapshot of ${quarter} must be scored on a date inside the quarter (${quarterStartDate(quarter)} to ${quarterEndDate(quarter)}), not ${asOf}`,
		)
	if (results.modelVersion !== model.settings.version)
		throw new SnapshotContentError(
			`The results were scored with model ${results.modelVersion}, not with the settings given (${model.settings.version})`,
		)
	const inventory = sortInventory(args.inputs)
	const inputCodes = inventory.units.map(u => u.unit.code).join('\n')
	const resultCodes = results.units.map(u => u.unitCode).join('\n')
	if (inputCodes !== resultCodes)
		throw new SnapshotContentError(
			'The results do not list the same units in the same order as the inputs: score sortInventory(inputs) and freeze that',
		)
	const envelope: SnapshotInputs = {
		format: SNAPSHOT_FORMAT,
		quarter,
		asOf,
		frozenAt: toIsoInstant(args.frozenAt),
		rulesVersion: args.rulesVersion,
		decisions: [...(args.decisions ?? [])].sort(
			(a, b) => compareText(a.decidedAt, b.decidedAt) || compareText(a.scenario, b.scenario),
		),
		inventory,
	}
	return {
		quarter,
		frozenAt: envelope.frozenAt,
		asOf,
		modelLabel: model.label,
		settingsJson: canonicalJson(model.settings),
		inputsJson: canonicalJson(envelope),
		resultsJson: canonicalJson(results),
	}
}

export interface SnapshotHashInput {
	quarter: string
	modelLabel: string
	settingsJson: string
	inputsJson: string
	resultsJson: string
	prevHash: string | null
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * Hex SHA-256 of the canonical JSON of { format, quarter, modelLabel, settingsSha256, inputsSha256, resultsSha256,
 * prevHash }, where each *Sha256 is the hex SHA-256 of the stored text (UTF-8). Hashing the parts first keeps a
 * large group's tens of megabytes out of the JSON escaping, and lets each part be checked on its own. Covering
 * prevHash chains each snapshot to the one before it.
 */
export function snapshotHash(input: SnapshotHashInput): string {
	return sha256(
		canonicalJson({
			format: `snapshot/v${SNAPSHOT_FORMAT}`,
			quarter: input.quarter,
			modelLabel: input.modelLabel,
			settingsSha256: sha256(input.settingsJson),
			inputsSha256: sha256(input.inputsJson),
			resultsSha256: sha256(input.resultsJson),
			prevHash: input.prevHash,
		}),
	)
}

/** A stored snapshot as the verifier reads it: the row's texts, decoded from storage and otherwise untouched. */
export interface FrozenSnapshot {
	quarter: string
	frozenAt: string // as stored: 'YYYY-MM-DD HH:MM:SS' (UTC) or an ISO instant
	modelLabel: string
	modelSettings: string
	inputs: string
	results: string
	contentHash: string
	prevHash: string | null
	/** Set by the storage layer when the stored bytes could not be decoded into texts (the texts are then empty). */
	storageProblem?: string
}

/** A snapshot's content, parsed. */
export interface SnapshotContent {
	quarter: string
	frozenAt: string // 'YYYY-MM-DDTHH:MM:SSZ'
	asOf: string
	rulesVersion: string
	decisions: DecisionNote[]
	model: { label: string; settings: ModelSettings }
	inventory: PortfolioInventory
	results: PortfolioExposure
}

/** Parses a stored snapshot's texts; throws a SnapshotContentError when they are not a snapshot of this format. */
export function parseSnapshotContent(s: FrozenSnapshot): SnapshotContent {
	const read = (text: string, what: string): unknown => {
		try {
			return JSON.parse(text)
		} catch (error) {
			throw new SnapshotContentError(`${s.quarter}: the ${what} are not JSON (${(error as Error).message})`)
		}
	}
	const settings = read(s.modelSettings, 'model settings') as ModelSettings
	const inputs = read(s.inputs, 'inputs') as Partial<SnapshotInputs> | null
	const results = read(s.results, 'results') as Partial<PortfolioExposure> | null
	if (!settings || typeof settings !== 'object' || typeof settings.version !== 'string')
		throw new SnapshotContentError(`${s.quarter}: the model settings have no version`)
	if (!inputs || typeof inputs !== 'object' || !inputs.inventory || !Array.isArray(inputs.inventory.units) || !isIsoDate(inputs.asOf))
		throw new SnapshotContentError(`${s.quarter}: the inputs are not a snapshot inventory with a scoring date`)
	if (!results || typeof results !== 'object' || !Array.isArray(results.units))
		throw new SnapshotContentError(`${s.quarter}: the results are not a portfolio exposure`)
	return {
		quarter: typeof inputs.quarter === 'string' ? inputs.quarter : s.quarter,
		frozenAt: typeof inputs.frozenAt === 'string' ? inputs.frozenAt : toIsoInstant(s.frozenAt),
		asOf: inputs.asOf,
		rulesVersion: typeof inputs.rulesVersion === 'string' ? inputs.rulesVersion : 'unknown',
		decisions: Array.isArray(inputs.decisions) ? inputs.decisions : [],
		model: { label: s.modelLabel, settings },
		inventory: inputs.inventory,
		results: results as PortfolioExposure,
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

/** The scorer, passed in: scorePortfolio from models/exposure in production. */
export type Rescore = (inventory: PortfolioInventory, settings: ModelSettings, asOf: string) => PortfolioExposure

export type SnapshotProblemKind =
	| 'content_hash_mismatch' // settings, inputs, results, quarter or model label changed after freezing
	| 'chain_broken' // prevHash is not the previous snapshot's hash
	| 'metadata_mismatch' // the row's quarter or frozen-at disagree with the hashed content
	| 'unreadable' // the texts are not a snapshot
	| 'duplicate_quarter'
	| 'not_reproducible' // re-scoring the frozen inputs under the frozen settings gives other results
	| 'derived_mismatch' // something the app keeps derived from the snapshot (a cached trend point) disagrees with it

export interface SnapshotProblem {
	kind: SnapshotProblemKind
	message: string
	/** not_reproducible only: the snapshot was frozen under another rules version, which explains the difference. */
	rulesChanged?: boolean
}

export interface QuarterVerification {
	quarter: string
	contentHash: string
	modelLabel: string
	rulesVersion: string | null
	ok: boolean
	problems: SnapshotProblem[]
}

export interface ChainVerification {
	ok: boolean
	quarters: QuarterVerification[]
	/** The latest snapshot's stored hash: publish it (e.g. in the board pack) to anchor the whole chain. */
	head: string | null
	rulesVersion: string
}

/**
 * Checks every snapshot, in quarter order: its hash recomputed from its texts, its prevHash against the previous
 * snapshot's hash, its row metadata against the hashed content, and its frozen results against a re-scoring of
 * its frozen inputs under its frozen settings on its frozen date. Returns the problems per quarter.
 */
export function verifyChain(
	rows: readonly FrozenSnapshot[],
	rescore: Rescore,
	options: { rulesVersion?: string } = {},
): ChainVerification {
	const currentRules = options.rulesVersion ?? RULES_VERSION
	const sorted = [...rows].sort((a, b) =>
		isQuarter(a.quarter) && isQuarter(b.quarter) ? compareQuarters(a.quarter, b.quarter) : compareText(a.quarter, b.quarter),
	)
	const quarters: QuarterVerification[] = []
	let previous: ChainLink | null = null
	for (const row of sorted) {
		quarters.push(verifySnapshot(row, previous, rescore, currentRules).verification)
		previous = row
	}
	return chainVerification(quarters, currentRules)
}

/** What a snapshot's check needs of the one before it in quarter order. */
export type ChainLink = Pick<FrozenSnapshot, 'quarter' | 'contentHash'>

/** The summary of the checks of every snapshot, given in quarter order. */
export function chainVerification(quarters: QuarterVerification[], rulesVersion: string = RULES_VERSION): ChainVerification {
	return { ok: quarters.every(q => q.ok), quarters, head: quarters.at(-1)?.contentHash ?? null, rulesVersion }
}

/**
 * The checks of verifyChain for one snapshot, given the one before it in quarter order (null for the first), so a
 * long chain can be verified one stored row at a time. Also returns the parsed content (null when unreadable).
 */
export function verifySnapshot(
	row: FrozenSnapshot,
	previous: ChainLink | null,
	rescore: Rescore,
	currentRules: string = RULES_VERSION,
): { verification: QuarterVerification; content: SnapshotContent | null } {
	const problems: SnapshotProblem[] = []
	let rulesVersion: string | null = null
	if (!isQuarter(row.quarter)) problems.push({ kind: 'metadata_mismatch', message: `'${row.quarter}' is not a quarter` })
	if (previous && previous.quarter === row.quarter)
		problems.push({ kind: 'duplicate_quarter', message: `${row.quarter} is frozen more than once` })

	if (row.storageProblem) problems.push({ kind: 'unreadable', message: `Tampered or damaged: ${row.storageProblem}` })
	else {
		const recomputed = snapshotHash({
			quarter: row.quarter,
			modelLabel: row.modelLabel,
			settingsJson: row.modelSettings,
			inputsJson: row.inputs,
			resultsJson: row.results,
			prevHash: row.prevHash,
		})
		if (recomputed !== row.contentHash)
			problems.push({
				kind: 'content_hash_mismatch',
				message: `Tampered: the content no longer matches its hash (stored ${short(row.contentHash)}, recomputed ${short(recomputed)}); the settings, inputs, results, quarter, model label or previous hash were changed after freezing`,
			})
	}
	const expectedPrev = previous ? previous.contentHash : null
	if ((row.prevHash ?? null) !== expectedPrev)
		problems.push({
			kind: 'chain_broken',
			message: previous
				? `Broken chain: previous hash ${row.prevHash ? short(row.prevHash) : 'missing'} is not ${previous.quarter}'s hash ${short(previous.contentHash)}`
				: `Broken chain: the first snapshot names a previous hash (${short(row.prevHash ?? '')}) but no earlier snapshot exists`,
		})
	const done = (content: SnapshotContent | null) => ({
		verification: { quarter: row.quarter, contentHash: row.contentHash, modelLabel: row.modelLabel, rulesVersion, ok: problems.length === 0, problems },
		content,
	})
	if (row.storageProblem) return done(null)

	let content: SnapshotContent | null = null
	try {
		content = parseSnapshotContent(row)
	} catch (error) {
		problems.push({ kind: 'unreadable', message: (error as Error).message })
	}
	if (content) {
		rulesVersion = content.rulesVersion
		if (content.quarter !== row.quarter)
			problems.push({ kind: 'metadata_mismatch', message: `The row says ${row.quarter} but the frozen content says ${content.quarter}` })
		if (!sameInstant(content.frozenAt, row.frozenAt))
			problems.push({
				kind: 'metadata_mismatch',
				message: `The row says frozen at ${row.frozenAt} but the frozen content says ${content.frozenAt}`,
			})
		problems.push(...reproduce(content, row.results, rescore, currentRules))
	}
	return done(content)
}

function sameInstant(a: string, b: string): boolean {
	try {
		return toIsoInstant(a) === toIsoInstant(b)
	} catch {
		return false
	}
}

function reproduce(content: SnapshotContent, resultsJson: string, rescore: Rescore, currentRules: string): SnapshotProblem[] {
	let now: PortfolioExposure
	try {
		now = rescore(content.inventory, content.model.settings, content.asOf)
	} catch (error) {
		return [{ kind: 'not_reproducible', message: `Re-scoring the frozen inputs failed: ${(error as Error).message}` }]
	}
	let nowJson: string
	try {
		nowJson = canonicalJson(now)
	} catch (error) {
		return [{ kind: 'not_reproducible', message: `The re-scored results cannot be serialised: ${(error as Error).message}` }]
	}
	if (nowJson === resultsJson) return []
	const differences = describeResultDifferences(content.results, now)
	const rulesChanged = content.rulesVersion !== currentRules
	return [
		{
			kind: 'not_reproducible',
			rulesChanged,
			message: rulesChanged
				? `Results differ when re-scored under the current rules ${currentRules}; they were frozen under rules ${content.rulesVersion}, so the change of scoring code explains it (${differences})`
				: `Results do not reproduce from the frozen inputs and settings under the same rules version ${currentRules} (${differences}): the results were not produced from these inputs, or the scoring code changed without a new RULES_VERSION`,
		},
	]
}

/** A short account of how two portfolio results differ: the first few unit/dimension scores, else what else differs. */
export function describeResultDifferences(frozen: PortfolioExposure, now: PortfolioExposure): string {
	const diffs: string[] = []
	const nowByCode = new Map(now.units.map(u => [u.unitCode, u]))
	const frozenCodes = new Set(frozen.units.map(u => u.unitCode))
	for (const f of frozen.units) {
		const n = nowByCode.get(f.unitCode)
		if (!n) {
			diffs.push(`${f.unitCode} missing when re-scored`)
			continue
		}
		for (const d of DIMENSIONS) {
			const a = f.dimensions?.[d]
			const b = n.dimensions[d]
			if (!a || a.score !== b.score || a.band !== b.band)
				diffs.push(`${f.unitCode} ${d} frozen ${a ? `${a.score} ${a.band}` : 'absent'}, now ${b.score} ${b.band}`)
		}
	}
	for (const n of now.units) if (!frozenCodes.has(n.unitCode)) diffs.push(`${n.unitCode} appears when re-scored`)
	if (diffs.length === 0) return 'the scores agree; findings, penalties or summaries differ'
	return diffs.length > 3 ? `${diffs.slice(0, 3).join('; ')}; and ${diffs.length - 3} more` : diffs.join('; ')
}

const short = (hash: string) => (hash ? `${hash.slice(0, 12)}…` : '(none)')

// ---------------------------------------------------------------------------------------------------------------
// Inventory changes, in words

export interface InputChange {
	entity: 'unit' | 'system' | 'flow' | 'staffing' | 'group'
	code: string // the unit, system, flow or staffing line code; the function for group headcount
	change: 'added' | 'removed' | 'changed'
	field: string | null // the domain field, for 'changed'
	from: unknown
	to: unknown
	text: string
	/** false for fields the exposure rules do not read (names, wages, tenure): shown for completeness. */
	material: boolean
}

const MECHANISM_WORDS: Record<string, string> = {
	none: 'no mechanism',
	standard_contract: 'standard contract',
	certification: 'certification',
	security_assessment: 'security assessment',
}

const fmt = (n: number) => formatCount(n)
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null)

function changed<T extends object>(
	entity: InputChange['entity'],
	code: string,
	prev: T,
	curr: T,
	fields: readonly (keyof T & string)[],
	describe: (field: keyof T & string, from: unknown, to: unknown) => { text: string; material: boolean } | null,
): InputChange[] {
	const out: InputChange[] = []
	for (const field of fields) {
		const from = (prev as Record<string, unknown>)[field] ?? null
		const to = (curr as Record<string, unknown>)[field] ?? null
		if (same(from, to)) continue
		const d = describe(field, from, to)
		if (d) out.push({ entity, code, change: 'changed', field, from, to, ...d })
	}
	return out
}

function volumeText(code: string, what: string, from: number | null, to: number | null, steps: readonly number[]): string {
	const label = what ? `${what} volume` : 'volume'
	if (from === null && to !== null) return `Flow ${code} ${label} now recorded: ${fmt(to)} individuals (was unknown)`
	if (to === null) return `Flow ${code} ${label} no longer known (was ${fmt(from ?? 0)} individuals)`
	if (from === null) return `Flow ${code} ${label} changed`
	const up = steps.filter(t => from < t && to >= t).pop()
	if (up !== undefined) return `Flow ${code} ${label} rose past ${fmt(up)} individuals (${fmt(from)} → ${fmt(to)})`
	const down = steps.find(t => from >= t && to < t)
	if (down !== undefined) return `Flow ${code} ${label} fell below ${fmt(down)} individuals (${fmt(from)} → ${fmt(to)})`
	return `Flow ${code} ${label} ${to > from ? 'rose' : 'fell'} from ${fmt(from)} to ${fmt(to)} individuals`
}

const PI_STEPS = [TRANSFER_THRESHOLDS.nonSensitiveStandardContract, TRANSFER_THRESHOLDS.nonSensitiveSecurityAssessment, 10_000_000]
const SPI_STEPS = [TRANSFER_THRESHOLDS.sensitiveSecurityAssessment, 100_000]

const UNIT_FIELDS = [
	'name',
	'segment',
	'legalEntityType',
	'city',
	'sector',
	'isCiio',
	'handlesConsumerData',
	'chinaRevenueRmb',
	'priorYearGlobalTurnoverRmb',
] as const satisfies readonly (keyof BusinessUnit)[]

function unitChanges(prev: BusinessUnit, curr: BusinessUnit): InputChange[] {
	const code = curr.code
	return changed('unit', code, prev, curr, UNIT_FIELDS, (field, from, to) => {
		switch (field) {
			case 'isCiio':
				return {
					text: to ? `${code} notified as a critical information infrastructure operator (CIIO)` : `${code} no longer a CIIO`,
					material: true,
				}
			case 'handlesConsumerData':
				return { text: to ? `${code} now handles consumer data` : `${code} no longer handles consumer data`, material: true }
			case 'chinaRevenueRmb':
				return { text: `${code} China revenue RMB ${fmt(from as number)} → ${fmt(to as number)}`, material: true }
			case 'priorYearGlobalTurnoverRmb':
				return { text: `${code} prior-year group turnover RMB ${fmt(from as number)} → ${fmt(to as number)}`, material: true }
			case 'name':
				return { text: `${code} renamed from '${from}' to '${to}'`, material: false }
			default:
				return { text: `${code} ${words(field)} ${String(from)} → ${String(to)}`, material: field !== 'legalEntityType' }
		}
	})
}

const SYSTEM_FIELDS = [
	'name',
	'mlpsLevel',
	'gradedOn',
	'filedOn',
	'lastAssessedOn',
	'technologies',
	'holdsPersonalData',
	'holdsImportantData',
	'holdsSourceCode',
] as const satisfies readonly (keyof InfoSystem)[]

function systemChanges(prev: InfoSystem, curr: InfoSystem): InputChange[] {
	const code = curr.code
	const levelChanged = prev.mlpsLevel !== curr.mlpsLevel
	return changed('system', code, prev, curr, SYSTEM_FIELDS, (field, from, to) => {
		switch (field) {
			case 'mlpsLevel':
				if (from === null) return { text: `${code} graded MLPS level ${to}${curr.gradedOn ? ` (${curr.gradedOn})` : ''}`, material: true }
				if (to === null) return { text: `${code} grading withdrawn: now ungraded (was level ${from})`, material: true }
				return { text: `${code} regraded from MLPS level ${from} to ${to}`, material: true }
			case 'gradedOn':
				if (levelChanged) return null // told with the level
				return { text: `${code} grading date ${from ?? 'none'} → ${to ?? 'none'}`, material: true }
			case 'filedOn':
				if (from === null) return { text: `MLPS filing for ${code} recorded (filed ${to})`, material: true }
				if (to === null) return { text: `MLPS filing for ${code} removed (was filed ${from})`, material: true }
				return { text: `MLPS filing date for ${code} corrected from ${from} to ${to}`, material: true }
			case 'lastAssessedOn':
				if (from === null) return { text: `First MLPS assessment of ${code} recorded (${to})`, material: true }
				if (to === null) return { text: `MLPS assessment of ${code} removed (was ${from})`, material: true }
				return (to as string) > (from as string)
					? { text: `MLPS assessment of ${code} recorded (${to}; previous ${from})`, material: true }
					: { text: `MLPS assessment date of ${code} corrected from ${from} to ${to}`, material: true }
			case 'technologies': {
				const list = (v: unknown) => ((v as string[]).length ? (v as string[]).join(', ') : 'none')
				return { text: `${code} technologies ${list(from)} → ${list(to)}`, material: true }
			}
			case 'holdsPersonalData':
				return { text: `${code} ${to ? 'now holds' : 'no longer holds'} personal data`, material: true }
			case 'holdsImportantData':
				return { text: `${code} ${to ? 'now holds' : 'no longer holds'} important data`, material: true }
			case 'holdsSourceCode':
				return { text: `${code} ${to ? 'now holds' : 'no longer holds'} source code`, material: true }
			default:
				return { text: `${code} renamed from '${from}' to '${to}'`, material: false }
		}
	})
}

const FLOW_FIELDS = [
	'name',
	'destinationCountry',
	'destinationEntity',
	'personalInfoIndividuals',
	'sensitivePersonalInfoIndividuals',
	'includesImportantData',
	'purpose',
	'collectedInMainland',
	'outsideFtzNegativeList',
	'isRemoteAccess',
	'mechanismInPlace',
	'mechanismSince',
	'mechanismExpiresOn',
] as const satisfies readonly (keyof DataFlow)[]

function flowChanges(prev: DataFlow, curr: DataFlow): InputChange[] {
	const code = curr.code
	const mechanismChanged = prev.mechanismInPlace !== curr.mechanismInPlace
	return changed('flow', code, prev, curr, FLOW_FIELDS, (field, from, to) => {
		switch (field) {
			case 'personalInfoIndividuals':
				return { text: volumeText(code, '', from as number | null, to as number | null, PI_STEPS), material: true }
			case 'sensitivePersonalInfoIndividuals':
				return { text: volumeText(code, 'sensitive-PI', from as number | null, to as number | null, SPI_STEPS), material: true }
			case 'mechanismInPlace': {
				const since = curr.mechanismSince ? ` (${curr.mechanismSince})` : ''
				if (from === 'none') {
					const verb = to === 'standard_contract' ? 'filed' : to === 'certification' ? 'obtained' : 'passed'
					return { text: `${cap(MECHANISM_WORDS[to as string] ?? String(to))} ${verb} for flow ${code}${since}`, material: true }
				}
				if (to === 'none')
					return { text: `Flow ${code} no longer has a transfer mechanism (was ${MECHANISM_WORDS[from as string] ?? from})`, material: true }
				return {
					text: `Flow ${code} mechanism changed from ${MECHANISM_WORDS[from as string] ?? from} to ${MECHANISM_WORDS[to as string] ?? to}${since}`,
					material: true,
				}
			}
			case 'mechanismSince':
				if (mechanismChanged) return null
				return { text: `Flow ${code} ${MECHANISM_WORDS[curr.mechanismInPlace] ?? 'mechanism'} renewed (${to ?? 'date removed'})`, material: true }
			case 'mechanismExpiresOn':
				if (mechanismChanged) return null
				return { text: `Flow ${code} ${MECHANISM_WORDS[curr.mechanismInPlace] ?? 'mechanism'} now expires ${to ?? 'never'} (was ${from ?? 'never'})`, material: true }
			case 'includesImportantData':
				return { text: `Flow ${code} ${to ? 'now includes' : 'no longer includes'} important data`, material: true }
			case 'isRemoteAccess':
				return { text: `Flow ${code} ${to ? 'is now' : 'is no longer'} remote access from abroad`, material: true }
			case 'collectedInMainland':
				return { text: `Flow ${code} data ${to ? 'now' : 'no longer'} collected in mainland China`, material: true }
			case 'outsideFtzNegativeList':
				return { text: `Flow ${code} ${to ? 'now' : 'no longer'} outside the free-trade-zone negative list`, material: true }
			case 'purpose':
				return { text: `Flow ${code} purpose ${words(String(from))} → ${words(String(to))}`, material: true }
			case 'destinationCountry':
				return { text: `Flow ${code} destination ${from} → ${to}`, material: true }
			case 'destinationEntity':
				return { text: `Flow ${code} recipient '${from}' → '${to}'`, material: false }
			default:
				return { text: `Flow ${code} renamed from '${from}' to '${to}'`, material: false }
		}
	})
}

const STAFFING_FIELDS = [
	'function',
	'city',
	'headcount',
	'avgMonthlyWageRmb',
	'avgTenureMonths',
	'accessToPersonalData',
] as const satisfies readonly (keyof StaffingLine)[]

function staffingChanges(prev: StaffingLine, curr: StaffingLine): InputChange[] {
	const code = curr.code
	return changed('staffing', code, prev, curr, STAFFING_FIELDS, (field, from, to) => {
		switch (field) {
			case 'headcount': {
				const d = (to as number) - (from as number)
				return { text: `${code} headcount ${fmt(from as number)} → ${fmt(to as number)} (${d > 0 ? '+' : '−'}${fmt(Math.abs(d))})`, material: true }
			}
			case 'accessToPersonalData':
				return { text: `${code} ${to ? 'now has' : 'no longer has'} access to personal data`, material: true }
			case 'avgMonthlyWageRmb':
				return { text: `${code} average monthly wage RMB ${fmt(from as number)} → ${fmt(to as number)}`, material: false }
			case 'avgTenureMonths':
				return { text: `${code} average tenure ${from} → ${to} months`, material: false }
			default:
				return { text: `${code} ${words(field)} ${words(String(from))} → ${words(String(to))}`, material: true }
		}
	})
}

function words(s: string): string {
	return s.replace(/([a-z])([A-Z])/g, '$1 $2').replaceAll('_', ' ').toLowerCase()
}

function cap(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1)
}

function diffByCode<T extends { code: string }>(
	entity: InputChange['entity'],
	prev: readonly T[],
	curr: readonly T[],
	added: (x: T) => string,
	removed: (x: T) => string,
	fields: (a: T, b: T) => InputChange[],
): InputChange[] {
	const before = new Map(prev.map(x => [x.code, x]))
	const after = new Map(curr.map(x => [x.code, x]))
	const out: InputChange[] = []
	for (const x of byCode(curr)) {
		const p = before.get(x.code)
		if (!p) out.push({ entity, code: x.code, change: 'added', field: null, from: null, to: x, text: added(x), material: true })
		else out.push(...fields(p, x))
	}
	for (const x of byCode(prev))
		if (!after.has(x.code))
			out.push({ entity, code: x.code, change: 'removed', field: null, from: x, to: null, text: removed(x), material: true })
	return out
}

/** What changed in one unit's inventory, in words a board member can read. */
export function unitInputChanges(prev: UnitInventory, curr: UnitInventory): InputChange[] {
	return [
		...unitChanges(prev.unit, curr.unit),
		...diffByCode(
			'system',
			prev.systems,
			curr.systems,
			s => `System ${s.code} (${s.name}) added, ${s.mlpsLevel === null ? 'not yet graded' : `MLPS level ${s.mlpsLevel}${s.filedOn ? ', filed' : ', not filed'}`}`,
			s => `System ${s.code} (${s.name}) removed`,
			systemChanges,
		),
		...diffByCode(
			'flow',
			prev.flows,
			curr.flows,
			f =>
				`Flow ${f.code} (${f.name}) to ${f.destinationCountry} added: ${f.personalInfoIndividuals === null ? 'volume unknown' : `${fmt(f.personalInfoIndividuals)} individuals`}, ${MECHANISM_WORDS[f.mechanismInPlace] ?? f.mechanismInPlace}`,
			f => `Flow ${f.code} (${f.name}) to ${f.destinationCountry} removed`,
			flowChanges,
		),
		...diffByCode(
			'staffing',
			prev.staffing,
			curr.staffing,
			l => `Staffing line ${l.code} (${words(l.function)}, ${l.city}) added: ${fmt(l.headcount)} people`,
			l => `Staffing line ${l.code} (${words(l.function)}, ${l.city}) removed (was ${fmt(l.headcount)} people)`,
			staffingChanges,
		),
	]
}

function groupChanges(prev: readonly GroupFunctionHeadcount[], curr: readonly GroupFunctionHeadcount[]): InputChange[] {
	const out: InputChange[] = []
	const before = new Map(prev.map(g => [g.function, g.globalHeadcount]))
	const after = new Map(curr.map(g => [g.function, g.globalHeadcount]))
	for (const fn of [...new Set([...before.keys(), ...after.keys()])]) {
		const from = before.get(fn) ?? null
		const to = after.get(fn) ?? null
		if (from === to) continue
		out.push({
			entity: 'group',
			code: fn,
			change: from === null ? 'added' : to === null ? 'removed' : 'changed',
			field: 'globalHeadcount',
			from,
			to,
			text: `Group ${words(fn)} headcount ${from === null ? 'unknown' : fmt(from)} → ${to === null ? 'unknown' : fmt(to)}`,
			material: true,
		})
	}
	return out
}

// ---------------------------------------------------------------------------------------------------------------
// Attribution

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
		for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort())
			settingsDiff(a[k], b[k], path ? `${path}.${k}` : k, out)
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
		unitsAdded: [...C.values()].filter(u => !P.has(u.unitCode)).map(presence).sort((a, b) => compareText(a.unitCode, b.unitCode)),
		unitsRemoved: [...P.values()].filter(u => !C.has(u.unitCode)).map(presence).sort((a, b) => compareText(a.unitCode, b.unitCode)),
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
