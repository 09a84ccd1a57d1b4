// Use cases of a unit's archive (decision 032): archive a unit (hidden from lists, scoring and the overview, kept
// for the record), restore it. Each is a conditional write on the state the person saw (in use, or archived) in one
// transaction with its audit entry; the repository bumps the inventory version, so cached scores are recomputed.
import { type Kysely } from 'kysely'
import { type Database } from '#db/schema.ts'
import { findUnitArchiveState, findUnitHistory, hasHistory, setUnitArchived, type UnitHistory } from '#db/repositories/unit-archive.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { audit } from './audit.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

/**
 * Archives a unit in use (`archived: true`) or restores an archived one (`false`): a conditional write on the state
 * the person saw, so a second click, or someone else's first, answers 409 and changes nothing; 404 when it is gone.
 */
export async function setBusinessUnitArchived(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: { id: number; archived: boolean },
): Promise<ServiceResult<{ id: number; code: string }>> {
	const { id, archived } = input
	return writeTransaction(db, async trx => {
		const before = await findUnitArchiveState(trx, id)
		if (!before) return fail('not_found', `No business unit with id ${id}.`)
		if ((await setUnitArchived(trx, id, archived ? { by: actor.id, now: ctx.now ?? new Date() } : null)) === 0)
			return fail(
				'conflict',
				archived
					? `Business unit ${before.code} was archived already${before.archivedAt ? ` (at ${before.archivedAt} UTC)` : ''}; nothing was changed.`
					: `Business unit ${before.code} is not archived (it was restored already); nothing was changed.`,
			)
		const state = (a: boolean) => ({ code: before.code, name: before.name, archived: a })
		await audit(trx, actor, ctx, {
			action: archived ? 'archive' : 'restore',
			entity: 'business_unit',
			entityId: id,
			before: state(!archived),
			after: state(archived),
		})
		return ok({ id, code: before.code })
	})
}

/** The history that makes a unit archived rather than deleted, in words ("2 snapshots, the scenario “…”"); '' for none. */
export function describeUnitHistory(h: UnitHistory): string {
	const parts: string[] = []
	const count = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`
	if (h.snapshots) parts.push(`${count(h.snapshots, 'frozen snapshot')} since it was recorded`)
	if (h.scenarios.length)
		parts.push(`${h.scenarios.length === 1 ? 'the scenario' : 'the scenarios'} ${h.scenarios.map(n => `“${n}”`).join(', ')}`)
	if (h.obligationStatuses) parts.push(count(h.obligationStatuses, 'recorded obligation status', 'recorded obligation statuses'))
	if (h.auditEvents) parts.push(`${count(h.auditEvents, 'change')} in the audit log`)
	return parts.join(', ')
}

/** The unit's history, and whether it must be archived rather than deleted. */
export async function unitHistory(db: Kysely<Database>, id: number) {
	const history = await findUnitHistory(db, id)
	return { history, archiveOnly: hasHistory(history), words: describeUnitHistory(history) }
}
