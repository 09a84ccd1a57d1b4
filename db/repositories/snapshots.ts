import { type Kysely } from 'kysely'
import { trendPoint, TREND_POINT_VERSION, type TrendPoint } from '#models/board.ts'
import { type PortfolioInventory } from '#models/domain.ts'
import { parseModelSettings, RULES_VERSION, scorePortfolio, type ModelSettings } from '#models/exposure/index.ts'
import { toIsoInstant } from '#models/dates.ts'
import { compareQuarters, isQuarter, quarterEndDate } from '#models/quarter.ts'
import {
	attributeChanges,
	buildSnapshotContent,
	chainVerification,
	parseSnapshotContent,
	SnapshotContentError,
	snapshotHash,
	sortInventory,
	verifySnapshot,
	type ChainLink,
	type ChainVerification,
	type DecisionNote,
	type FrozenSnapshot,
	type QuarterVerification,
	type SnapshotAttribution,
	type SnapshotContent,
} from '#models/snapshot/index.ts'
import { freezeObligations } from '#models/obligations/frozen.ts'
import { listDutyStatuses } from './obligations.ts'
import { sha256Hex } from '../hash.ts'
import { latestDecisionRecords } from './scenario-records.ts'
import { sqlNow } from '../mappers.ts'
import { type Database, type SnapshotRow } from '../schema.ts'
import { decodeSnapshotText, encodeSnapshotText, SNAPSHOT_ENCODING } from '../snapshot-encoding.ts'
import { isUniqueViolation } from '../sql/errors.ts'
import { inTransaction } from '../sql/transaction.ts'
import { findActiveModelVersion } from './model-versions.ts'
import { loadPortfolio } from './portfolio.ts'

// Snapshots are append-only: this module has no update or delete, and the database's triggers
// refuse them too (see the initial migration). A snapshot is written once, by appendSnapshot
// (freezeSnapshot for the live inventory), inside one transaction that also chains it to the latest one.

export interface SnapshotSummary {
	id: number
	quarter: string
	frozenAt: string
	modelLabel: string
	contentHash: string
	prevHash: string | null
}

const summaryColumns = ['id', 'quarter', 'frozen_at', 'model_label', 'content_hash', 'prev_hash'] as const

const toSummary = (r: Pick<SnapshotRow, (typeof summaryColumns)[number]>): SnapshotSummary => ({
	id: r.id,
	quarter: r.quarter,
	frozenAt: r.frozen_at,
	modelLabel: r.model_label,
	contentHash: r.content_hash,
	prevHash: r.prev_hash,
})

export async function listSnapshots(db: Kysely<Database>): Promise<SnapshotSummary[]> {
	const rows = await db.selectFrom('snapshot').select(summaryColumns).orderBy('quarter').execute()
	return rows.map(toSummary)
}

export async function findSnapshotByQuarter(db: Kysely<Database>, quarter: string): Promise<SnapshotRow | undefined> {
	return db.selectFrom('snapshot').selectAll().where('quarter', '=', quarter).executeTakeFirst()
}

export async function countSnapshots(db: Kysely<Database>): Promise<number> {
	const row = await db
		.selectFrom('snapshot')
		.select(eb => eb.fn.countAll<number>().as('n'))
		.executeTakeFirst()
	return Number(row?.n ?? 0)
}

// ---------------------------------------------------------------------------------------------------------------
// Reading typed content

/** A stored snapshot with its content parsed. */
export interface StoredSnapshot extends SnapshotContent {
	id: number
	modelVersionId: number // points into model_version, which re-seeding replaces: the content carries the settings
	frozenBy: number | null
	contentHash: string
	prevHash: string | null
}

/**
 * The row as the models/ verifier reads it: the three texts decoded from their stored bytes, otherwise untouched.
 * Bytes that do not decode (a damaged or edited row) leave the texts empty and say why in `storageProblem`.
 */
