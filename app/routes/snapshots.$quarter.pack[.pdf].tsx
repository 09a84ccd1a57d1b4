import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { renderPdf } from '#app/utils/pdf.server.ts'
import { requireFrozenQuarter, requireQuarter } from '#app/utils/snapshot.server.ts'

// GET /snapshots/:quarter/pack.pdf: the board pack printed to A4 by headless Chromium on the server,
// signed in as the requesting user (their cookie), so the PDF shows exactly what they may see.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'snapshots:read')
	const quarter = requireQuarter(params.quarter)
	await requireFrozenQuarter(getDb(), quarter)
	const url = new URL(`/snapshots/${quarter}/pack`, request.url)
	const pdf = await renderPdf(url.href, request.headers.get('Cookie') ?? '')
	return new Response(new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="board-pack-${quarter}.pdf"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
