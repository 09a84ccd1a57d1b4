// Verifying the snapshot chain on request: every frozen quarter's hash, its link to the one before and its results
// re-scored from its frozen inputs. The check is recorded in the audit log (who checked, when, and what they saw),
// so the board's evidence includes that the chain was verified and not only that it could be. It re-scores every
// quarter, so it is an administrator's action (the permission 'snapshots:verify'), never a side effect of reading a
// page: the quarters page queues it as a background job ('snapshots.verify', app/services/job-handlers.server.ts),
// which calls this with its progress report; `npm run snapshots:verify` runs the same check outside any server.
import { type Kysely } from 'kysely'
import { type ProgressReport, verifyStoredChain } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { type ChainVerification } from '#models/snapshot/index.ts'
import { audit } from './audit.server.ts'
import { can } from '#models/permissions.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

export async function verifySnapshots(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	onProgress?: ProgressReport,
	job?: number,
): Promise<ServiceResult<ChainVerification>> {
	if (!can(actor.role, 'snapshots:verify'))
		return fail('forbidden', `Your role (${actor.role}) does not allow verifying snapshots: an administrator does.`)
	const report = await verifyStoredChain(db, onProgress)
	const problems = report.quarters.reduce((n, q) => n + q.problems.length, 0)
	await audit(db, actor, ctx, {
		action: 'snapshot.verify',
		entity: 'snapshot',
		after: { ok: report.ok, head: report.head, quarters: report.quarters.length, problems, rulesVersion: report.rulesVersion, job },
	})
	return ok(report)
}
