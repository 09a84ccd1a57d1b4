// Use cases of the relocation destinations: save one from its form (create or update), delete one that no
// scenario move uses. Imports go through app/services/csv-import.server.ts.
import { type Kysely } from 'kysely'
import {
	countDestinationUses,
	deleteDestination as deleteDestinationRow,
	findDestinationByCity,
	findDestinationById,
	insertDestination,
	replaceDestinationCosts,
	updateDestination,
} from '#db/repositories/destinations.ts'
import { type Database } from '#db/schema.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { parseDestinationDetails, parseDestinationIdentity } from '#models/destination-form.ts'
import { audit } from './audit.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

const FIX_FIELDS = 'Nothing was saved: fix the fields marked below.'

/** Creates a destination (`id` 'new') or rewrites an existing one's details and costs. */
export async function saveDestination(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: { id: number | 'new'; values: Record<string, string> },
): Promise<ServiceResult<{ id: number }>> {
	const details = parseDestinationDetails(input.values)
	const identity = input.id === 'new' ? parseDestinationIdentity(input.values) : null
	if (!details.ok || (identity && !identity.ok))
		return fail('invalid', FIX_FIELDS, {
			...(details.ok ? {} : details.fieldErrors),
			...(identity && !identity.ok ? identity.fieldErrors : {}),
		})
	if (identity?.ok) {
		const created = { ...details.data, ...identity.data }
		const taken = fail('invalid', FIX_FIELDS, { city: [`${created.city} is already a destination.`] })
		if (await findDestinationByCity(db, created.city)) return taken
		try {
			return await writeTransaction(db, async trx => {
				const id = await insertDestination(trx, created)
				await audit(trx, actor, ctx, { action: 'create', entity: 'destination', entityId: id, after: created })
				return ok({ id })
			})
		} catch (error) {
			if (isUniqueViolation(error)) return taken
			throw error
		}
	}
	const id = input.id as number
	return writeTransaction(db, async trx => {
		const before = await findDestinationById(trx, id)
		if (!before) return fail('not_found', `No destination with id ${id}.`)
		await updateDestination(trx, id, details.data)
		await replaceDestinationCosts(trx, id, details.data.costs)
		await audit(trx, actor, ctx, { action: 'update', entity: 'destination', entityId: id, before, after: details.data })
		return ok({ id })
	})
}

/** Deletes a destination, unless a scenario move sends people there. */
export async function deleteDestination(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: { id: number },
): Promise<ServiceResult<{ id: number }>> {
	return writeTransaction(db, async trx => {
		const before = await findDestinationById(trx, input.id)
		if (!before) return fail('not_found', `No destination with id ${input.id}.`)
		const uses = await countDestinationUses(trx, before.id)
		if (uses)
			return fail(
				'conflict',
				`${before.city} is the destination of ${uses} scenario move${uses === 1 ? '' : 's'}; change those moves first.`,
			)
		await deleteDestinationRow(trx, before.id)
		await audit(trx, actor, ctx, { action: 'delete', entity: 'destination', entityId: before.id, before })
		return ok({ id: before.id })
	})
}
