import { type Kysely } from 'kysely'
import { sqlNow } from '../mappers.ts'
import { type AuditEventRow, type Database } from '../schema.ts'
import { insertChunked } from '../sql/bulk.ts'

export interface AuditActor {
	id: number | null
	email: string
}

export interface AuditEntry {
	action: string // e.g. 'create', 'update', 'delete', 'import', 'login.success', 'login.failure'
	entity: string // e.g. 'business_unit'
	entityId?: string | number | null
	before?: unknown
	after?: unknown
	requestId?: string | null
}

export interface AuditEvent {
	id: number
	at: string
	actorId: number | null
	actorEmail: string
	action: string
	entity: string
	entityId: string | null
	before: unknown
	after: unknown
	requestId: string | null
}

// Fields that must never reach the log, whatever object a caller hands us.
const SECRET_KEYS = new Set(['password', 'passwordHash', 'password_hash', 'token', 'sessionId', 'session'])

function redact(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(redact)
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[redacted]' : redact(v)]),
		)
	return value
}

const toJson = (v: unknown) => (v === undefined ? null : JSON.stringify(redact(v)))

/** Appends one event. Call it inside the same transaction as the write it records. */
export async function recordAudit(db: Kysely<Database>, actor: AuditActor, entry: AuditEntry, now = new Date()) {
	await recordAuditMany(db, actor, [entry], now)
}

/** Appends many events at once (an import's rows), in chunks; call it inside the write's transaction. */
export async function recordAuditMany(db: Kysely<Database>, actor: AuditActor, entries: AuditEntry[], now = new Date()) {
	const at = sqlNow(now)
	await insertChunked(
		db,
		'audit_event',
		entries.map(entry => ({
			at,
			actor_id: actor.id,
			actor_email: actor.email,
			action: entry.action,
			entity: entry.entity,
			entity_id: entry.entityId == null ? null : String(entry.entityId),
			before_json: toJson(entry.before),
			after_json: toJson(entry.after),
			request_id: entry.requestId ?? null,
		})),
	)
}

function auditFromRow(r: AuditEventRow): AuditEvent {
	return {
		id: r.id,
		at: r.at,
		actorId: r.actor_id,
		actorEmail: r.actor_email,
		action: r.action,
		entity: r.entity,
		entityId: r.entity_id,
		before: r.before_json ? JSON.parse(r.before_json) : null,
		after: r.after_json ? JSON.parse(r.after_json) : null,
		requestId: r.request_id,
	}
}

export interface AuditFilter {
	actor?: string
	entity?: string
	action?: string
	from?: string // 'YYYY-MM-DD'
	to?: string // 'YYYY-MM-DD', inclusive
	limit: number
	offset: number
}

export async function listAuditEvents(db: Kysely<Database>, f: AuditFilter) {
	let base = db.selectFrom('audit_event')
	if (f.actor) base = base.where('actor_email', '=', f.actor)
	if (f.entity) base = base.where('entity', '=', f.entity)
	if (f.action) base = base.where('action', '=', f.action)
	if (f.from) base = base.where('at', '>=', `${f.from} 00:00:00`)
	if (f.to) base = base.where('at', '<=', `${f.to} 23:59:59`)
	const total = await base.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirst()
	const rows = await base.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute()
	return { rows: rows.map(auditFromRow), total: Number(total?.n ?? 0) }
}

/** The distinct entities and actions recorded, for the audit page's filters. */
export async function listAuditVocabulary(db: Kysely<Database>) {
	const [entities, actions] = await Promise.all([
		db.selectFrom('audit_event').select('entity').distinct().orderBy('entity').execute(),
		db.selectFrom('audit_event').select('action').distinct().orderBy('action').execute(),
	])
	return { entities: entities.map(r => r.entity), actions: actions.map(r => r.action) }
}
