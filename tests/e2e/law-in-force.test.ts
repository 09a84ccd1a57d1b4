// Issue 14 end to end, in Chromium on each dialect: the overview's headline figures read as GET /api/portfolio
// says, the "flows lacking their required mechanism" figure opens exactly those rows (page, CSV and API), and the
// portfolio API answers 401/403 like the other API routes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatInt, formatRmb } from '#app/utils/format.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!

describe.each(e2eDialects())('$name: law in force, counted per exporter', dialect => {
	let app: RunningApp
	let browser: Browser

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		browser = await launchBrowser()
	})
	afterAll(async () => {
		await browser?.close()
		await app?.stop()
	})

	test('the overview headline reads as GET /api/portfolio says, and the ceiling says what it is', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('executive').email, user('executive').password)
		const api = await (await page.context().request.get(`${app.url}/api/portfolio`)).json()
		expect(Object.keys(api.penaltyCeilingByLaw).sort()).toEqual(['CSL', 'DSL', 'PIPL'])
		expect(api.penaltyCeilingRmb).toBe(api.penaltyCeilingByLaw.PIPL + api.penaltyCeilingByLaw.DSL + api.penaltyCeilingByLaw.CSL)
		// The demo group: every entity's own turnover, so no group-turnover assumption; far below 5% of the group's RMB 412bn.
		expect(api.penaltyCeilingRmb).toBeLessThan(412_000_000_000 * 0.05)
		await page.goto(`${app.url}/`, { waitUntil: 'networkidle' })
		const kpi = (label: string) => page.locator('.kpi', { has: page.locator('.label', { hasText: label }) })
		await expect(kpi('Statutory penalty ceiling').locator('.value').textContent()).resolves.toBe(
			formatRmb(api.penaltyCeilingRmb, { compact: true }),
		)
		await expect(kpi('Statutory penalty ceiling').locator('.hint').textContent()).resolves.toContain(api.penaltyCeilingBasis)
		await expect(kpi('Business units').locator('.value').textContent()).resolves.toBe(formatInt(api.units))
		await expect(kpi('People in China').locator('.value').textContent()).resolves.toBe(formatInt(api.peopleInChina))
		await expect(kpi('Flows lacking their required mechanism').locator('.value').textContent()).resolves.toBe(
			formatInt(api.flowsLackingMechanism),
		)
		await expect(kpi('Systems overdue').locator('.value').textContent()).resolves.toBe(formatInt(api.systemsOverdue))
		await screenshot(page, `${dialect.name}-overview-penalty-ceiling`)

		// The figure opens exactly the rows it counts: the page, the API and the CSV export of the same view.
		await kpi('Flows lacking their required mechanism').getByRole('link').click()
		await page.waitForURL(u => u.pathname === '/flows' && u.searchParams.get('status') === 'lacking')
		await page.locator('thead th', { hasText: 'Required mechanism' }).waitFor() // the client navigation has rendered
		const listed = await (await page.context().request.get(`${app.url}/api/flows?status=lacking&size=500`)).json()
		expect(listed.total).toBe(api.flowsLackingMechanism)
		expect(
			listed.data.every(
				(r: { mechanismSatisfied: boolean; requiredMechanism: string | null }) =>
					r.mechanismSatisfied === false && r.requiredMechanism !== null,
			),
		).toBe(true)
		const csv = await (await page.context().request.get(`${app.url}/inventory/flows/export?status=lacking`)).text()
		const [header, ...lines] = csv.trim().split(/\r?\n/)
		expect(header).toContain('required_mechanism')
		expect(lines.length).toBe(api.flowsLackingMechanism)
		await expect(page.locator('tbody tr').count()).resolves.toBe(Math.min(api.flowsLackingMechanism, 50))
		await screenshot(page, `${dialect.name}-flows-lacking`)
		await page.setViewportSize({ width: 390, height: 844 })
		await screenshot(page, `${dialect.name}-flows-lacking-390`)
		await page.close()
	})

	test('GET /api/portfolio: 401 signed out, 403 for the board, a bad filter on /api/flows is a 400 naming it', async () => {
		expect((await fetch(`${app.url}/api/portfolio`)).status).toBe(401)
		const page = await browser.newPage()
		await signIn(page, app.url, user('board').email, user('board').password)
		expect((await page.context().request.get(`${app.url}/api/portfolio`)).status()).toBe(403)
		await page.close()
		const analyst = await browser.newPage()
		await signIn(analyst, app.url, user('analyst').email, user('analyst').password)
		const bad = await analyst.context().request.get(`${app.url}/api/flows?status=nope`)
		expect(bad.status()).toBe(400)
		expect(JSON.stringify(await bad.json())).toContain('status')
		await analyst.close()
	})
})
