import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { printPack } from '#app/services/print-pack.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requestIdOf } from '#app/utils/request.server.ts'
import { requireQuarter } from '#app/utils/snapshot.server.ts'

// GET /snapshots/:quarter/pack.pdf: the board pack printed to A4 by the server's Chromium, as the requesting user
// sees it. The printer fetches from its own fixed origin (never this request's Host) with a session of its own.
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'snapshots:read')
	const quarter = requireQuarter(params.quarter)
	const result = await printPack(getDb(), user, { requestId: requestIdOf(request) }, { quarter })
	if (!result.ok)
		throw json(
			{ message: result.message },
			{ status: statusOf(result.code), headers: result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : {} },
		)
	return new Response(new Blob([new Uint8Array(result.value)], { type: 'application/pdf' }), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="board-pack-${quarter}.pdf"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
