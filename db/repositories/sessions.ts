import { randomBytes } from 'node:crypto'
import { type Kysely } from 'kysely'
import { sha256Hex } from '../hash.ts'
import { sqlNow } from '../mappers.ts'
import { type Database } from '../schema.ts'

// The cookie carries a random token; the table keeps only its SHA-256, so a database reader
// cannot replay sessions. Deleting the row ends the session everywhere (server-side logout).
const hashToken = sha256Hex

export interface SessionTimeouts {
	idleMinutes: number
	absoluteHours: number
}

export async function createSession(db: Kysely<Database>, userId: number, t: SessionTimeouts, now = new Date()) {
	const token = randomBytes(32).toString('base64url')
	const expires = new Date(now.getTime() + t.absoluteHours * 3_600_000)
	await db
		.insertInto('app_session')
		.values({ id: hashToken(token), user_id: userId, created_at: sqlNow(now), last_seen_at: sqlNow(now), expires_at: sqlNow(expires) })
		.execute()
	return token
}

/** The session's user id when the token is known, not expired and not idle too long; touches last_seen_at. */
export async function resolveSession(db: Kysely<Database>, token: string, t: SessionTimeouts, now = new Date()) {
	const id = hashToken(token)
	const row = await db.selectFrom('app_session').selectAll().where('id', '=', id).executeTakeFirst()
	if (!row) return undefined
	const idleLimit = sqlNow(new Date(now.getTime() - t.idleMinutes * 60_000))
	if (row.expires_at <= sqlNow(now) || row.last_seen_at < idleLimit) {
		await db.deleteFrom('app_session').where('id', '=', id).execute()
		return undefined
	}
	// Touch at most once a minute: one write per page view would be waste.
	if (row.last_seen_at < sqlNow(new Date(now.getTime() - 60_000)))
		await db
			.updateTable('app_session')
			.set({ last_seen_at: sqlNow(now) })
			.where('id', '=', id)
			.execute()
	return { userId: row.user_id }
}

export async function deleteSession(db: Kysely<Database>, token: string) {
	await db.deleteFrom('app_session').where('id', '=', hashToken(token)).execute()
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: number) {
	await db.deleteFrom('app_session').where('user_id', '=', userId).execute()
}
