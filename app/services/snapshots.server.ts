// Freezing a quarter: only one that has ended, typed again to confirm (models/snapshot/freeze-rules.ts), with the
// headline figures it will freeze shown first. The snapshot is inserted and audited in one transaction.
import { type Kysely } from 'kysely'
import { recordAudit } from '#db/repositories/audit.ts'
import { findActiveModelVersion } from '#db/repositories/model-versions.ts'
import { loadPortfolio } from '#db/repositories/portfolio.ts'
import { decisionsSinceLatestSnapshot, freezeSnapshot, SnapshotFreezeError } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { trendPoint } from '#models/board.ts'
import { parseModelSettings, scorePortfolio } from '#models/exposure/index.ts'
import { can } from '#models/permissions.ts'
import { lastEndedQuarter, planFreeze } from '#models/snapshot/index.ts'
import { log } from '#app/utils/log.server.ts'
import { requestSystemJob } from './jobs.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

export interface FreezePreview {
	quarter: string
	asOf: string
	modelLabel: string
	units: number
	people: number
	point: ReturnType<typeof trendPoint>
	decisions: number
}

/**
 * What freezing the last ended quarter would freeze now (scored as the freeze will score it, on the quarter's last
 * day), or null when that quarter is already frozen or cannot be.
 */
export async function previewFreeze(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	frozen: readonly string[],
): Promise<ServiceResult<FreezePreview | null>> {
	if (!can(actor.role, 'snapshots:freeze')) return fail('forbidden', `Your role (${actor.role}) cannot freeze a quarter.`)
	const now = context.now ?? new Date()
	const quarter = lastEndedQuarter(now)
	const plan = planFreeze({ quarter, now })
	if (!plan.ok || frozen.includes(quarter)) return ok(null)
	const stored = await findActiveModelVersion(db)
	const parsed = stored ? parseModelSettings(stored.settings) : null
	if (!stored || !parsed?.ok) return ok(null)
	const inventory = await loadPortfolio(db)
	const results = scorePortfolio(inventory, parsed.value, plan.asOf)
	const decisions = await decisionsSinceLatestSnapshot(db, now)
	return ok({
		quarter,
		asOf: plan.asOf,
		modelLabel: stored.label,
		units: inventory.units.length,
		people: inventory.units.reduce((n, u) => n + u.staffing.reduce((m, l) => m + l.headcount, 0), 0),
		point: trendPoint(quarter, stored.label, inventory, results),
		decisions: decisions.length,
	})
}

export interface FreezeQuarterInput {
	quarter: string
	/** The quarter typed again by the person; required from the form. */
	confirmation: string
}

const CODE = { already_frozen: 'conflict', concurrent_freeze: 'conflict' } as const

/** Freezes an ended quarter, confirmed by typing it; audits it in the same transaction. */
export async function freezeQuarter(db: Kysely<Database>, actor: Actor, context: ServiceContext, input: FreezeQuarterInput) {
	if (!can(actor.role, 'snapshots:freeze')) return fail('forbidden', `Your role (${actor.role}) cannot freeze a quarter.`)
	const now = context.now ?? new Date()
	const plan = planFreeze({ quarter: input.quarter, now, confirmation: input.confirmation })
	if (!plan.ok) return fail('invalid', plan.message, { [plan.code === 'not_confirmed' ? 'confirmation' : 'quarter']: [plan.message] })
	try {
		const summary = await writeTransaction(db, async trx => {
			const frozen = await freezeSnapshot(trx, { quarter: plan.quarter, asOf: plan.asOf, frozenBy: actor.id, now })
			await recordAudit(
				trx,
				actor,
				{
					action: 'freeze',
					entity: 'snapshot',
					entityId: plan.quarter,
					after: {
						quarter: plan.quarter,
						asOf: plan.asOf,
						modelLabel: frozen.modelLabel,
						contentHash: frozen.contentHash,
						prevHash: frozen.prevHash,
					},
					requestId: context.requestId,
				},
				now,
			)
			return frozen
		})
		// The new quarter's board view (against the quarter before) is derived now, not by its first reader.
		await requestSystemJob(db, 'snapshot.views', context).catch(error =>
			log('warn', 'the board view of the new quarter was not queued: the next start derives it', { error }),
		)
		return ok(summary)
	} catch (error) {
		if (!(error instanceof SnapshotFreezeError)) throw error
		return fail(error.code in CODE ? CODE[error.code as keyof typeof CODE] : 'invalid', error.message)
	}
}
