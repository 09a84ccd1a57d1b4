import { isRouteErrorResponse, Link, useParams, useRouteError, useRouteLoaderData, type ErrorResponse } from '@remix-run/react'
import { type ReactNode } from 'react'

type StatusHandler = (info: { error: ErrorResponse; params: Record<string, string | undefined> }) => ReactNode

/** The shared error boundary (epic-stack shape): readable words for expected statuses, never a stack. */
export function GeneralErrorBoundary({
	statusHandlers,
	defaultStatusHandler = ({ error }) => <DefaultMessage status={error.status} data={error.data} />,
}: {
	statusHandlers?: Record<number, StatusHandler>
	defaultStatusHandler?: StatusHandler
}) {
	const error = useRouteError()
	const params = useParams()
	const root = useRouteLoaderData('root') as { requestId?: string | null } | undefined
	const fromError = isRouteErrorResponse(error) ? (error.data as { requestId?: string } | null)?.requestId : undefined
	const reference = fromError ?? root?.requestId
	if (typeof document !== 'undefined') console.error(error)
	return (
		<div className="card" role="alert" style={{ maxWidth: 720, margin: '2rem auto' }}>
			{isRouteErrorResponse(error) ? (
				(statusHandlers?.[error.status] ?? defaultStatusHandler)({ error, params })
			) : (
				<>
					<h1>Something went wrong</h1>
					<p>The page could not be shown. Nothing you entered was saved unless you saw a confirmation.</p>
					<p className="muted small">If it happens again, tell the risk office what you were doing and when.</p>
				</>
			)}
			<p>
				<Link to="/">Back to the dashboard</Link>
			</p>
			{reference ? <p className="muted small">Reference for a report: {reference}</p> : null}
		</div>
	)
}

function DefaultMessage({ status, data }: { status: number; data: unknown }) {
	const message =
		typeof data === 'string'
			? data
			: ((data as { message?: string; error?: string } | null)?.message ?? (data as { error?: string } | null)?.error)
	const titles: Record<number, string> = {
		400: 'That request was not valid',
		403: 'You do not have access to this',
		404: 'Not found',
		503: 'The database is not answering',
	}
	return (
		<>
			<h1>{titles[status] ?? `Error ${status}`}</h1>
			{message ? <p>{message}</p> : null}
			{status === 403 ? <p className="muted">Ask an administrator if your role should include it.</p> : null}
			{status === 503 ? <p className="muted">Try again in a few seconds; nothing was lost.</p> : null}
		</>
	)
}
