import { PassThrough } from 'node:stream'
import { type AppLoadContext, createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { isConnectionError } from '#db/sql/errors.ts'
import { log, requestStore } from './utils/log.server.ts'
import { NonceProvider } from './utils/nonce.tsx'

// Error data sent to the browser on client-side navigations carries the request id, so the error page
// can show the reference that finds the request's log lines.
export async function handleDataRequest(response: Response, { request }: { request: Request }) {
	await readUnreadBody(request)
	if (response.status < 400 || !response.headers.get('Content-Type')?.includes('application/json')) return response
	const requestId = request.headers.get('x-request-id')
	try {
		const data = await response.clone().json()
		if (!data || typeof data !== 'object' || Array.isArray(data) || !requestId) return response
		const headers = new Headers(response.headers)
		headers.delete('Content-Length')
		return new Response(JSON.stringify({ ...data, requestId }), { status: response.status, statusText: response.statusText, headers })
	} catch {
		return response
	}
}

/**
 * An answer before the body was read (an action that redirected or failed first): the rest is read, so the client gets
 * the answer instead of a broken pipe. Bodies are capped by the server before they get here.
 */
async function readUnreadBody(request: Request) {
	if (request.body && !request.bodyUsed) await request.arrayBuffer().catch(() => undefined)
}

/** A lost database, thrown on to the server's error handler, which answers 503 with Retry-After (server.ts). */
class DatabaseUnavailable extends Error {
	readonly status = 503
	constructor(cause: unknown) {
		super('The database is not answering', { cause })
	}
}

// Unexpected errors in loaders, actions and rendering: logged once with the request's id. A lost database is thrown
// on: Remix calls this hook where it catches, so the error leaves the request handler for the server's error handler,
// which answers 503 ("try again") instead of 500, for pages, data requests and resource routes alike.
export function handleError(error: unknown, { request }: { request: Request }) {
	if (request.signal.aborted) return // the client went away; nothing to report
	if (isRouteErrorResponse(error) && error.status < 500) return // a 404 or 405 is the client's mistake, not the server's
	const store = requestStore.getStore()
	if (isConnectionError(error)) {
		if (store) store.databaseDown = true
		log('warn', 'database unavailable', { method: request.method, path: new URL(request.url).pathname, error })
		throw new DatabaseUnavailable(error)
	}
	log('error', 'unhandled error', { method: request.method, path: new URL(request.url).pathname, error })
}

const ABORT_DELAY = 5_000

// Every page is rendered whole before it is sent (onAllReady): the board pack and the charts must
// be complete in the first paint and in print, and a half-streamed page would jump. The charts are
// lazy components in Suspense boundaries (app/components/lazy-chart.tsx), and React 19.2 sends a
// finished boundary bigger than progressiveChunkSize as its fallback plus a script that swaps the
// content in, which the PDF printer (no JavaScript) never runs. React 18.3 does not count the bytes
// yet; Infinity, React's own opt-out, keeps every boundary inline across that upgrade.
const INLINE_EVERY_BOUNDARY = Number.POSITIVE_INFINITY
export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	await readUnreadBody(request)
	const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined
	return new Promise((resolve, reject) => {
		let didError = false
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
			</NonceProvider>,
			{
				nonce,
				progressiveChunkSize: INLINE_EVERY_BOUNDARY,
				onAllReady() {
					const body = new PassThrough()
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(
						new Response(createReadableStreamFromReadable(body), {
							headers: responseHeaders,
							status: didError ? 500 : responseStatusCode,
						}),
					)
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					didError = true
					console.error(error)
				},
			},
		)
		setTimeout(abort, ABORT_DELAY)
	})
}
