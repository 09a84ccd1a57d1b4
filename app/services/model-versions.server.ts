// The scoring model's use cases: draft a version, activate it. Snapshots keep the version they were scored under
// (each stores its model's id, label and settings), so an activation changes what is scored from now on only; the
// score caches key on the active version's id and follow by themselves.
import { type Kysely } from 'kysely'
import { recordAudit } from '#db/repositories/audit.ts'
import {
	findActiveModelVersion,
	findModelVersionById,
	findModelVersionByLabel,
	insertModelDraft,
	switchActiveModelVersion,
} from '#db/repositories/model-versions.ts'
import { type Database } from '#db/schema.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { type ModelSettings } from '#models/exposure/settings.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

/** Stores a draft version (not active). The label must be new: versions are named once and never edited. */
export async function draftModelVersion(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { label: string; settings: ModelSettings; basedOn: number },
): Promise<ServiceResult<{ id: number }>> {
	return writeTransaction(db, async trx => {
		if (await findModelVersionByLabel(trx, input.label))
			return fail('invalid', 'That name is taken.', { label: [`A version named ${input.label} exists: choose another name.`] })
		const id = await insertModelDraft(trx, { label: input.label, settings: input.settings, createdBy: actor.id }, context.now)
		await recordAudit(
			trx,
			actor,
			{
				action: 'model.draft',
				entity: 'model_version',
				entityId: id,
				after: { label: input.label, basedOn: input.basedOn },
				requestId: context.requestId,
			},
			context.now,
		)
		return ok({ id })
	})
}

class Stale extends Error {}

/**
 * Makes a draft the active version. `expectedActiveId` is the version the administrator saw active when they
 * previewed the draft: if another activation came first, nothing changes and the answer is a conflict (409).
 */
export async function activateModelVersion(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { id: number; expectedActiveId: number },
): Promise<ServiceResult<{ id: number; label: string }>> {
	try {
		return await writeTransaction(db, async trx => {
			const draft = await findModelVersionById(trx, input.id)
			if (!draft) return fail('not_found', `No model version with id ${input.id}.`)
			if (draft.activatedAt) return fail('conflict', `Version ${draft.label} has been activated already; only a draft can be activated.`)
			const active = await findActiveModelVersion(trx)
			if (!(await switchActiveModelVersion(trx, input, context.now))) throw new Stale() // undo a half-made switch
			await recordAudit(
				trx,
				actor,
				{
					action: 'model.activate',
					entity: 'model_version',
					entityId: draft.id,
					before: { active: active?.label ?? null },
					after: { active: draft.label },
					requestId: context.requestId,
				},
				context.now,
			)
			return ok({ id: draft.id, label: draft.label })
		})
	} catch (error) {
		if (error instanceof Stale)
			return fail(
				'conflict',
				'Another version was activated since you opened this page. Reload it, check the preview against the version now active, and activate again.',
			)
		throw error
	}
}
