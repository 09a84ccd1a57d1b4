import { json } from '@remix-run/node'
import { type ListSpec, parseListQuery } from '#models/list-query.ts'

/** Parses a table's URL state or throws a 400 that names each bad parameter. */
export function requireListQuery<S extends string, F extends string>(request: Request, spec: ListSpec<S, F>) {
	const parsed = parseListQuery(new URL(request.url).searchParams, spec)
	if (!parsed.ok) {
		// `message` for the page's error boundary, `error` for API clients; both say the same.
		const message = parsed.errors.map(e => `${e.param}: ${e.message}`).join('; ')
		throw json({ error: message, message, errors: parsed.errors }, { status: 400 })
	}
	return parsed.value
}
