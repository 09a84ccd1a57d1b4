// The server stamps every request with an id (header x-request-id) so a user's report can be traced
// to its log lines; loaders and actions read it from here.
export function requestIdOf(request: Request): string | null {
	return request.headers.get('x-request-id')
}

/** What a service needs of the request: its id, written with every audit entry. */
export function serviceContext(request: Request) {
	return { requestId: requestIdOf(request) }
}
