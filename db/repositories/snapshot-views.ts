import { type Kysely } from 'kysely'
import { sha256Hex } from '../hash.ts'
import { type Database } from '../schema.ts'
import { decodeSnapshotText, encodeSnapshotText, SNAPSHOT_ENCODING } from '../snapshot-encoding.ts'
import { isUniqueViolation } from '../sql/errors.ts'

// The board view of a frozen quarter, cached in snapshot_view. It is derived data, not a record: a row may be
// deleted at any time (it is derived again), and a row that does not verify is ignored and replaced. The view is a
// pure function of the two snapshots and of the code that derives it, so the key names all three: the quarter's
// content hash, the compared quarter's ('' for none) and a derivation string the caller bumps when the code changes.
// Every instance derives the same value for a key, so concurrent writers cannot disagree: the first insert wins
// and the others' duplicate-key errors are ignored.

export interface SnapshotViewKey {
	contentHash: string
	/** The snapshot the quarter is compared with; null for none. */
	comparedHash: string | null
	derivation: string
}

export type SnapshotViewRead = { kind: 'hit'; value: unknown } | { kind: 'miss' } | { kind: 'rejected'; reason: string }

const keyColumns = (key: SnapshotViewKey) => ({
	content_hash: key.contentHash,
	compared_hash: key.comparedHash ?? '',
	derivation: key.derivation,
})

/** The SHA-256 stored with a view: over its key and its JSON text, so that a value moved under another key fails too. */
export const snapshotViewHash = (key: SnapshotViewKey, text: string) =>
	sha256Hex(`snapshot_view\n${key.contentHash}\n${key.comparedHash ?? ''}\n${key.derivation}\n${text}`)

function whereKey(db: Kysely<Database>, key: SnapshotViewKey) {
	const k = keyColumns(key)
	return db
		.selectFrom('snapshot_view')
		.where('content_hash', '=', k.content_hash)
		.where('compared_hash', '=', k.compared_hash)
		.where('derivation', '=', k.derivation)
}

/**
 * The cached view for `key`, parsed, when its row is there and verifies: the key as stored equals the key asked for
 * (MariaDB compares these columns without regard to case), the bytes decode, and the SHA-256 of the key and the
 * decoded text equals the stored one. A row that fails is 'rejected' with the reason, for the caller to log.
 */
export async function readSnapshotView(db: Kysely<Database>, key: SnapshotViewKey): Promise<SnapshotViewRead> {
	const row = await whereKey(db, key)
		.select(['content_hash', 'compared_hash', 'derivation', 'value_encoding', 'value_hash', 'value'])
		.executeTakeFirst()
	if (!row) return { kind: 'miss' }
	const k = keyColumns(key)
	if (row.content_hash !== k.content_hash || row.compared_hash !== k.compared_hash || row.derivation !== k.derivation)
		return { kind: 'rejected', reason: 'the stored key differs from the key asked for' }
	let text: string
	try {
		text = await decodeSnapshotText(row.value_encoding, row.value)
	} catch (error) {
		return { kind: 'rejected', reason: `the stored value (${row.value_encoding}) does not decode: ${(error as Error).message}` }
	}
	if (snapshotViewHash(key, text) !== row.value_hash) return { kind: 'rejected', reason: 'the stored value does not match its SHA-256' }
	try {
		return { kind: 'hit', value: JSON.parse(text) }
	} catch (error) {
		return { kind: 'rejected', reason: `the stored value is not JSON: ${(error as Error).message}` }
	}
}

/**
 * Stores `value` (as JSON, compressed like the snapshots' content) for `key`. With `replace`, the row there (one
 * that was rejected) is deleted first. Idempotent under concurrency: an instance that finds the row already
 * written by another leaves it, the value being the same.
 */
export async function saveSnapshotView(db: Kysely<Database>, key: SnapshotViewKey, value: unknown, options: { replace?: boolean } = {}) {
	const text = JSON.stringify(value)
	const bytes = await encodeSnapshotText(text)
	const k = keyColumns(key)
	if (options.replace)
		await db
			.deleteFrom('snapshot_view')
			.where('content_hash', '=', k.content_hash)
			.where('compared_hash', '=', k.compared_hash)
			.where('derivation', '=', k.derivation)
			.execute()
	try {
		await db
			.insertInto('snapshot_view')
			.values({ ...k, value_encoding: SNAPSHOT_ENCODING, value_hash: snapshotViewHash(key, text), value: bytes })
			.execute()
	} catch (error) {
		if (!isUniqueViolation(error)) throw error // another request or instance stored the same view first
	}
}

/** The key pairs stored under `derivation`, each as `contentHash|comparedHash` ('' for none): what a warm-up can skip. */
export async function listStoredSnapshotViews(db: Kysely<Database>, derivation: string): Promise<Set<string>> {
	const rows = await db.selectFrom('snapshot_view').select(['content_hash', 'compared_hash']).where('derivation', '=', derivation).execute()
	return new Set(rows.map(r => `${r.content_hash}|${r.compared_hash}`))
}

/**
 * Deletes the views stored under any derivation but `derivation`: after a change of code or rules nothing reads them
 * again, and each set costs a row per quarter compared. Returns how many rows went.
 */
export async function pruneSnapshotViews(db: Kysely<Database>, derivation: string) {
	const result = await db.deleteFrom('snapshot_view').where('derivation', '<>', derivation).executeTakeFirst()
	return Number(result.numDeletedRows)
}

/**
 * Reads back every stored view and counts those that do not verify (key, decoding, SHA-256), for
 * `npm run snapshots:verify`. It changes nothing: a reader replaces a damaged row when it next asks for it.
 */
export async function checkStoredSnapshotViews(db: Kysely<Database>) {
	const keys = await db.selectFrom('snapshot_view').select(['content_hash', 'compared_hash', 'derivation']).execute()
	const damaged: Array<SnapshotViewKey & { reason: string }> = []
	for (const k of keys) {
		const key = { contentHash: k.content_hash, comparedHash: k.compared_hash || null, derivation: k.derivation }
		const read = await readSnapshotView(db, key)
		if (read.kind === 'rejected') damaged.push({ ...key, reason: read.reason })
	}
	return { checked: keys.length, damaged }
}
