// Verifying snapshots: each one's hash recomputed, the chain, the row against its content, and the frozen results
// against a re-scoring of the frozen inputs.

import { RULES_VERSION } from '../exposure/rules-version.ts'
import { type ModelSettings } from '../exposure/settings.ts'
import { DIMENSIONS, type PortfolioExposure } from '../exposure/types.ts'
import { type PortfolioInventory } from '../domain.ts'
import { toIsoInstant } from '../dates.ts'
import { compareQuarters, isQuarter } from '../quarter.ts'
import { canonicalJson } from './canonical-json.ts'
import { compareText, type FrozenSnapshot, parseSnapshotContent, type SnapshotContent } from './content.ts'
import { type Sha256, snapshotHash } from './hash.ts'

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
	sha256: Sha256,
	options: { rulesVersion?: string } = {},
): ChainVerification {
	const currentRules = options.rulesVersion ?? RULES_VERSION
	const sorted = [...rows].sort((a, b) =>
		isQuarter(a.quarter) && isQuarter(b.quarter) ? compareQuarters(a.quarter, b.quarter) : compareText(a.quarter, b.quarter),
	)
	const quarters: QuarterVerification[] = []
	let previous: ChainLink | null = null
	for (const row of sorted) {
		quarters.push(verifySnapshot(row, previous, rescore, sha256, currentRules).verification)
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
	sha256: Sha256,
	currentRules: string = RULES_VERSION,
): { verification: QuarterVerification; content: SnapshotContent | null } {
	const problems: SnapshotProblem[] = []
	let rulesVersion: string | null = null
	if (!isQuarter(row.quarter)) problems.push({ kind: 'metadata_mismatch', message: `'${row.quarter}' is not a quarter` })
	if (previous && previous.quarter === row.quarter)
		problems.push({ kind: 'duplicate_quarter', message: `${row.quarter} is frozen more than once` })

	if (row.storageProblem) problems.push({ kind: 'unreadable', message: `Tampered or damaged: ${row.storageProblem}` })
	else {
		const recomputed = snapshotHash(
			{
				quarter: row.quarter,
				modelLabel: row.modelLabel,
				settingsJson: row.modelSettings,
				inputsJson: row.inputs,
				resultsJson: row.results,
				prevHash: row.prevHash,
			},
			sha256,
		)
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
		verification: {
			quarter: row.quarter,
			contentHash: row.contentHash,
			modelLabel: row.modelLabel,
			rulesVersion,
			ok: problems.length === 0,
			problems,
		},
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
