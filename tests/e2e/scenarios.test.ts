// Issue 5 end to end in Chromium: an analyst builds a scenario and sees the results change as they type,
// saves and proposes it; an executive approves it with a comment; a board member reads approved
// scenarios only (a draft's id is a 404); two scenarios compare side by side. Every step is audited.
import { type Kysely } from 'kysely'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!

describe.each(e2eDialects())('$name: relocation scenarios in Chromium', dialect => {
	let app: RunningApp
	let browser: Browser
	let db: Kysely<Database>
	let scenarioPath = ''

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		browser = await launchBrowser()
		db = createDb(app.databaseUrl).db
	})
	afterAll(async () => {
		await db?.destroy()
		await browser?.close()
		await app?.stop()
	})

	/** Creates a draft from the new-scenario form and waits for its editor to be hydrated; returns its path. */
	async function createScenario(page: Page, name: string) {
		await page.goto(`${app.url}/scenarios/new`, { waitUntil: 'networkidle' })
		await page.getByLabel('Name').fill(name)
		await page.getByRole('button', { name: 'Create and add moves' }).click()
		await page.waitForURL(u => /^\/scenarios\/\d+$/.test(u.pathname))
		await page.waitForLoadState('networkidle') // hydrated: the editor's buttons work in the browser only
		return new URL(page.url()).pathname
	}

	test('an analyst builds a scenario; the results follow every keystroke, then it is saved and proposed', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		scenarioPath = await createScenario(page, 'Shanghai data team to Manila, half')
		await page.getByRole('button', { name: 'Add a move' }).click()
		// A new scenario holds no unit: the unit's staffing lines arrive once it is chosen (by code, name or city).
		await page.getByLabel('Move 1: unit').fill('BU-SH-BANKOPS')
		const dataTeam = page.getByLabel('Move 1: staffing line').locator('option', { hasText: 'SL-OPS-DATA-SH' })
		await dataTeam.waitFor({ state: 'attached' })
		await page.getByLabel('Move 1: staffing line').selectOption({ label: (await dataTeam.textContent())! })
		await page.getByLabel('Move 1: destination').selectOption({ label: 'Manila (PH)' })
		const oneOff = page.locator('.kpi', { hasText: 'One-off cost' }).locator('.hint').first()
		await page.getByLabel('Move 1: people').fill('40')
		const at40 = await oneOff.textContent()
		await page.getByLabel('Move 1: people').fill('80')
		await expect.poll(() => oneOff.textContent()).not.toBe(at40)
		// Recomputed in the browser, measured with performance marks.
		const measures = await page.evaluate(() => performance.getEntriesByName('scenario-recompute').map(e => e.duration))
		expect(measures.length).toBeGreaterThan(0)
		expect(await page.locator('#transfers-h').isVisible()).toBe(true)
		expect(await page.locator('section', { has: page.locator('#transfers-h') }).textContent()).toMatch(/Manila|PH/)
		await page.getByRole('button', { name: 'Save changes' }).click()
		await page.getByRole('status').getByText('Saved.').waitFor()
		await page.getByRole('button', { name: 'Propose for decision' }).click()
		await page.locator('.status-proposed').waitFor()
		await screenshot(page, `${dialect.name}-scenario-proposed`)
		const id = Number(scenarioPath.split('/').pop())
		const saved = await db.selectFrom('scenario_move').select(['headcount']).where('scenario_id', '=', id).execute()
		expect(saved.map(m => m.headcount)).toEqual([80])
		await page.close()
	})

	test('a new move has no destination until one is picked: saving it is refused on that field; the columns say what they are', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const id = Number((await createScenario(page, 'Destination still to choose')).split('/').pop())
		await page.getByRole('button', { name: 'Add a move' }).click()
		await page.getByLabel('Move 1: unit').fill('BU-SH-BANKOPS')
		const dataTeam = page.getByLabel('Move 1: staffing line').locator('option', { hasText: 'SL-OPS-DATA-SH' })
		await dataTeam.waitFor({ state: 'attached' })
		await page.getByLabel('Move 1: staffing line').selectOption({ label: (await dataTeam.textContent())! })
		const destination = page.getByLabel('Move 1: destination')
		expect(await destination.inputValue()).toBe('')
		expect(await destination.locator('option:checked').textContent()).toBe('Choose a destination…')
		expect(await destination.getAttribute('aria-invalid')).toBe('true')
		await page.getByRole('button', { name: 'Save changes' }).click()
		const refused = page.getByRole('alert').filter({ hasText: 'Not saved' })
		await refused.waitFor()
		expect(await refused.textContent()).toContain('Move 1: destination: Choose a destination, or "Cut" for a redundancy.')
		expect(await db.selectFrom('scenario_move').select('id').where('scenario_id', '=', id).execute()).toEqual([])
		await screenshot(page, `${dialect.name}-scenario-destination-required`)

		await destination.selectOption({ label: 'Manila (PH)' })
		expect(await destination.getAttribute('aria-invalid')).toBeNull()
		await page.getByRole('button', { name: 'Save changes' }).click()
		await page.getByRole('status').getByText('Saved.').waitFor()
		expect(await db.selectFrom('scenario_move').select('id').where('scenario_id', '=', id).execute()).toHaveLength(1)
		// "Leave first" says what it is, in the header (its accessible name holds the visible words) and below the table.
		const lines = page.locator('section', { has: page.locator('#lines-h') })
		await expect(lines.getByRole('columnheader', { name: /^Leave first resign before the date, no severance$/ }).count()).resolves.toBe(1)
		expect(await lines.textContent()).toContain('“Leave first” is the people expected to resign of their own accord')
		// The cap's average wage, with its year and source.
		const wages = lines.locator('.cap-wages')
		expect(await wages.textContent()).toContain('Shanghai: RMB 12,434 a month, 2024')
		expect(
			await wages
				.getByRole('link', { name: /^source, / })
				.first()
				.getAttribute('href'),
		).toMatch(/^https:\/\//)
		await page.close()
	})

	test('a move on a unit the page did not ship: its inventory is fetched, the results follow, and the server agrees', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const { id } = await db
			.selectFrom('scenario')
			.select('id')
			.where('name', '=', 'Shanghai client data operations to Manila')
			.executeTakeFirstOrThrow()
		const path = `${app.url}/scenarios/${id}`
		// The page ships the inventory of the units the scenario reads, and a short list of every unit to choose from.
		const shipped = await (await page.context().request.get(`${path}?_data=${encodeURIComponent('routes/scenarios.$id')}`)).json()
		expect(shipped.editor.ctx.portfolio.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['BU-SH-BANKOPS'])
		expect(shipped.editor.units.map((u: { code: string }) => u.code)).toContain('BU-BJ-RND')
		await page.goto(path, { waitUntil: 'networkidle' })
		const section = (heading: string) => page.locator('section', { has: page.locator(heading) })
		expect(await section('#diff-h').textContent()).not.toContain('China R&D Centre')
		await page.getByRole('button', { name: 'Add a move' }).click()
		const fetched = page.waitForResponse(r => r.url().includes('/scenarios/inventory/'))
		await page.getByLabel('Move 2: unit').fill('BU-BJ-RND')
		expect((await fetched).status()).toBe(200)
		const backOffice = page.getByLabel('Move 2: staffing line').locator('option', { hasText: 'SL-RND-BO-BJ' })
		await backOffice.waitFor({ state: 'attached' })
		await page.getByLabel('Move 2: staffing line').selectOption({ label: (await backOffice.textContent())! })
		await page.getByLabel('Move 2: destination').selectOption({ label: 'Manila (PH)' })
		await page.getByLabel('Move 2: people').fill('20')
		// Recomputed in the browser with the unit it fetched: a second transfer, and the unit in the exposure table.
		await expect.poll(() => section('#transfers-h').textContent()).toContain('SL-RND-BO-BJ')
		expect(await section('#diff-h').textContent()).toContain('Meridian Technology China R&D Centre')
		expect(await page.locator('.results-status').textContent()).toBe('')
		const figures = async () =>
			(
				await Promise.all(
					['section.kpis', 'section:has(#diff-h)', 'section:has(#transfers-h)', 'section:has(#lines-h)'].map(s =>
						page.locator(s).textContent(),
					),
				)
			).join('\n')
		await page.locator('section.kpis:not([aria-busy])').waitFor() // the Monte Carlo bands are of this draft
		const shown = await figures()
		await screenshot(page, `${dialect.name}-scenario-fetched-unit`)
		await page.getByRole('button', { name: 'Save changes' }).click()
		await page.getByRole('status').getByText('Saved.').waitFor()
		// The server's results, on the whole inventory, are the browser's.
		await page.reload({ waitUntil: 'networkidle' })
		expect(await figures()).toBe(shown)
		const saved = await db.selectFrom('scenario_move').select(['headcount']).where('scenario_id', '=', id).orderBy('id').execute()
		expect(saved.map(m => m.headcount)).toEqual([148, 20])
		await page.close()
	})

	test('a save with an impossible move is refused with a message, and nothing changes', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const id = Number(scenarioPath.split('/').pop())
		const res = await page.context().request.post(`${app.url}${scenarioPath}`, {
			form: { intent: 'save', draft: JSON.stringify({ name: 'x', description: '', assumptions: { discountRate: 2 }, moves: [] }) },
			headers: { Origin: app.url },
		})
		expect(res.status()).toBe(400)
		// Refused before anything is read: the form names no version (and the scenario is proposed, its values impossible).
		expect(await res.text()).toMatch(/did not say which version|proposed scenario cannot be edited|Discount rate/)
		expect((await db.selectFrom('scenario').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name).toBe(
			'Shanghai data team to Manila, half',
		)
		await page.close()
	})

	test('a board member cannot see the proposal; an executive approves it with a comment; then the board can', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('board').email, user('board').password)
		const hidden = await page.goto(`${app.url}${scenarioPath}`)
		expect(hidden?.status()).toBe(404)
		await page.goto(`${app.url}/scenarios`)
		expect(await page.locator('tbody').textContent()).not.toContain('Manila, half')

		await signIn(page, app.url, user('executive').email, user('executive').password)
		await page.goto(`${app.url}${scenarioPath}`)
		await page.getByRole('button', { name: 'Reject' }).click()
		await page.getByRole('alert').getByText('Say why the scenario is rejected').first().waitFor()
		await page.getByLabel('Comment (required to reject)').fill('Approved: proceed with the standard contract filing first.')
		await page.getByRole('button', { name: 'Approve' }).click()
		await page.locator('.status-approved').waitFor()
		expect(await page.getByText('Decision: “Approved: proceed').count()).toBe(1)

		await signIn(page, app.url, user('board').email, user('board').password)
		const shown = await page.goto(`${app.url}${scenarioPath}`)
		expect(shown?.status()).toBe(200)
		await expect(page.getByRole('button', { name: /Save|Approve|Reject/ }).count()).resolves.toBe(0)
		const direct = await page
			.context()
			.request.post(`${app.url}${scenarioPath}`, { form: { intent: 'save', draft: '{}' }, headers: { Origin: app.url } })
		expect(direct.status()).toBe(403)
		await screenshot(page, `${dialect.name}-scenario-board`)

		const id = String(scenarioPath.split('/').pop())
		const log = await db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'scenario')
			.where('entity_id', '=', id)
			.orderBy('id')
			.execute()
		expect(log.map(l => l.action)).toEqual(['create', 'update', 'scenario.propose', 'scenario.approve'])
		await page.close()
	})

	test('destination costs are editable, each marked sourced or estimate, with field messages for bad input', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		await page.goto(`${app.url}/destinations`)
		await page.getByRole('link', { name: 'Edit Manila' }).click()
		await page.getByRole('heading', { name: 'Manila (PH)' }).waitFor()
		await page.getByLabel('Back office', { exact: true }).fill('cheap')
		await page.getByRole('button', { name: 'Save destination' }).click()
		await page.getByRole('alert').waitFor()
		expect(await page.getByLabel('Back office', { exact: true }).getAttribute('aria-invalid')).toBe('true')
		await page.getByLabel('Back office', { exact: true }).fill('18250')
		await page.getByLabel('Back office: evidence').selectOption('sourced')
		await page.getByRole('button', { name: 'Save destination' }).click()
		await page.waitForURL(u => u.pathname === '/destinations')
		const row = page.getByRole('row', { name: /Manila/ })
		expect(await row.textContent()).toMatch(/USD 18,250\s*sourced/)
		// Create one, then delete it; a destination that scenarios use cannot be deleted.
		await page.getByRole('link', { name: 'New destination' }).click()
		await page.getByRole('heading', { name: 'New destination' }).waitFor()
		await page.getByLabel('City', { exact: true }).fill('Penang')
		await page.getByLabel('Country (two-letter ISO code)').fill('my')
		await page.getByLabel('Back office', { exact: true }).fill('16000')
		await page.getByLabel('Privacy law').fill('Personal Data Protection Act 2010 (Malaysia)')
		await page.getByLabel('Its cross-border rules').fill('As for Kuala Lumpur')
		await page.getByLabel('Source of these figures').fill('Analyst estimate')
		await page.getByLabel('Figures as of').fill('2026-11')
		await page.getByRole('button', { name: 'Create destination' }).click()
		await page.waitForURL(u => u.pathname === '/destinations')
		expect(await page.getByRole('row', { name: /Penang/ }).textContent()).toMatch(/MY.*USD 16,000\s*estimate/)
		await page.getByRole('link', { name: 'Edit Penang' }).click()
		await page.getByRole('heading', { name: 'Penang (MY)' }).waitFor()
		await page.getByRole('button', { name: 'Delete Penang' }).click() // asks first, naming its costs
		expect(await page.getByRole('group', { name: 'Confirm deletion' }).textContent()).toMatch(/Delete Penang and its 1 cost by function\?/)
		await page.getByRole('button', { name: 'Yes, delete' }).click()
		await page.waitForURL(u => u.pathname === '/destinations')
		expect(await page.getByRole('row', { name: /Penang/ }).count()).toBe(0)
		await page.getByRole('link', { name: 'Edit Kuala Lumpur' }).click()
		await page.getByRole('heading', { name: 'Kuala Lumpur (MY)' }).waitFor()
		await page.getByRole('button', { name: 'Delete Kuala Lumpur' }).click()
		await page.getByRole('button', { name: 'Yes, delete' }).click()
		await page
			.getByRole('alert')
			.getByText(/Kuala Lumpur is the destination of \d+ scenario move/)
			.waitFor()
		const log = await db.selectFrom('audit_event').select('action').where('entity', '=', 'destination').orderBy('id').execute()
		expect(log.map(l => l.action)).toEqual(['update', 'create', 'delete'])
		await page.close()
	})

	test('two scenarios side by side, the best of each measure marked', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('executive').email, user('executive').password)
		await page.goto(`${app.url}/scenarios`, { waitUntil: 'networkidle' }) // hydrated: ticks are not reset under us
		const boxes = page.getByRole('checkbox')
		await boxes.nth(0).check()
		await boxes.nth(1).check()
		expect(await boxes.nth(1).isChecked()).toBe(true)
		await page.getByRole('button', { name: 'Compare the ticked scenarios' }).click()
		await page.waitForURL(u => u.pathname === '/scenarios/compare')
		expect(new URL(page.url()).searchParams.getAll('id')).toHaveLength(2)
		await page.locator('table.compare').waitFor()
		expect(await page.locator('table.compare thead th').count()).toBe(3)
		expect(await page.locator('td.best').count()).toBeGreaterThan(0)
		for (const m of ['One-off cost', 'NPV', 'Payback', 'New transfer obligations'])
			expect(await page.getByRole('rowheader', { name: m }).count()).toBe(1)
		await screenshot(page, `${dialect.name}-scenario-compare`)
		const bad = await page.goto(`${app.url}/scenarios/compare?id=1`)
		expect(bad?.status()).toBe(400)
		await page.close()
	})
})
