// Issue 15 in Chromium: typing right after hydration is no React error (#421); a stale save gets 409 and keeps what was typed; an expired session's edits come back after
// signing in again, ready to save; an approved scenario's record survives an inventory edit, and the board sees the
// frozen figures with what changed and the live ones beside them, in the board pack's executive summary too; archiving
// a unit with history asks first, and one click restores it.
import { type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { formatInt, formatUsd } from '#app/utils/format.ts'
import { createDb } from '#db/client.server.ts'
import { freezeSnapshot, readSnapshot } from '#db/repositories/snapshots.ts'
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

	test('typing in the editor right after hydration, before the chart code arrives, is no React error; the charts follow', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const errors: string[] = []
		page.on('pageerror', e => errors.push(String(e)))
		// The charts' chunk arrives late, so their boundaries are still waiting to hydrate while the analyst types
		// (React #421 before: an urgent update of such a boundary made it give up hydrating).
		await page.route(/\/build\/_shared\/scenario-[A-Z0-9]+\.js$/, async route => {
			await new Promise(r => setTimeout(r, 2_000))
			await route.continue()
		})
		await page.goto(scenarioUrl, { waitUntil: 'domcontentloaded' })
		await page.waitForFunction(() => '__remixRouter' in window)
		for (let i = 0; i < 10; i++) await page.getByLabel('Description').pressSequentially('x', { delay: 0 })
		await page.locator('figure.chart svg').first().waitFor()
		await new Promise(r => setTimeout(r, 2_500)) // the chunk has arrived and every boundary has hydrated
		expect(errors).toEqual([])
		expect(await page.getByLabel('Description').inputValue()).toContain('x'.repeat(10))
		expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0)
		await page.close({ runBeforeUnload: false })
	}, 120_000)

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

	test('the board pack’s executive summary shows the decision’s frozen figures after the inventory edit, and what falls due from the register', async () => {
		// The quarter holding the approval above is frozen (at the start of the next one), after the inventory edit.
		const frozen = await freezeSnapshot(db, { quarter: '2026-Q4', frozenBy: null, now: new Date('2027-01-05T09:00:00Z') })
		const snapshot = (await readSnapshot(db, frozen.quarter))!
		const id = Number(new URL(scenarioUrl).pathname.split('/').pop())
		const { name } = await db.selectFrom('scenario').select('name').where('id', '=', id).executeTakeFirstOrThrow() // renamed above
		const figures = snapshot.decisions.find(d => d.scenario === name)!.figures!
		const record = await db
			.selectFrom('scenario_record')
			.select('content_hash')
			.where('scenario_id', '=', id)
			.where('event', '=', 'approved')
			.executeTakeFirstOrThrow()
		expect(figures.recordHash).toBe(record.content_hash)
		const asDecided = `As decided: ${formatInt(figures.headcount)} people; one-off ${formatUsd(figures.oneOffUsd)}, saving ${formatUsd(figures.annualSavingUsd)} a year, NPV ${formatUsd(figures.npvUsd)}, payback ${figures.paybackLabel ?? 'never'}`
		expect(figures.headcount).toBeGreaterThan(2) // the figures are the approval's, not the edited line's 2 people

		const page = await browser.newPage()
		await signIn(page, app.url, user('board').email, user('board').password)
		await page.goto(`${app.url}/snapshots/${frozen.quarter}/pack`, { waitUntil: 'networkidle' })
		const summary = page.locator('#executive-summary')
		const decisions = summary.locator('h3:has-text("Decisions taken") + ul')
		const text = (await decisions.textContent())!.replace(/\s+/g, ' ')
		expect(text).toContain(name)
		expect(text).toContain(asDecided)
		expect(text).toContain(user('executive').name)
		expect(text).toContain('Approved; start with the standard contract filing.')
		expect(text).toContain(figures.recordHash.slice(0, 12))

		// What falls due next quarter is the obligations register as frozen with the quarter, soonest first.
		const due = snapshot.obligations!.duties.filter(
			d => d.status === 'open' && d.dueOn !== null && (d.overdue || (d.dueOn >= '2027-01-01' && d.dueOn <= '2027-03-31')),
		)
		expect(due.length).toBeGreaterThan(0)
		const soonest = [...due].sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.unitCode.localeCompare(b.unitCode))[0]!
		const falling = (await summary.locator('h3:has-text("Falling due in 2027-Q1") + ul').textContent())!
		expect(falling).toContain(
			`${soonest.unitName}, ${soonest.duty.charAt(0).toLowerCase()}${soonest.duty.slice(1)} (${soonest.law} ${soonest.article}`,
		)
		await screenshot(page, `${dialect.name}-pack-executive-summary`)

		// The PDF the board downloads says the same.
		const pdf = await page.context().request.get(`${app.url}/snapshots/${frozen.quarter}/pack.pdf`)
		expect(pdf.status()).toBe(200)
		const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true })
		expect((pages as string).replace(/\s+/g, ' ')).toContain(`As decided: ${formatInt(figures.headcount)} people`)
		await page.close()
	}, 120_000)

	test('archiving a unit with history asks first, naming what goes with it; the archive lists it and one click restores it', async () => {
		const unit = await db.selectFrom('business_unit').select(['id', 'code']).where('code', '=', 'BU-BJ-REP').executeTakeFirstOrThrow()
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		await page.goto(`${app.url}/inventory/units/${unit.id}`)
		await page.getByRole('heading', { name: 'Archive', exact: true }).waitFor()
		expect(await page.getByRole('button', { name: /^Delete/ }).count()).toBe(0)
		await page.getByRole('button', { name: 'Archive business unit…' }).click()
		const question = page.getByRole('group', { name: 'Confirm: Archive business unit' })
		expect(await question.textContent()).toMatch(
			new RegExp(
				`Archive business unit ${unit.code} and its \\d+ systems?, \\d+ flows?, \\d+ staffing lines? \\(.*\\)\\? It can be restored\\.`,
			),
		)
		await screenshot(page, `${dialect.name}-unit-archive-ask`)
		await question.getByRole('button', { name: 'Yes, archive' }).click()
		await page.waitForURL(u => u.pathname === '/units/archived')
		const row = page.getByRole('row', { name: new RegExp(unit.code) })
		expect(await row.textContent()).toContain(user('analyst').email)
		await screenshot(page, `${dialect.name}-units-archived`)
		await page.goto(`${app.url}/units?q=${unit.code}`)
		await page.getByText('No business units match').waitFor()
		await page.goto(`${app.url}/units/archived`)
		await page.getByRole('button', { name: `Restore ${unit.code}` }).click()
		await page.waitForURL(u => u.pathname === `/units/${unit.id}`)
		expect(await page.getByText('Archived', { exact: true }).count()).toBe(0)
		await page.goto(`${app.url}/units?q=${unit.code}`)
		await page.getByRole('link', { name: 'Meridian Holdings Beijing Representative Office' }).first().waitFor()
		await page.close()
	}, 120_000)
})
