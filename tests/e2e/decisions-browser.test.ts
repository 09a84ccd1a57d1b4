// Issue 15 in Chromium: a stale save gets 409 and keeps what was typed; an expired session's edits come back after
// signing in again, ready to save; an approved scenario's record survives an inventory edit, and the board sees the
// frozen figures with what changed and the live ones beside them.
import { type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type Browser, demoCode, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!

describe.each(e2eDialects())('$name: decisions that hold, in Chromium', dialect => {
	let app: RunningApp
	let browser: Browser
	let db: Kysely<Database>
	let scenarioUrl = ''

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		browser = await launchBrowser()
		db = createDb(app.databaseUrl).db
		const { id } = await db
			.selectFrom('scenario')
			.select('id')
			.where('name', '=', 'Shanghai client data operations to Manila')
			.executeTakeFirstOrThrow()
		scenarioUrl = `${app.url}/scenarios/${id}`
	})
	afterAll(async () => {
		await db?.destroy()
		await browser?.close()
		await app?.stop()
	})

	test('a stale save answers 409 and keeps what was typed', async () => {
		const first = await browser.newPage()
		await signIn(first, app.url, user('analyst').email, user('analyst').password)
		await first.goto(scenarioUrl, { waitUntil: 'networkidle' })
		const second = await browser.newPage() // the same analyst in a second tab, opened before the first one saves
		await second.goto(scenarioUrl, { waitUntil: 'networkidle' })
		await first.getByLabel('Description').fill('Saved from the first tab')
		await first.getByRole('button', { name: 'Save changes' }).click()
		await first.getByRole('status').getByText('Saved.').waitFor()
		await second.getByLabel('Description').fill('Typed in the second tab')
		const answer = second.waitForResponse(r => r.request().method() === 'POST')
		await second.getByRole('button', { name: 'Save changes' }).click()
		expect((await answer).status()).toBe(409)
		await second.getByRole('alert').waitFor()
		expect(await second.getByRole('alert').textContent()).toMatch(
			/changed since you opened it \(you had version 1; it is now version 2, draft\)/,
		)
		expect(await second.getByLabel('Description').inputValue()).toBe('Typed in the second tab')
		await screenshot(second, `${dialect.name}-scenario-stale-save`)
		expect(
			(
				await db
					.selectFrom('scenario')
					.select('description')
					.where('name', '=', 'Shanghai client data operations to Manila')
					.executeTakeFirstOrThrow()
			).description,
		).toBe('Saved from the first tab')
		// Leaving with unsaved edits asks first; dismissing keeps the page.
		second.once('dialog', d => void d.dismiss())
		await second.getByRole('link', { name: '← Scenarios' }).click()
		await new Promise(r => setTimeout(r, 300))
		expect(new URL(second.url()).pathname).toBe(new URL(scenarioUrl).pathname)
		await first.close()
		await second.close({ runBeforeUnload: false })
	}, 120_000)

	test('an expired session: the save goes to sign-in, and the edits come back, ready to save', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		await page.goto(scenarioUrl, { waitUntil: 'networkidle' })
		await page.getByLabel('Name').fill('Shanghai client data operations to Manila, revised')
		await page.getByLabel('Description').fill('Written while the session ran out')
		await db.deleteFrom('app_session').execute() // every session ends, as after the idle timeout
		await page.getByRole('button', { name: 'Save changes' }).click()
		await page.waitForURL(u => u.pathname === '/login')
		await page.getByLabel('Email').fill(user('analyst').email)
		await page.getByLabel('Password').fill(user('analyst').password)
		await page.getByRole('button', { name: 'Sign in' }).click()
		await page.getByLabel('Authentication code').fill(await demoCode(user('analyst').email, app.url))
		await page.getByRole('button', { name: 'Verify' }).click()
		await page.waitForURL(u => u.pathname === new URL(scenarioUrl).pathname)
		await page.getByText('Your unsaved edits from').waitFor()
		expect(await page.getByLabel('Name').inputValue()).toBe('Shanghai client data operations to Manila, revised')
		expect(await page.getByLabel('Description').inputValue()).toBe('Written while the session ran out')
		await screenshot(page, `${dialect.name}-scenario-edits-back`)
		await page.getByRole('button', { name: 'Save changes' }).click()
		await page.getByRole('status').getByText('Saved.').waitFor()
		const saved = await db
			.selectFrom('scenario')
			.select(['name', 'description'])
			.where('name', 'like', '%Manila, revised')
			.executeTakeFirstOrThrow()
		expect(saved.description).toBe('Written while the session ran out')
		await page.close()
	}, 120_000)

	test('an approved scenario’s record survives an inventory edit; the board sees what changed and the live figures beside', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		await page.goto(scenarioUrl, { waitUntil: 'networkidle' })
		await page.getByRole('button', { name: 'Propose for decision' }).click()
		await page.locator('.status-proposed').waitFor()
		await signIn(page, app.url, user('executive').email, user('executive').password)
		await page.goto(scenarioUrl, { waitUntil: 'networkidle' })
		await page.getByLabel('Comment (required to reject)').fill('Approved; start with the standard contract filing.')
		await page.getByRole('button', { name: 'Approve' }).click()
		await page.locator('.status-approved').waitFor()
		await page.getByRole('heading', { name: /Approved figures, frozen/ }).waitFor()
		const people = async () =>
			page.locator('section', { has: page.getByRole('heading', { name: /Approved figures, frozen/ }) }).textContent()
		expect(await people()).toContain('Nothing the scenario reads has changed')

		// The staffing line the scenario moves is cut from 150 people to 148 in the inventory.
		const id = Number(new URL(scenarioUrl).pathname.split('/').pop())
		const move = await db
			.selectFrom('scenario_move')
			.innerJoin('staffing_line', 'staffing_line.id', 'scenario_move.staffing_line_id')
			.select(['staffing_line.id', 'staffing_line.code', 'staffing_line.headcount'])
			.where('scenario_id', '=', id)
			.executeTakeFirstOrThrow()
		await db.updateTable('staffing_line').set({ headcount: 2 }).where('id', '=', move.id).execute()
		await db
			.updateTable('inventory_version')
			.set(eb => ({ version: eb('version', '+', 1) }))
			.where('id', '=', 1)
			.execute()

		await signIn(page, app.url, user('board').email, user('board').password)
		await page.goto(scenarioUrl, { waitUntil: 'networkidle' })
		const record = page.locator('section', { has: page.getByRole('heading', { name: /Approved figures, frozen/ }) })
		await record.getByText('The live inventory has changed since.').waitFor()
		expect(await record.textContent()).toContain(`Staffing line ${move.code}`)
		expect(await record.textContent()).toContain(`headcount ${move.headcount.toLocaleString('en-GB')} → 2`)
		const row = record.getByRole('row', { name: /People moved or cut/ })
		const [frozen, live] = await row.locator('td').allTextContents()
		expect(frozen).not.toBe(live)
		expect(await record.textContent()).toContain('Record intact')
		await screenshot(page, `${dialect.name}-scenario-frozen-board`)
		await page.setViewportSize({ width: 390, height: 844 })
		await screenshot(page, `${dialect.name}-scenario-frozen-board-390`)
		await page.setViewportSize({ width: 1440, height: 900 })
		await page.close()
	}, 120_000)
})
