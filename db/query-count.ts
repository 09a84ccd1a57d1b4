// Counts the queries each HTTP request makes (for the N+1 test and the request log). The request's store is
// the server's AsyncLocalStorage, shared through globalThis; outside a request nothing is counted.
type Store = { queries?: number }
const g = globalThis as unknown as { __requestStore?: { getStore(): Store | undefined } }

export function countQuery() {
	const store = g.__requestStore?.getStore()
	if (store) store.queries = (store.queries ?? 0) + 1
}
