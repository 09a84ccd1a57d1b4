// The server stamps every request with an id (header x-request-id) so a user's report can be traced
// to its log lines; loaders and actions read it from here.
export function requestIdOf(request: Request): string | null {
	return request.headers.get('x-request-id')
}
