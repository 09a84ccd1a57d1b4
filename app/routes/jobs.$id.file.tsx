import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { readJobFileFor } from '#app/services/jobs.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// GET /jobs/:id/file: the file a finished job made (a board pack's PDF), for the person who asked for it.
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'account:own')
	const result = await readJobFileFor(getDb(), user, Number(params.id))
	if (!result.ok) throw json({ message: result.message }, { status: statusOf(result.code) })
	return new Response(new Blob([new Uint8Array(result.value.bytes)], { type: result.value.type }), {
		headers: {
			'Content-Type': result.value.type,
			'Content-Disposition': `attachment; filename="${result.value.filename}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