export async function frozenFromRow(r: SnapshotRow): Promise<FrozenSnapshot> {
	const frozen: FrozenSnapshot = {
		quarter: r.quarter,
		frozenAt: r.frozen_at,
		modelLabel: r.model_label,
		modelSettings: '',
		inputs: '',
		results: '',
		contentHash: r.content_hash,
		prevHash: r.prev_hash,
	}
	const decode = async (column: 'model_settings' | 'inputs' | 'results') => {
		try {
			return await decodeSnapshotText(r.content_encoding, r[column])
		} catch (error) {
			frozen.storageProblem ??= `the stored ${column} (${r.content_encoding}) do not decode: ${(error as Error).message}`
			return ''
		}
	}
	const [modelSettings, inputs, results] = await Promise.all([decode('model_settings'), decode('inputs'), decode('results')])
	return frozen.storageProblem ? frozen : { ...frozen, modelSettings, inputs, results }
}

async function storedFromRow(r: SnapshotRow): Promise<StoredSnapshot> {
	const frozen = await frozenFromRow(r)
	if (frozen.storageProblem) throw new SnapshotContentError(`${r.quarter}: ${frozen.storageProblem}`)
	return {
		...parseSnapshotContent(frozen),
		id: r.id,
		modelVersionId: r.model_version_id,
		frozenBy: r.frozen_by,
		contentHash: r.content_hash,
		prevHash: r.prev_hash,
	}
}

/** The snapshot of a quarter with its inventory, settings, results and decisions parsed; undefined if not frozen. */
export async function readSnapshot(db: Kysely<Database>, quarter: string): Promise<StoredSnapshot | undefined> {
	const row = await findSnapshotByQuarter(db, quarter)
	return row && storedFromRow(row)
}

/** The latest snapshot frozen before `quarter` (not necessarily the quarter just before: a quarter may be skipped). */
export async function readPreviousSnapshot(db: Kysely<Database>, quarter: string): Promise<StoredSnapshot | undefined> {
	const row = await db.selectFrom('snapshot').selectAll().where('quarter', '<', quarter).orderBy('quarter', 'desc').executeTakeFirst()
	return row && storedFromRow(row)
}

/**
 * What changed between the snapshot of `quarter` and the one before it, each change of score attributed to the
 * inventory, the scoring date, the model or the rules. Undefined when the quarter is not frozen; `previous` is
 * null for the first snapshot (nothing to compare with).
 */
export async function compareWithPreviousSnapshot(
	db: Kysely<Database>,
	quarter: string,
): Promise<{ current: StoredSnapshot; previous: StoredSnapshot | null; attribution: SnapshotAttribution | null } | undefined> {
	const current = await readSnapshot(db, quarter)
	if (!current) return undefined
	const previous = (await readPreviousSnapshot(db, quarter)) ?? null
	return { current, previous, attribution: previous ? attributeChanges(previous, current, scorePortfolio) : null }
}

/**
 * Verifies the whole chain with the real scorer (hashes, links, re-scoring; see verifySnapshot in
 * models/snapshot.ts), one stored row at a time so that a long chain of large snapshots never sits in memory at
 * once. Also checks each cached trend point against the snapshot it was derived from: the quarters page shows them.
 */
export async function verifyStoredChain(db: Kysely<Database>, onProgress?: ProgressReport): Promise<ChainVerification> {
	const order = await db.selectFrom('snapshot').select('id').orderBy('quarter').execute()
	const cached = await readCachedTrendPoints(db)
	const quarters: QuarterVerification[] = []
	let previous: ChainLink | null = null
	for (const { id } of order) {
		await onProgress?.(quarters.length, order.length, previous ? `${previous.quarter} checked` : null)
		const row = await db.selectFrom('snapshot').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
		const frozen = await frozenFromRow(row)
		const { verification, content } = verifySnapshot(frozen, previous, scorePortfolio, sha256Hex)
		const point = cached.get(row.content_hash)
		if (content && point && JSON.stringify(point) !== JSON.stringify(trendPointOf(content)))
			verification.problems.push({
				kind: 'derived_mismatch',
				message: `The cached trend point (what the quarters chart shows) disagrees with the snapshot; delete its row in snapshot_trend_point and it is derived again`,
			})
		verification.ok = verification.problems.length === 0
		quarters.push(verification)
		previous = { quarter: row.quarter, contentHash: row.content_hash }
	}
	await onProgress?.(quarters.length, order.length, null)
	return chainVerification(quarters)
}

