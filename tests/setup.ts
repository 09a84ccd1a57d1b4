// Strict console.error (epic-stack idiom): an error logged during a test fails that test, unless the test says it
// expects one by calling allowConsoleError() first. The messages are named in the failure.
import { afterEach, beforeEach, vi } from 'vitest'

let logged: unknown[][] = []
let allowed = false

beforeEach(() => {
	logged = []
	allowed = false
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		logged.push(args)
	})
})

afterEach(() => {
	vi.mocked(console.error).mockRestore()
	if (allowed || logged.length === 0) return
	const messages = logged.map(args => args.map(a => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ')).join('\n')
	logged = []
	throw new Error(`console.error was called during this test (call allowConsoleError() if it is expected):\n${messages}`)
})

/** The current test expects console.error to be called (the calls are swallowed). */
export function allowConsoleError() {
	allowed = true
}
