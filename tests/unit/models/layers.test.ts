// models/ is pure (STYLE.md): no Node module, no clock, no environment, nothing from db/, app/ or seed/. The
// scenario page runs part of it in the browser, and the snapshot hash is handed in for the same reason.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const files = (dir: string): string[] =>
	fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))

test('models/ imports nothing from Node, the database, the app or the seed', () => {
	const offending = files('models')
		.filter(f => f.endsWith('.ts'))
		.flatMap(f =>
			[...fs.readFileSync(f, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)]
				.map(m => m[1]!)
				.filter(spec => spec.startsWith('node:') || /^#(db|app|seed)\//.test(spec) || ['fs', 'path', 'crypto', 'zlib'].includes(spec))
				.map(spec => `${f}: ${spec}`),
		)
	expect(offending).toEqual([])
})