/**
 * A long task's report of where it stands (a background job's progress, docs/decisions/041): `done` of `total`, and
 * a note. Awaited between steps, so it may also stop the task by throwing (the job was taken over or is stopping).
 */
export type ProgressReport = (done: number, total: number, note: string | null) => Promise<void> | void

// ---------------------------------------------------------------------------------------------------------------
// Trend points: one line of the quarters chart per snapshot, cached in snapshot_trend_point

/** Names the code a cached point was derived with: the point's shape and the rules that count lacking flows. */
const TREND_POINT_DERIVATION = `trend/${TREND_POINT_VERSION} rules ${RULES_VERSION}`

const trendPointOf = (c: SnapshotContent) => trendPoint(c.quarter, c.model.label, c.inventory, c.results)

async function readCachedTrendPoints(db: Kysely<Database>): Promise<Map<string, TrendPoint>> {
	const rows = await db
		.selectFrom('snapshot_trend_point')
		.select(['content_hash', 'point'])
		.where('derivation', '=', TREND_POINT_DERIVATION)
		.execute()
	return new Map(rows.map(r => [r.content_hash, JSON.parse(r.point) as TrendPoint]))
}

async function saveTrendPoint(db: Kysely<Database>, contentHash: string, point: TrendPoint) {
	try {
		await db
			.insertInto('snapshot_trend_point')
			.values({ content_hash: contentHash, derivation: TREND_POINT_DERIVATION, point: JSON.stringify(point) })
			.execute()
	} catch (error) {
		if (!isUniqueViolation(error)) throw error // another request derived the same point first
	}
}

/**
 * One trend point per frozen quarter, oldest first. Points come from the cache; a snapshot without one (frozen
 * before the cache existed, or after a change of the code that derives it) is decoded, parsed and derived once.
 */
export async function loadTrendPoints(db: Kysely<Database>): Promise<TrendPoint[]> {
	return (await readTrendPoints(db, Infinity)).points
}

/**
 * Trend points a page derives itself when the cache lacks them: none. Each means decoding a whole snapshot (seconds at
 * 1,000 units, measured 21 s for two under load); a quarter frozen since has its point saved with it, so only a change
 * of rules leaves points missing, and the 'trend.derive' job derives them while the page says which are pending.
 */
export const INLINE_TREND_POINTS = 0

/**
 * The trend points the cache holds, deriving at most `deriveAtMost` missing ones here; the quarters still missing
 * one are returned as `pending` (a background job derives them: after a change of rules, all 40 at scale take about
 * half a minute, which no request should wait for).
 */
export async function readTrendPoints(
	db: Kysely<Database>,
	deriveAtMost = INLINE_TREND_POINTS,
): Promise<{ points: TrendPoint[]; pending: string[] }> {
	const rows = await trendRows(db)
	const points: TrendPoint[] = []
	const pending: string[] = []
	let derived = 0
	for (const r of rows) {
		if (r.point) points.push(JSON.parse(r.point) as TrendPoint)
		else if (derived < deriveAtMost) {
			points.push(await deriveTrendPoint(db, r.quarter, r.content_hash))
			derived++
		} else pending.push(r.quarter)
	}
	return { points, pending }
}

/** Derives and caches every missing trend point, reporting progress (the 'trend.derive' background job). */
export async function deriveMissingTrendPoints(
	db: Kysely<Database>,
	onProgress?: ProgressReport,
): Promise<{ derived: number; quarters: number }> {
	const rows = await trendRows(db)
	const missing = rows.filter(r => !r.point)
	for (const [i, r] of missing.entries()) {
		await onProgress?.(i, missing.length, r.quarter)
		await deriveTrendPoint(db, r.quarter, r.content_hash)
	}
	await onProgress?.(missing.length, missing.length, null)
	return { derived: missing.length, quarters: rows.length }
}

