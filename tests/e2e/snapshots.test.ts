// Issue 6 end to end: a board member lands on the quarters, reads the latest one and why it moved,
// compares two quarters, prints the board pack to PDF (pages and text checked); an admin freezes the
// current quarter once (a second freeze is refused), a board member cannot freeze, and verification passes.
import { extractText, getDocumentProxy } from 'unpdf'
import { type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { quarterOf } from '#models/quarter.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!

describe.each(e2eDialects())('$name: snapshots and the board pack', dialect => {
	let app: RunningApp
	let browser: Browser
	let db: Kysely<Database>
	const verifications = async () =>
		(await db.selectFrom('audit_event').select('id').where('action', '=', 'snapshot.verify').execute()).length

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		browser = await launchBrowser()
		db = createDb(app.databaseUrl).db
	})
	afterAll(async () => {
		await browser?.close()
		await db?.destroy()
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

	test('a page whose chart chunk is slow hydrates whole: a reader who pages the heatmap before the chart arrives meets no error', async () => {
		// CI once saw React error #421 here: the page hydrated while its chart's chunk was still on the way, the chart's
		// Suspense boundary stayed dehydrated, and the next navigation changed a context above it.
		const page = await browser.newPage()
		const errors: string[] = []
		page.on('pageerror', e => errors.push(e.message))
		await signIn(page, app.url, user('board').email, user('board').password)
		let delayed = 0
		await page.route(/\/build\/.*\.js$/, async route => {
			try {
				const response = await route.fetch()
				const body = await response.text()
				if (body.includes('recharts-surface')) {
					delayed++
					await new Promise(r => setTimeout(r, 3_000))
				}
				await route.fulfill({ response, body })
			} catch {
				// A request the page gave up on (it navigated away meanwhile) is handled already: nothing to answer.
			}
		})
		// The reader pages the heatmap (the same page, new data) before the chart's chunk has arrived.
		await page.goto(`${app.url}/snapshots/2026-Q3?size=5`)
		// Long enough for the rest of the page's JavaScript to arrive and run, well before the chart's chunk.
		await new Promise(r => setTimeout(r, 1_500))
		await page.getByRole('link', { name: 'Next →' }).click()
		await page.waitForURL(u => u.searchParams.get('page') === '2')
		await page.getByText('Units 6–10 of 17').waitFor()
		// Once the chunk is in, the server's drawing is still there (never swapped for the empty placeholder).
		await new Promise(r => setTimeout(r, 3_000))
		expect(delayed).toBeGreaterThan(0)
		expect(errors).toEqual([])
		expect(await page.locator('#trend-chart').count()).toBe(1)
		expect(await page.locator('.chart-placeholder').count()).toBe(0)
		await page.unrouteAll({ behavior: 'wait' })
		await page.close()
	}, 60_000)

	test('the frozen heatmap is paged and filtered in the URL under counts of every unit by band; the page sends only what it shows', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('board').email, user('board').password)
		await page.goto(`${app.url}/snapshots/2026-Q3?size=5`, { waitUntil: 'networkidle' })
		const heatmap = page.locator('#heatmap')
		expect(await heatmap.locator('.band-counts').textContent()).toMatch(
			/^17 units by overall band: Critical \d+ · High \d+ · Medium \d+ · Low \d+ · None \d+$/,
		)
		expect(await heatmap.locator('table.heatmap tbody tr').count()).toBe(5)
		expect(await heatmap.locator('.pager').textContent()).toContain('Units 1–5 of 17')
		const first = await heatmap.locator('table.heatmap tbody th').first().textContent()
		await heatmap.getByRole('link', { name: 'Next →' }).click()
		await page.waitForURL(u => u.searchParams.get('page') === '2' && u.searchParams.get('size') === '5')
		await heatmap.getByText('Units 6–10 of 17').waitFor()
		expect(await heatmap.locator('table.heatmap tbody th').first().textContent()).not.toBe(first)

		// A filter keeps the quarter compared with; the rows shown are the band's and no more.
		await page.goto(`${app.url}/snapshots/2026-Q3?compare=2025-Q3`, { waitUntil: 'networkidle' })
		const high = Number((await heatmap.locator('.band-counts').textContent())!.match(/High (\d+)/)![1])
		await page.getByLabel('Overall band').selectOption('high')
		await page.getByRole('button', { name: 'Apply' }).click()
		await page.waitForURL(u => u.searchParams.get('band') === 'high' && u.searchParams.get('compare') === '2025-Q3')
		await heatmap.getByText(`Units 1–${high} of ${high}`).waitFor()
		await page.getByText(/Against 2025-Q3/).waitFor()
		expect(await heatmap.locator('table.heatmap tbody tr td.heat:first-of-type.band-high').count()).toBe(high)
		expect(await heatmap.locator('table.heatmap tbody tr').count()).toBe(high)

		const data = await (
			await page.context().request.get(`${app.url}/snapshots/2026-Q3?size=5&_data=routes%2Fsnapshots.%24quarter._index`)
		).json()
		expect(data.heatmap).toMatchObject({ total: 17, page: 1, pageSize: 5 })
		expect(data.heatmap.rows).toHaveLength(5)
		expect(Object.keys(data.heatmap.rows[0]).sort()).toEqual(['cells', 'city', 'code', 'name', 'overall'])
		expect(data.attribution.units).toBeUndefined() // only the movers' inventory changes are sent
		expect(Object.keys(data.attribution.moverChanges).length).toBeLessThanOrEqual(data.movers.length)
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
		for (const s of [
			'1. Headline figures',
			'2. What moved, and why',
			'3. Heatmap',
			'17 units by overall band',
			'4. Exposure over the quarters',
			'6. Due next quarter',
			'7. Forecast threshold crossings',
			'9. Integrity of this snapshot',
			'Meridian Payments (China)',
		])
			expect(all).toContain(s)
		expect(all).not.toContain('Sign out') // no navigation chrome
		const { width, height } = (await doc.getPage(1)).getViewport({ scale: 1 })
		expect([Math.round(width), Math.round(height)]).toEqual([595, 842]) // A4 in points
		await page.close()
	}, 60_000)

	test('the current, unfinished quarter is refused with the date it can be frozen from; an ended one frozen already is refused; a board member’s freeze is refused; the chain verifies', async () => {
		const page = await browser.newPage()
		const quarter = quarterOf(new Date())
		await signIn(page, app.url, user('board').email, user('board').password)
		const asBoard = await page
			.context()
			.request.post(`${app.url}/snapshots?index`, { form: { quarter, confirmation: quarter }, headers: { Origin: app.url } })
		expect(asBoard.status()).toBe(403)
		// Verification re-scores every quarter: an administrator's action. A board member can neither post it nor set it
		// off by reading the page with the old ?verify=1; neither leaves a verification in the audit log.
		const verifyAsBoard = await page
			.context()
			.request.post(`${app.url}/snapshots?index`, { form: { intent: 'verify' }, headers: { Origin: app.url } })
		expect(verifyAsBoard.status()).toBe(403)
		await page.goto(`${app.url}/snapshots?verify=1`)
		expect(await page.getByRole('status').count()).toBe(0)
		expect(await page.getByRole('button', { name: 'Verify every snapshot now' }).count()).toBe(0)
		expect(await page.getByText('An administrator can verify every snapshot').count()).toBe(1)
		expect(await verifications()).toBe(0)

		await signIn(page, app.url, user('admin').email, user('admin').password)
		await page.goto(`${app.url}/snapshots`, { waitUntil: 'networkidle' })
		// Every ended quarter of the demo is frozen: the form offers none, and says when today's quarter can be.
		expect(await page.locator('#freeze-quarter').inputValue()).toBe('')
		expect(await page.locator('form[aria-labelledby="freeze-h"]').textContent()).toContain(`${quarter} can be frozen from`)
		await page.locator('#freeze-quarter').fill(quarter)
		await page.getByLabel('Type the quarter again to confirm').fill(quarter)
		await page.getByRole('button', { name: 'Freeze for ever' }).click()
		await page.getByRole('alert').waitFor()
		expect(await page.getByRole('alert').textContent()).toMatch(
			new RegExp(`Quarter ${quarter} has not ended \\(it ends on \\d{4}-\\d\\d-\\d\\d\\); it can be frozen from \\d{4}-\\d\\d-01`),
		)
		await screenshot(page, `${dialect.name}-snapshots-freeze-refused`)

		await page.locator('#freeze-quarter').fill('2026-Q3')
		await page.getByLabel('Type the quarter again to confirm').fill('2026-Q3')
		await page.getByRole('button', { name: 'Freeze for ever' }).click()
		await page.getByRole('alert').filter({ hasText: 'already frozen' }).waitFor()
		expect(await page.getByRole('alert').textContent()).toMatch(
			/Quarter 2026-Q3 is already frozen \(hash [0-9a-f]{12}…\); snapshots cannot be re-frozen/,
		)

		// Verification runs as a background job: the page shows its progress, then its result, without a click.
		await page.getByRole('button', { name: 'Verify every snapshot now' }).click()
		await page.getByRole('status').filter({ hasText: 'All 8 snapshots verified on' }).waitFor({ timeout: 30_000 })
		expect(await page.getByRole('status').textContent()).toMatch(/All 8 snapshots verified on \d+ \w+ \d{4}, \d\d:\d\d UTC/)
		expect(await verifications()).toBe(1)
		expect(await page.getByRole('cell', { name: 'OK: hash, chain and scores reproduce' }).count()).toBe(8)
		await screenshot(page, `${dialect.name}-snapshots-verified`)
		// The result is kept: it is there on the next visit, and a board member reads it too (as text, not an announcement).
		await page.goto(`${app.url}/snapshots`)
		expect(await page.getByText(/All 8 snapshots verified on/).count()).toBe(1)
		expect(await page.getByRole('button', { name: 'Verify again' }).count()).toBe(1)
		await signIn(page, app.url, user('board').email, user('board').password)
		await page.goto(`${app.url}/snapshots`)
		expect(await page.getByText(/All 8 snapshots verified on/).count()).toBe(1)
		expect(await page.getByRole('status').count()).toBe(0)
		await page.close()
	})

	test('a board member prints the pack as a background job: its page shows the progress, then the PDF to download; nobody else can fetch it', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('board').email, user('board').password)
		await page.goto(`${app.url}/snapshots/2026-Q3`)
		await page.getByRole('button', { name: 'Print PDF' }).click()
		await page.waitForURL(/\/jobs\/\d+$/)
		await page.getByRole('heading', { name: 'Printing the board pack for 2026-Q3' }).waitFor()
		const download = page.getByRole('link', { name: 'Download board-pack-2026-Q3.pdf' })
		await download.waitFor({ timeout: 60_000 })
		expect(await page.getByRole('status').textContent()).toMatch(/Done/)
		await screenshot(page, `${dialect.name}-pack-job-done`)
		const href = (await download.getAttribute('href'))!
		const pdf = await page.context().request.get(`${app.url}${href}`)
		expect(pdf.status()).toBe(200)
		expect(pdf.headers()['content-disposition']).toBe('attachment; filename="board-pack-2026-Q3.pdf"')
		expect(
			Buffer.from(await pdf.body())
				.subarray(0, 5)
				.toString(),
		).toBe('%PDF-')
		// Listed under the board member's own jobs; an analyst is told there is no such job.
		await page.goto(`${app.url}/jobs`)
		expect(await page.getByRole('link', { name: 'Download board-pack-2026-Q3.pdf' }).count()).toBe(1)
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		expect((await page.context().request.get(`${app.url}${href}`)).status()).toBe(404)
		expect((await page.context().request.get(`${app.url}${href.replace(/\/file$/, '')}`)).status()).toBe(404)
		// An administrator sees every job, this one among them.
		await signIn(page, app.url, user('admin').email, user('admin').password)
		await page.goto(`${app.url}/admin/jobs`)
		expect(await page.getByRole('cell', { name: 'Printing the board pack (2026-Q3)' }).count()).toBeGreaterThan(0)
		await screenshot(page, `${dialect.name}-admin-jobs`)
		await page.close()
	}, 90_000)
})
