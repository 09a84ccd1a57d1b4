// Strict console.error (epic-stack idiom): an unexpected error logged during a test fails it.
import { afterEach, vi } from 'vitest'

let spy: ReturnType<typeof vi.spyOn> | undefined
afterEach(() => {
	spy?.mockRestore()
})

export function allowConsoleError() {
	spy = vi.spyOn(console, 'error').mockImplementation(() => {})
}