/** How many frozen quarters lack a trend point derived by today's code. */
export async function countMissingTrendPoints(db: Kysely<Database>): Promise<number> {
	return (await trendRows(db)).filter(r => !r.point).length
}

function trendRows(db: Kysely<Database>) {
	return db
		.selectFrom('snapshot')
		.leftJoin('snapshot_trend_point', join =>
			join
				.onRef('snapshot_trend_point.content_hash', '=', 'snapshot.content_hash')
				.on('snapshot_trend_point.derivation', '=', TREND_POINT_DERIVATION),
		)
		.select(['snapshot.quarter', 'snapshot.content_hash', 'snapshot_trend_point.point'])
		.orderBy('snapshot.quarter')
		.execute()
}

async function deriveTrendPoint(db: Kysely<Database>, quarter: string, contentHash: string): Promise<TrendPoint> {
	const point = trendPointOf((await readSnapshot(db, quarter))!)
	await saveTrendPoint(db, contentHash, point)
	return point
}

// ---------------------------------------------------------------------------------------------------------------
// Freezing

export type SnapshotFreezeErrorCode =
	| 'already_frozen'
	| 'out_of_order'
	| 'invalid_quarter'
	| 'future_quarter'
	| 'invalid_as_of'
	| 'no_active_model'
	| 'invalid_model'
	| 'concurrent_freeze'

/** Why a quarter cannot be frozen, in a message meant for the person who asked. */
export class SnapshotFreezeError extends Error {
	override name = 'SnapshotFreezeError'
	constructor(
		readonly code: SnapshotFreezeErrorCode,
		readonly quarter: string,
		message: string,
	) {
		super(message)
	}
}

const alreadyFrozen = (quarter: string, hash: string) =>
	new SnapshotFreezeError(
		'already_frozen',
		quarter,
		`Quarter ${quarter} is already frozen (hash ${hash.slice(0, 12)}…); snapshots cannot be re-frozen.`,
	)

export interface AppendSnapshotInput {
	quarter: string
	asOf: string // the scoring date, inside the quarter
	frozenAt: Date
	frozenBy: number | null
	model: { id: number; label: string; settings: ModelSettings }
	inventory: PortfolioInventory
	decisions: DecisionNote[]
	rulesVersion?: string
}

export interface FrozenSnapshotSummary extends SnapshotSummary {
	asOf: string
	rulesVersion: string
}

/**
 * Scores `inventory` (sorted by code) under the model on `asOf`, builds the canonical content, chains it to the
 * latest snapshot's hash and inserts it, all in one transaction (joining the caller's). Refuses a quarter that is
 * already frozen or earlier than the latest frozen one. Freezes are serialised by taking the write lock on the
 * inventory version row first: a second freeze (or an inventory write) waits until this one commits, so the
 * chain cannot fork and the inventory read is consistent.
 */
