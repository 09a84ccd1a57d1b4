// Print a quarter's board pack to PDF as `actor` sees it. The printer gets a session of its own for the actor (short,
// deleted after the job), sent with the print's requests to the print origin only, so a background job can call this
// as well as the download route. The job waits in the printer's queue (app/utils/printer.server.ts).
import { type Kysely } from 'kysely'
import { createSession, deleteSession } from '#db/repositories/sessions.ts'
import { listSnapshots } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { can } from '#models/permissions.ts'
import { sessionCookieFor } from '#app/utils/auth.server.ts'
import { log } from '#app/utils/log.server.ts'
import { enqueuePrint, PrintError, printOrigin, printPage } from '#app/utils/printer.server.ts'
import { type Actor, fail, ok, type ServiceContext, type ServiceResult } from './service.ts'

const PRINT_SESSION = { idleMinutes: 5, absoluteHours: 0.25 }

export async function printPack(
	db: Kysely<Database>,
	actor: Actor,
	context: ServiceContext,
	input: { quarter: string },
): Promise<ServiceResult<Uint8Array>> {
	if (!can(actor.role, 'snapshots:read')) return fail('forbidden', `Your role (${actor.role}) does not allow this (snapshots:read).`)
	if (!(await listSnapshots(db)).some(s => s.quarter === input.quarter)) return fail('not_found', `${input.quarter} has not been frozen.`)
	try {
		const pdf = await enqueuePrint(String(actor.id), async () => {
			const token = await createSession(db, actor.id, PRINT_SESSION, context.now)
			try {
				return await printPage(printOrigin(), `/snapshots/${input.quarter}/pack`, await sessionCookieFor(token))
			} finally {
				await deleteSession(db, token)
			}
		})
		return ok(pdf)
	} catch (error) {
		if (!(error instanceof PrintError)) throw error
		log(error.reason === 'busy' ? 'info' : 'warn', 'board pack not printed', {
			reason: error.reason,
			detail: error.message,
			quarter: input.quarter,
		})
		if (error.reason === 'busy')
			return {
				...fail('too_many', `${error.message} Try again in ${error.retryAfterSeconds} seconds.`),
				retryAfterSeconds: error.retryAfterSeconds,
			}
		return {
			...fail('unavailable', "The server cannot print this PDF now: open the board pack and use your browser's Print, then Save as PDF."),
			retryAfterSeconds: 30,
		}
	}
}
