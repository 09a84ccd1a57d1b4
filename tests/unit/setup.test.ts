import { expect, test } from 'vitest'
import { allowConsoleError } from '../setup.ts'

// The failing side (a logged error fails its test) is the afterEach hook in tests/setup.ts; a test cannot watch its
// own afterEach fail, so this checks the hook's state is per test and that an allowed error passes.
test('an expected console.error passes when the test allows it', () => {
	allowConsoleError()
	console.error('expected in this test')
	expect(true).toBe(true)
})

test('console.error is captured during a test', () => {
	expect(vi.isMockFunction(console.error)).toBe(true)
})
