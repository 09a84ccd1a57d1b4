import { AsyncLocalStorage } from 'node:async_hooks'

// Structured logs: one JSON object per line, each carrying the id of the request it belongs to.
// The store lives on globalThis because server.ts and the Remix build are two module graphs that
// must share it.
type Store = { requestId: string; databaseDown?: boolean; queries?: number }
const g = globalThis as unknown as { __requestStore?: AsyncLocalStorage<Store> }
export const requestStore = (g.__requestStore ??= new AsyncLocalStorage<Store>())

type Level = 'debug' | 'info' | 'warn' | 'error'

const SECRET = /(password|passwd|secret|token|cookie|session)/i

function clean(fields: Record<string, unknown>) {
	const out: Record<string, unknown> = {}
	for (const [k, v] of Object.entries(fields)) {
		if (SECRET.test(k)) out[k] = '[redacted]'
		else if (v instanceof Error) out[k] = { name: v.name, message: v.message, stack: v.stack?.split('\n').slice(0, 6).join('\n') }
		else out[k] = v
	}
	return out
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}) {
	if (process.env.LOG_LEVEL === 'silent') return
	const line = JSON.stringify({
		time: new Date().toISOString(),
		level,
		requestId: requestStore.getStore()?.requestId,
		message,
		...clean(fields),
	})
	if (level === 'error' || level === 'warn') process.stderr.write(line + '\n')
	else process.stdout.write(line + '\n')
}
