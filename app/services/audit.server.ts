// The audit entry of a use case, written in the use case's transaction with the request id of its context.
import { type Kysely } from 'kysely'
import { type AuditEntry, recordAudit, recordAuditMany } from '#db/repositories/audit.ts'
import { type Database } from '#db/schema.ts'
import { type Actor, type ServiceContext } from './service.ts'

type Entry = Omit<AuditEntry, 'requestId'>

const who = (actor: Actor | null) => ({ id: actor?.id ?? null, email: actor?.email ?? 'anonymous' })

/** Appends one audit event for `actor`; call it with the transaction of the write it records. */
export function audit(db: Kysely<Database>, actor: Actor | null, ctx: ServiceContext, entry: Entry) {
	return recordAudit(db, who(actor), { ...entry, requestId: ctx.requestId }, ctx.now)
}

/** Appends many events at once (an import's rows). */
export function auditMany(db: Kysely<Database>, actor: Actor | null, ctx: ServiceContext, entries: Entry[]) {
	return recordAuditMany(
		db,
		who(actor),
		entries.map(e => ({ ...e, requestId: ctx.requestId })),
		ctx.now,
	)
}
