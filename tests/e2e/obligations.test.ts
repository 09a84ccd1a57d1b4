// Issue 16 end to end: an analyst opens the register, filters it, marks a duty done (refused without evidence,
// saved with it, refused again from the stale page), downloads the CSV; an executive subscribes to the calendar
// feed, which a calendar library parses back, then revokes it and the address stops answering; the JSON API
// answers in its documented shape.
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!

describe.each(e2eDialects())('$name: obligations register, feed and API', dialect => {
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

	test('an analyst filters the register and records a duty as done, with evidence', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		await page.goto(`${app.url}/obligations?overdue=1`)
		await page.getByRole('heading', { name: 'Obligations register' }).waitFor()
		const rows = page.locator('table.obligations tbody tr')
		expect(await rows.count()).toBeGreaterThan(0)
		expect(await page.locator('table.obligations tbody tr:not(.row-overdue)').count()).toBe(0)
		await screenshot(page, `${dialect.name}-obligations`)

		const first = rows.first()
		const dutyText = (await first.locator('td').nth(1).textContent()) ?? ''
		await first.getByText('Change status').click()
		await first.getByLabel('Status').selectOption('done')
		await first.getByRole('button', { name: 'Save status' }).click()
		await first.getByText('Give the evidence reference').waitFor()
		expect(await first.getByLabel('Evidence reference (for done)').getAttribute('aria-invalid')).toBe('true')

		await first.getByLabel('Owner').fill('Li Wei')
		await first.getByLabel('Evidence reference (for done)').fill('TICKET-1616')
		await first.getByLabel('Done on').fill('2026-11-20')
		await first.getByRole('button', { name: 'Save status' }).click()
		await page.getByRole('status').filter({ hasText: 'Status saved.' }).waitFor()
		await page.goto(`${app.url}/obligations?owner=Li+Wei`)
		const mine = page.locator('table.obligations tbody tr')
		expect(await mine.count()).toBe(1)
		expect(await mine.first().textContent()).toContain('TICKET-1616')
		expect(await mine.first().textContent()).toContain(dutyText.slice(0, 30))

		// The same form from before the change carries the old version: the server refuses it.
		const res = await page.request.post(`${app.url}/obligations?index`, {
			form: {
				intent: 'status',
				dutyKey: await mine.first().locator('input[name=dutyKey]').inputValue(),
				unitId: await mine.first().locator('input[name=unitId]').inputValue(),
				status: 'open',
				expectedVersion: '0',
			},
			headers: { Origin: app.url },
		})
		expect(res.status()).toBe(409)

		const csv = await page.request.get(`${app.url}/obligations.csv?owner=Li+Wei`)
		expect(csv.headers()['content-type']).toContain('text/csv')
		const lines = (await csv.text()).trim().split(/\r?\n/)
		expect(lines[0]).toMatch(/^unit_code,unit_name,subject,law,article,duty/)
		expect(lines).toHaveLength(2)
	})

	test('an executive reads but cannot change a status', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('executive').email, user('executive').password)
		await page.goto(`${app.url}/obligations`)
		await page.getByRole('heading', { name: 'Obligations register' }).waitFor()
		expect(await page.getByText('Change status').count()).toBe(0)
	})

	test('the calendar feed parses as iCalendar and stops answering once revoked', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('executive').email, user('executive').password)
		await page.goto(`${app.url}/obligations/calendar`)
		await page.getByRole('button', { name: 'Create my feed link' }).click()
		const feedUrl = await page.getByLabel('Your feed link (shown once; copy it now)').inputValue()
		expect(feedUrl).toMatch(/\/obligations\.ics\?token=[A-Za-z0-9_-]{40,}$/)
		await screenshot(page, `${dialect.name}-calendar-feed`)

		const anonymous = await fetch(feedUrl) // a calendar client: no cookie
		expect(anonymous.status).toBe(200)
		expect(anonymous.headers.get('content-type')).toContain('text/calendar')
		const vcalendar = new ICAL.Component(ICAL.parse(await anonymous.text()))
		const events = vcalendar.getAllSubcomponents('vevent').map(e => new ICAL.Event(e))
		expect(events.length).toBeGreaterThan(5)
		const renewal = events.find(e => /extension of the security assessment/.test(e.summary))
		expect(renewal?.startDate.isDate).toBe(true) // all-day
		expect(new Set(events.map(e => e.uid)).size).toBe(events.length) // stable, distinct UIDs

		await page.getByRole('button', { name: 'Revoke my feed link' }).click()
		await page.getByText('Your feed link is revoked').waitFor()
		expect((await fetch(feedUrl)).status).toBe(404)
		expect((await fetch(`${app.url}/obligations.ics`)).status).toBe(404)
	})

	test('the API answers the register and a unit forecast in their documented shapes', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const list = await (await page.request.get(`${app.url}/api/obligations?within=90&status=open`)).json()
		expect(list.total).toBe(list.data.length)
		expect(Object.keys(list.data[0]).sort()).toEqual(['article', 'dueOn', 'duty', 'id', 'law', 'source', 'status', 'unitCode'])
		expect(list.data[0].source).toMatchObject({ verified: expect.any(Boolean), url: expect.any(String) })
		const bad = await page.request.get(`${app.url}/api/obligations?within=soon`)
		expect(bad.status()).toBe(400)
		expect((await bad.json()).fieldErrors.within).toBeDefined()
		const forecast = await (await page.request.get(`${app.url}/api/units/1/forecast`)).json()
		expect(Array.isArray(forecast.crossings)).toBe(true)
		for (const c of forecast.crossings)
			expect(Object.keys(c)).toEqual(expect.arrayContaining(['threshold', 'mechanism', 'forecastOn', 'leadTimeDays', 'startBy']))
		expect((await page.request.get(`${app.url}/api/units/999999/forecast`)).status()).toBe(404)
	})
})
