// Issue 6 end to end: a board member lands on the quarters, reads the latest one and why it moved,
// compares two quarters, prints the board pack to PDF (pages and text checked); an admin freezes the
// current quarter once (a second freeze is refused), a board member cannot freeze, and verification passes.
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { quarterOf } from '#models/snapshot.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!

describe.each(e2eDialects())('$name: snapshots and the board pack', dialect => {
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

	test('a board member reads the latest quarter: headline, why it moved, decisions, heatmap, trend', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('board').email, user('board').password)
		expect(new URL(page.url()).pathname).toBe('/snapshots')
		await page.getByRole('link', { name: /Open 2026-Q3, the latest quarter/ }).click()
		await page.getByRole('heading', { name: '2026-Q3: exposure in China' }).waitFor()
		const text = (await page.locator('main').textContent()) ?? ''
		expect(text).toContain('What moved since 2026-Q2, and why')
		expect(text).toMatch(/Why: (changed inputs|deadlines falling due|changed model version)/)
		expect(text).toContain('Shanghai client data operations to Kuala Lumpur')
		expect(await page.locator('table.heatmap tbody tr').count()).toBe(17)
		expect(await page.locator('#trend-chart').count()).toBe(1)
		await screenshot(page, `${dialect.name}-snapshot-board`)

		await page.getByLabel('Compare with').selectOption('2025-Q3')
		await page.getByRole('button', { name: 'Compare' }).click()
		await page.getByText(/Against 2025-Q3 \(model 2025\.1, now 2026\.1\)/).waitFor()

		// The print stylesheet drops the navigation.
		await page.emulateMedia({ media: 'print' })
		expect(await page.locator('.app-header').isVisible()).toBe(false)
		await page.close()
	})

	test('the board pack prints to an A4 PDF with a cover, numbered pages and the quarter’s figures', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('board').email, user('board').password)
		const res = await page.context().request.get(`${app.url}/snapshots/2026-Q3/pack.pdf`)
		expect(res.status()).toBe(200)
		expect(res.headers()['content-type']).toBe('application/pdf')
		const doc = await getDocumentProxy(new Uint8Array(await res.body()))
		const { totalPages, text } = await extractText(doc, { mergePages: false })
		expect(totalPages).toBeGreaterThanOrEqual(3)
		const pages = text as string[]
		expect(pages[0]).toContain('China regulatory exposure')
		expect(pages[0]).toContain('2026-Q3')
		expect(pages[0]).toContain('Contents')
		expect(pages[0]).not.toMatch(/Page 1 of/) // no footer on the cover
		expect(pages[1]).toContain(`Page 2 of ${totalPages}`)
		const all = pages.join('\n')
		for (const s of ['1. Headline figures', '2. What moved, and why', '3. Heatmap', '4. Exposure over the quarters', '7. Integrity of this snapshot', 'Meridian Payments (China)']) expect(all).toContain(s)
		expect(all).not.toContain('Sign out') // no navigation chrome
		const { width, height } = (await doc.getPage(1)).getViewport({ scale: 1 })
		expect([Math.round(width), Math.round(height)]).toEqual([595, 842]) // A4 in points
		await page.close()
	}, 60_000)

	test('an admin freezes the current quarter once; a second freeze and a board member’s freeze are refused; the chain verifies', async () => {
		const page = await browser.newPage()
		const quarter = quarterOf(new Date())
		await signIn(page, app.url, user('board').email, user('board').password)
		const asBoard = await page.context().request.post(`${app.url}/snapshots?index`, { form: { quarter }, headers: { Origin: app.url } })
		expect(asBoard.status()).toBe(403)

		await signIn(page, app.url, user('admin').email, user('admin').password)
		await page.goto(`${app.url}/snapshots`, { waitUntil: 'networkidle' })
		await page.locator('#freeze-quarter').fill(quarter)
		await page.getByRole('button', { name: 'Freeze' }).click()
		await page.getByRole('heading', { name: `${quarter}: exposure in China` }).waitFor()
		expect(await page.locator('main').textContent()).toContain('What moved since 2026-Q3')

		await page.goto(`${app.url}/snapshots`, { waitUntil: 'networkidle' })
		await page.locator('#freeze-quarter').fill(quarter)
		await page.getByRole('button', { name: 'Freeze' }).click()
		await page.getByRole('alert').waitFor()
		expect(await page.getByRole('alert').textContent()).toMatch(new RegExp(`Quarter ${quarter} is already frozen \\(hash [0-9a-f]{12}…\\); snapshots cannot be re-frozen`))

		await page.goto(`${app.url}/snapshots?verify=1`)
		expect(await page.getByRole('status').textContent()).toMatch(/All 9 snapshots verified/)
		await screenshot(page, `${dialect.name}-snapshots-verified`)
		await page.close()
	})
})