export async function appendSnapshot(db: Kysely<Database>, input: AppendSnapshotInput): Promise<FrozenSnapshotSummary> {
	const { quarter } = input
	if (!isQuarter(quarter))
		throw new SnapshotFreezeError('invalid_quarter', quarter, `'${quarter}' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3.`)
	try {
		return await inTransaction(db, async trx => {
			await lockSnapshotChain(trx)
			const existing = await trx.selectFrom('snapshot').select('content_hash').where('quarter', '=', quarter).executeTakeFirst()
			if (existing) throw alreadyFrozen(quarter, existing.content_hash)
			const latest = await trx
				.selectFrom('snapshot')
				.select(['quarter', 'content_hash', 'frozen_at'])
				.orderBy('quarter', 'desc')
				.executeTakeFirst()
			if (latest && compareQuarters(quarter, latest.quarter) < 0)
				throw new SnapshotFreezeError(
					'out_of_order',
					quarter,
					`Quarter ${quarter} is earlier than the latest frozen quarter ${latest.quarter}; quarters are frozen in order and cannot be inserted behind the chain.`,
				)
			const inventory = sortInventory(input.inventory)
			const results = scorePortfolio(inventory, input.model.settings, input.asOf)
			const rulesVersion = input.rulesVersion ?? RULES_VERSION
			// The inventory as given: its monthly flow counts (not part of the frozen inputs) refine the frozen forecast.
			const obligations = freezeObligations(input.inventory, await listDutyStatuses(trx), results.asOf)
			const content = buildSnapshotContent({
				quarter,
				frozenAt: input.frozenAt,
				model: input.model,
				rulesVersion,
				inputs: inventory,
				results,
				decisions: input.decisions,
				obligations,
			})
			const prevHash = latest?.content_hash ?? null
			const encoded = Promise.all([content.settingsJson, content.inputsJson, content.resultsJson].map(encodeSnapshotText))
			const contentHash = snapshotHash({ ...content, prevHash }, sha256Hex) // while the thread pool compresses
			const [settingsBytes, inputsBytes, resultsBytes] = await encoded
			const frozenAt = sqlNow(new Date(content.frozenAt))
			const inserted = await trx
				.insertInto('snapshot')
				.values({
					quarter,
					frozen_at: frozenAt,
					frozen_by: input.frozenBy,
					model_version_id: input.model.id,
					model_label: content.modelLabel,
					content_hash: contentHash,
					prev_hash: prevHash,
					content_encoding: SNAPSHOT_ENCODING,
					model_settings: settingsBytes!,
					inputs: inputsBytes!,
					results: resultsBytes!,
				})
				.executeTakeFirstOrThrow()
			const id = Number(inserted.insertId)
			await saveTrendPoint(trx, contentHash, trendPoint(quarter, content.modelLabel, inventory, results))
			return { id, quarter, frozenAt, modelLabel: content.modelLabel, contentHash, prevHash, asOf: content.asOf, rulesVersion }
		})
	} catch (error) {
		throw await freezeFailure(db, quarter, error)
	}
}

/** Two freezes of one quarter that still met at the unique index, or a lock that gave up: say what happened. */
async function freezeFailure(db: Kysely<Database>, quarter: string, error: unknown): Promise<unknown> {
	if (error instanceof SnapshotFreezeError) return error
	if (!isUniqueViolation(error) && !isLockFailure(error)) return error
	const existing = await db.selectFrom('snapshot').select('content_hash').where('quarter', '=', quarter).executeTakeFirst()
	if (existing) return alreadyFrozen(quarter, existing.content_hash)
	return new SnapshotFreezeError('concurrent_freeze', quarter, 'Another snapshot was being frozen at the same time; try again.')
}

/**
 * Serialises writers of the chain: a no-op write to the inventory version row takes its row lock on MySQL and the
 * database write lock on SQLite. Call it first in the transaction, before any read: on MySQL (REPEATABLE READ) the
 * transaction's view is fixed by its first plain read, and it must include the freeze that held the lock before.
 */
async function lockSnapshotChain(trx: Kysely<Database>) {
	await trx
		.updateTable('inventory_version')
		.set(eb => ({ version: eb.ref('version') }))
		.where('id', '=', 1)
		.execute()
}

function isLockFailure(error: unknown) {
	const code = (error as { code?: string } | null)?.code
	return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY'
}

/**
 * Scenario decisions taken after `afterSql` (exclusive, or from the beginning) up to `untilSql` (inclusive), each with
 * the figures of its frozen record where there is one.
 */
