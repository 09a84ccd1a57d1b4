// Use cases of the obligations register: changing a duty's status, owner and evidence, and the personal calendar
// feed token. Each owns its transaction, its audit entry (with the request id) and its conditional write.
import { randomBytes } from 'node:crypto'
import { type Kysely } from 'kysely'
import { recordAudit } from '#db/repositories/audit.ts'
import { bumpObligationsVersion } from '#db/repositories/inventory-version.ts'
import {
	findDutyStatus,
	insertCalendarToken,
	insertDutyStatus,
	revokeCalendarTokens,
	updateDutyStatus,
} from '#db/repositories/obligations.ts'
import { loadUnitInventory } from '#db/repositories/portfolio.ts'
import { type Database } from '#db/schema.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { deriveUnitDuties } from '#models/obligations/derive.ts'
import { checkStatusInput, type StatusInput } from '#models/obligations/register.ts'
import { type DutyStatusRecord } from '#models/obligations/types.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

export interface DutyStatusChange extends StatusInput {
	unitId: number
	dutyKey: string
}

const today = (ctx: ServiceContext) => (ctx.now ?? new Date()).toISOString().slice(0, 10)

/**
 * Sets a duty's status, owner and evidence. The duty must be one the unit's inventory derives today; the write
 * is conditional on the version the person saw (`expectedVersion`, 0 for a duty never recorded), so a change made
 * on a stale page changes nothing and answers 'conflict'.
 */
export async function setDutyStatus(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: DutyStatusChange,
): Promise<ServiceResult<DutyStatusRecord>> {
	const asOf = today(ctx)
	const errors = checkStatusInput(input, asOf)
	if (errors) return fail('invalid', 'The status change is incomplete: see the fields.', errors)
	const inventory = await loadUnitInventory(db, input.unitId)
	if (!inventory) return fail('not_found', `No business unit with id ${input.unitId}.`)
	const duty = deriveUnitDuties(inventory, asOf).find(d => d.key === input.dutyKey)
	if (!duty)
		return fail('not_found', `The unit ${inventory.unit.code} has no duty "${input.dutyKey.slice(0, 80)}" today; reload the register.`)
	const write = {
		dutyKey: duty.key,
		unitId: duty.unitId,
		status: input.status,
		owner: input.owner,
		evidenceRef: input.status === 'done' ? input.evidenceRef : null,
		evidenceOn: input.status === 'done' ? input.evidenceOn : null,
		reason: input.status === 'not_applicable' ? input.reason : null,
		updatedBy: actor.id,
	}
	const stale = fail('conflict', 'Someone changed this duty since you opened it; reload to see their change.')
	try {
		return await writeTransaction(db, async trx => {
			const before = await findDutyStatus(trx, duty.key)
			if ((before?.version ?? 0) !== input.expectedVersion) return stale
			if (before) {
				if (!(await updateDutyStatus(trx, write, input.expectedVersion, ctx.now))) return stale
			} else await insertDutyStatus(trx, write, ctx.now)
			await bumpObligationsVersion(trx) // the register cached for the overview and the API follows
			const after = (await findDutyStatus(trx, duty.key))!
			await recordAudit(
				trx,
				actor,
				{ action: 'obligation.status', entity: 'obligation', entityId: duty.key, before: before ?? null, after, requestId: ctx.requestId },
				ctx.now,
			)
			return ok(after)
		})
	} catch (error) {
		if (isUniqueViolation(error)) return stale // two first records raced: the other one won
		throw error
	}
}

/**
 * Issues a new personal calendar feed token, revoking the previous one. The token is returned once, here; only its
 * SHA-256 is stored, so it cannot be shown again.
 */
export async function issueCalendarToken(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
): Promise<ServiceResult<{ token: string }>> {
	const token = randomBytes(32).toString('base64url')
	await writeTransaction(db, async trx => {
		const revoked = await revokeCalendarTokens(trx, actor.id, ctx.now)
		await insertCalendarToken(trx, actor.id, token, ctx.now)
		await recordAudit(
			trx,
			actor,
			{
				action: 'calendar_token.issue',
				entity: 'calendar_token',
				entityId: actor.id,
				after: { revokedPrevious: revoked },
				requestId: ctx.requestId,
			},
			ctx.now,
		)
	})
	return ok({ token })
}

/** Revokes the user's calendar feed token: the feed URL stops working at once. */
export async function revokeCalendarToken(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
): Promise<ServiceResult<{ revoked: number }>> {
	const revoked = await writeTransaction(db, async trx => {
		const n = await revokeCalendarTokens(trx, actor.id, ctx.now)
		if (n > 0)
			await recordAudit(
				trx,
				actor,
				{ action: 'calendar_token.revoke', entity: 'calendar_token', entityId: actor.id, requestId: ctx.requestId },
				ctx.now,
			)
		return n
	})
	if (revoked === 0) return fail('not_found', 'You have no calendar feed to revoke.')
	return ok({ revoked })
}
