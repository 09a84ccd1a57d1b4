// Removing one month of a flow's monthly counts (importing them is the CSV import's `flow_months` target). The
// counts refine the threshold forecast; removing the last month of a flow puts its forecast back on the run rate.
import { type Kysely } from 'kysely'
import { recordAudit } from '#db/repositories/audit.ts'
import { deleteFlowMonth, findFlowMonths, mapFlowIdsByCode } from '#db/repositories/flow-months.ts'
import { type Database } from '#db/schema.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { type FlowMonthCount } from '#models/domain.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

export async function removeFlowMonth(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: { flowCode: string; month: string },
): Promise<ServiceResult<FlowMonthCount>> {
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month))
		return fail('invalid', 'Month must be written YYYY-MM.', { month: ['Month must be written YYYY-MM'] })
	const flow = (await mapFlowIdsByCode(db)).get(input.flowCode.toLowerCase())
	if (!flow) return fail('not_found', `No data flow has code "${input.flowCode.slice(0, 64)}".`)
	return writeTransaction(db, async trx => {
		const before = (await findFlowMonths(trx, [flow.id])).get(`${flow.id} ${input.month}`)
		if (!before || !(await deleteFlowMonth(trx, flow.id, input.month)))
			return fail('not_found', `Flow ${flow.code} has no count recorded for ${input.month}; it may have been removed already.`)
		await recordAudit(
			trx,
			actor,
			{ action: 'delete', entity: 'flow_month', entityId: flow.id, before: { ...before, flowCode: flow.code }, requestId: ctx.requestId },
			ctx.now,
		)
		return ok(before)
	})
}