export async function listDecisionNotes(db: Kysely<Database>, afterSql: string | null, untilSql: string): Promise<DecisionNote[]> {
	let q = db
		.selectFrom('scenario')
		.leftJoin('app_user', 'app_user.id', 'scenario.decided_by')
		.select([
			'scenario.id',
			'scenario.name',
			'scenario.status',
			'scenario.decided_at',
			'scenario.decision_comment',
			'app_user.name as decider',
		])
		.where('scenario.status', 'in', ['approved', 'rejected'])
		.where('scenario.decided_at', 'is not', null)
		.where('scenario.decided_at', '<=', untilSql)
	if (afterSql) q = q.where('scenario.decided_at', '>', afterSql)
	const rows = await q.orderBy('scenario.decided_at').orderBy('scenario.id').execute()
	const records = await latestDecisionRecords(
		db,
		rows.map(r => r.id),
	)
	return rows.map(r => {
		const record = records.get(r.id)
		const note: DecisionNote = {
			scenario: r.name,
			status: r.status as DecisionNote['status'],
			decidedAt: toIsoInstant(r.decided_at!),
			decidedBy: r.decider ?? null,
			comment: r.decision_comment,
		}
		if (record?.event === r.status) {
			const h = record.content.headline
			note.figures = {
				recordHash: record.contentHash,
				headcount: h.headcount,
				oneOffUsd: h.oneOffUsd,
				annualSavingUsd: h.annualSavingUsd,
				npvUsd: h.npvUsd,
				paybackLabel: h.paybackLabel,
				exposureScoreDelta: h.exposureScoreDelta,
				bandsImproved: h.bandsImproved,
				bandsWorsened: h.bandsWorsened,
			}
		}
		return note
	})
}

/** The scenario decisions taken since the latest snapshot was frozen, up to `now`: those the next snapshot records. */
export async function decisionsSinceLatestSnapshot(db: Kysely<Database>, now: Date): Promise<DecisionNote[]> {
	const latest = await db.selectFrom('snapshot').select('frozen_at').orderBy('quarter', 'desc').executeTakeFirst()
	return listDecisionNotes(db, latest?.frozen_at ?? null, sqlNow(now))
}

export interface FreezeSnapshotInput {
	quarter: string // 'YYYY-Qn'
	frozenBy: number | null // the user; null for a system job
	/** The scoring date, inside the quarter (default: its last day). Which quarter may be frozen: models/snapshot/freeze-rules.ts. */
	asOf?: string
	now?: Date
}

/**
 * Freezes the live inventory as the snapshot of `quarter`, in one transaction (joining the caller's): refuses a
 * quarter already frozen or earlier than the latest frozen one; loads the inventory and the active model version,
 * scores, records the scenario decisions taken since the previous snapshot with their frozen figures, chains to the
 * latest hash and inserts. The rules on which quarter may be frozen (planFreeze) and the audit entry are the freeze
 * service's (app/services/snapshots.server.ts). Throws SnapshotFreezeError with a message for the user.
 */
export async function freezeSnapshot(db: Kysely<Database>, input: FreezeSnapshotInput): Promise<FrozenSnapshotSummary> {
	const { quarter } = input
	const now = input.now ?? new Date()
	if (!isQuarter(quarter))
		throw new SnapshotFreezeError('invalid_quarter', quarter, `'${quarter}' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3.`)
	const asOf = input.asOf ?? quarterEndDate(quarter)
	try {
		return await freezeLive(db, { quarter, asOf, now, frozenBy: input.frozenBy })
	} catch (error) {
		throw await freezeFailure(db, quarter, error)
	}
}

async function freezeLive(
	db: Kysely<Database>,
	{ quarter, asOf, now, frozenBy }: { quarter: string; asOf: string; now: Date; frozenBy: number | null },
): Promise<FrozenSnapshotSummary> {
	return inTransaction(db, async trx => {
		await lockSnapshotChain(trx)
		const stored = await findActiveModelVersion(trx)
		if (!stored)
			throw new SnapshotFreezeError(
				'no_active_model',
				quarter,
				'No scoring model version is active; an administrator must activate one before a quarter can be frozen.',
			)
		const parsed = parseModelSettings(stored.settings)
		if (!parsed.ok)
			throw new SnapshotFreezeError(
				'invalid_model',
				quarter,
				`The active model version ${stored.label} is invalid: ${parsed.errors.join('; ')}`,
			)
		const decisions = await decisionsSinceLatestSnapshot(trx, now)
		return appendSnapshot(trx, {
			quarter,
			asOf,
			frozenAt: now,
			frozenBy,
			model: { id: stored.id, label: stored.label, settings: parsed.value },
			inventory: await loadPortfolio(trx),
			decisions,
		})
	})
}
