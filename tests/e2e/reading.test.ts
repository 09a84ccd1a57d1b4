// Board-grade reading on every screen, as each role: axe-core finds nothing critical or serious, and no page is wider
// than a phone's (390 px) or a tablet's (768 px) viewport. The pages come from the built manifest (every route with a
// component), so a new page is covered without anyone remembering; each role visits the ones its permissions open.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { type ServerBuild } from '@remix-run/node'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { ROLES, type Role } from '#models/domain.ts'
import { can, type Permission } from '#models/permissions.ts'
import { type Access, ROUTE_ACCESS } from '#models/route-access.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, signIn, startApp } from './harness.ts'

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WIDTHS = [390, 768]

const allowed = (access: Access | undefined, role: Role) =>
	access === 'public' ||
	(access !== undefined && (typeof access === 'string' ? can(role, access as Permission) : access.some(p => can(role, p))))

/** Every page (a route with a component and a loader) as a URL with real records in its segments. */
async function pagesOf(databaseUrl: string) {
	const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
	const { db } = createDb(databaseUrl)
	const approved = await db.selectFrom('scenario').select('id').where('status', '=', 'approved').executeTakeFirstOrThrow()
	const quarter = await db.selectFrom('snapshot').select('quarter').orderBy('quarter', 'desc').executeTakeFirstOrThrow()
	await db.destroy()
	const params: Record<string, string> = { table: 'units', id: '1', unitId: '1', userId: '1', quarter: quarter.quarter }
	const pages: Array<{ id: string; url: string; access: Access | undefined }> = []
	for (const [id, route] of Object.entries(build.routes)) {
		if (id === 'root' || !route.module.default || !route.module.loader || id === 'routes/login') continue
		const chain: string[] = []
		for (let r = build.routes[id]; r; r = r.parentId ? build.routes[r.parentId] : undefined) if (r.path) chain.unshift(r.path)
		const url = `/${chain.join('/')}`.replace(/:(\w+)/g, (_, name: string) =>
			id === 'routes/scenarios.$id' ? String(approved.id) : (params[name] ?? '1'),
		)
		pages.push({ id, url: url.replace(/\/+/g, '/'), access: ROUTE_ACCESS[id]?.loader })
	}
	// Other tables of the generic inventory pages, the comparison with scenarios in it, and the pages no route owns.
	for (const table of ['systems', 'flows', 'staffing'])
		pages.push({ id: 'routes/inventory.$table.new', url: `/inventory/${table}/new`, access: 'inventory:write' })
	pages.push({ id: 'routes/scenarios.compare', url: `/scenarios/compare?ids=${approved.id}`, access: 'scenarios:read-approved' })
	return pages
}

async function axeViolations(page: Page) {
	await page.addScriptTag({ content: AXE_SOURCE })
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (
						ctx: Document,
						o: object,
					) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[]; failureSummary: string }> }> }>
				}
			}
		).axe
		const { violations } = await axe.run(document, { resultTypes: ['violations'] })
		return violations
			.filter(v => v.impact === 'critical' || v.impact === 'serious')
			.map(v => ({
				id: v.id,
				impact: v.impact,
				count: v.nodes.length,
				first: `${JSON.stringify(v.nodes[0]?.target)} ${v.nodes[0]?.failureSummary}`,
			}))
	})
}

describe.each(e2eDialects().slice(0, 1))('$name: every page as each role', dialect => {
	let app: RunningApp
	let browser: Browser
	let pages: Awaited<ReturnType<typeof pagesOf>>
	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		pages = await pagesOf(app.databaseUrl)
		browser = await launchBrowser({ bypassCSP: true }) // axe is injected as an inline script: this test only
	}, 120_000)
	afterAll(async () => {
		await browser?.close()
		await app?.stop()
	})

	const visitsOf = (role: Role) => {
		const visits = [...pages.filter(p => allowed(p.access, role)).map(p => p.url), '/no-such-page']
		if (role === 'board') visits.push('/units') // a 403 page
		return visits
	}
	const signedIn = async (role: Role) => {
		const user = DEMO_USERS.find(u => u.role === role)!
		const page = await browser.newPage()
		await signIn(page, app.url, user.email, user.password)
		return page
	}

	test.each(ROLES)(
		'%s: axe-core reports nothing critical or serious on any page',
		async role => {
			const page = await signedIn(role)
			const problems: string[] = []
			for (const url of visitsOf(role)) {
				await page.goto(`${app.url}${url}`, { waitUntil: 'load' })
				for (const v of await axeViolations(page)) problems.push(`${url}: ${v.impact} ${v.id} x${v.count}: ${v.first}`)
			}
			expect(problems).toEqual([])
			await page.close()
		},
		600_000,
	)

	test.each(ROLES)(
		'%s: no page is wider than a 390 px phone or a 768 px tablet',
		async role => {
			const page = await signedIn(role)
			const wider: string[] = []
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: 844 })
				for (const url of visitsOf(role)) {
					await page.goto(`${app.url}${url}`, { waitUntil: 'load' })
					const wide = await page.evaluate(() => document.documentElement.scrollWidth)
					if (wide > width) wider.push(`${url} at ${width}: ${wide} px`)
				}
			}
			expect(wider).toEqual([])
			await page.close()
		},
		600_000,
	)
})
