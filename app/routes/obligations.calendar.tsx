import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { issueCalendarToken, revokeCalendarToken } from '#app/services/obligations.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { requestIdOf } from '#app/utils/request.server.ts'
import { findLiveCalendarToken } from '#db/repositories/obligations.ts'

// GET /obligations/calendar: whether the user has a live feed link; POST intent=issue makes a new one (the old one
// stops working), intent=revoke ends it. The link is shown once, when issued: only its hash is stored.
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'overview:read')
	return json({ live: await findLiveCalendarToken(getDb(), user.id) })
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'overview:read')
	const intent = (await request.formData()).get('intent')
	const ctx = { requestId: requestIdOf(request) }
	if (intent === 'issue') {
		const result = await issueCalendarToken(getDb(), user, ctx)
		if (!result.ok) return json({ error: result.message }, { status: statusOf(result.code) })
		return json({ url: `${new URL(request.url).origin}/obligations.ics?token=${result.value.token}` })
	}
	if (intent === 'revoke') {
		const result = await revokeCalendarToken(getDb(), user, ctx)
		if (!result.ok) return json({ error: result.message }, { status: statusOf(result.code) })
		return json({ revoked: true })
	}
	return json({ error: 'Unknown intent: use issue or revoke.' }, { status: 400 })
}

export default function CalendarFeedRoute() {
	const { live } = useLoaderData<typeof loader>()
	const data = useActionData<typeof action>()
	return (
		<>
			<p className="no-print small">
				<Link to="/obligations">← Obligations register</Link>
			</p>
			<h1>Calendar feed</h1>
			<div className="card">
				<p>
					Subscribe to your personal link in Outlook or Google Calendar (“add calendar from URL”) to see every open duty with a due date as
					an all-day event. Anyone holding the link can read the feed: keep it private, and revoke it if it leaks.
				</p>
				{data && 'url' in data ? (
					<div className="notice ok" role="status">
						<label htmlFor="feed-url">Your feed link (shown once; copy it now)</label>
						<input id="feed-url" readOnly value={data.url} onFocus={e => e.currentTarget.select()} style={{ width: '100%' }} />
					</div>
				) : null}
				{data && 'revoked' in data ? (
					<p className="notice ok" role="status">
						Your feed link is revoked: calendars using it stop updating.
					</p>
				) : null}
				{data && 'error' in data ? (
					<p className="notice warn" role="alert">
						{data.error}
					</p>
				) : null}
				<p>
					{live && !(data && 'revoked' in data)
						? `You have a live feed link, issued ${formatDate(live.createdAt)}.`
						: 'You have no live feed link.'}
				</p>
				<div className="toolbar">
					<Form method="post">
						<input type="hidden" name="intent" value="issue" />
						<button type="submit">{live ? 'Replace my feed link' : 'Create my feed link'}</button>
					</Form>
					{live ? (
						<Form method="post">
							<input type="hidden" name="intent" value="revoke" />
							<button type="submit">Revoke my feed link</button>
						</Form>
					) : null}
				</div>
			</div>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Calendar feed · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
