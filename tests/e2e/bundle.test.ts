// The JavaScript a page loads before it is usable, read from the built Remix manifest (needs `npm run build`,
// like every e2e file): the entry, the root route and the page's route, with the chunks each imports statically.
// A regression guard for the scale brief's "overview ≤ 200 KB gzip", measured as `npm run bench` measures it,
// and for the reason it holds: recharts comes in a chunk of its own, loaded by the charts, never up front.
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'

const BUILD = 'public/build'
const OVERVIEW_BUDGET_BYTES = 200 * 1024
const CHART_ROUTES = [
	'routes/_index',
	'routes/units.$unitId',
	'routes/scenarios.$id',
	'routes/snapshots._index',
	'routes/snapshots.$quarter._index',
	'routes/snapshots.$quarter.pack',
]
// A class name recharts writes on every chart's <svg>: present in its code, absent from ours.
const RECHARTS_MARK = 'recharts-surface'

type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, { module: string; imports?: string[] }> }

function readManifest(): Manifest {
	const file = fs.existsSync(BUILD) ? fs.readdirSync(BUILD).find(f => f.startsWith('manifest-')) : undefined
	if (!file) throw new Error(`no Remix manifest in ${BUILD}: run \`npm run build\` first`)
	return JSON.parse(
		fs
			.readFileSync(path.join(BUILD, file), 'utf8')
			.replace(/^window.__remixManifest=/, '')
			.replace(/;$/, ''),
	)
}

function initialFiles(manifest: Manifest, routeId: string) {
	const route = manifest.routes[routeId]
	if (!route) throw new Error(`${routeId} is not in the manifest`)
	const root = manifest.routes.root!
	return [
		...new Set([
			manifest.entry.module,
			...manifest.entry.imports,
			root.module,
			...(root.imports ?? []),
			route.module,
			...(route.imports ?? []),
		]),
	]
}

const read = (url: string) => fs.readFileSync(path.join('public', url))
const staticImports = (url: string) =>
	[
		...read(url)
			.toString()
			.matchAll(/(?:from|import)\s*"(\/build\/[^"]+)"/g),
	].map(m => m[1]!)

describe('JavaScript loaded up front (built manifest)', () => {
	const manifest = readManifest()

	test.each(CHART_ROUTES)('%s does not load recharts before its first paint', routeId => {
		const withRecharts = initialFiles(manifest, routeId).filter(f => read(f).includes(RECHARTS_MARK))
		expect(withRecharts).toEqual([])
	})

	test('the overview loads at most 200 KB gzip up front, and its chart from a chunk of its own', () => {
		const files = initialFiles(manifest, 'routes/_index')
		const bytes = files.reduce((n, f) => n + gzipSync(read(f)).length, 0)
		expect(bytes).toBeLessThanOrEqual(OVERVIEW_BUDGET_BYTES)
		// The Sankey is still drawn with recharts, fetched by a dynamic import: a route that lost its chart would
		// pass the checks above.
		const lazy = [
			...read(manifest.routes['routes/_index']!.module)
				.toString()
				.matchAll(/import\("([^"]+)"\)/g),
		].map(m => m[1]!)
		const lazyRecharts = lazy.flatMap(chunk => [chunk, ...staticImports(chunk)]).filter(f => read(f).includes(RECHARTS_MARK))
		expect(lazyRecharts.length).toBeGreaterThan(0)
		expect(lazyRecharts.filter(f => files.includes(f))).toEqual([])
	})
})
