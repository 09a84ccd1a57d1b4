// Issue 16 end to end: an analyst opens the register, filters it, marks a duty done (refused without evidence,
// saved with it, refused again from the stale page), downloads the CSV; an executive subscribes to the calendar
// feed, which a calendar library parses back, then revokes it and the address stops answering; the JSON API
// answers in its documented shape.
import ICAL from 'ical.js'
import { parseCsvText } from '#models/csv.ts'
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

	test('individuals processed, edited in the unit form, give the officer duty its due date; a contradiction names the field', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const units = (await (await page.request.get(`${app.url}/api/units?size=500`)).json()).data as Array<{ id: number; code: string }>
		const health = units.find(u => u.code === 'BU-GZ-HEALTH')!
		const officer = async () =>
			(
				(await (await page.request.get(`${app.url}/api/obligations?unit=BU-GZ-HEALTH`)).json()).data as Array<{
					id: string
					dueOn: string | null
				}>
			).find(d => d.id === 'pi_officer:BU-GZ-HEALTH')
		expect(await officer()).toMatchObject({ dueOn: null }) // unknown count: an uncertain duty, never none

		await page.goto(`${app.url}/inventory/units/${health.id}`)
		await page.getByLabel('Individuals whose personal information is processed').fill('900000')
		await page.getByLabel('Day 1,000,000 individuals was reached').fill('2026-11-02')
		await page.getByRole('button', { name: 'Save changes' }).click()
		const reached = page.getByLabel('Day 1,000,000 individuals was reached')
		await page
			.getByText(/must be empty while the individuals processed are fewer than 1,000,000/)
			.first()
			.waitFor()
		expect(await reached.getAttribute('aria-invalid')).toBe('true')

		await page.getByLabel('Individuals whose personal information is processed').fill('1,300,000')
		await page.getByRole('button', { name: 'Save changes' }).click()
		await page.waitForURL(`${app.url}/units/${health.id}`)
		expect(await officer()).toMatchObject({ dueOn: '2026-12-14' }) // 30 working days after 2 November
		const csv = await (await page.request.get(`${app.url}/inventory/units/export?q=BU-GZ-HEALTH`)).text()
		const parsed = parseCsvText(csv, 10)
		if (!parsed.ok) throw new Error('the export does not parse')
		const cells = Object.fromEntries(parsed.header.map((h, i) => [h, parsed.records[0]!.cells[i]]))
		expect(cells).toMatchObject({ pi_individuals_processed: '1300000', pi_officer_threshold_reached_on: '2026-11-02' })
		await page.close()
	})

	test('monthly counts: listed, imported with a preview, refused by line and column through the API, and used by the forecast', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const units = (await (await page.request.get(`${app.url}/api/units?size=500`)).json()).data as Array<{ id: number; code: string }>
		const gz = units.find(u => u.code === 'BU-GZ-RETAIL')!
		const forecast = await (await page.request.get(`${app.url}/api/units/${gz.id}/forecast`)).json()
		expect(forecast.basis.kind).toBe('monthly') // the seeded months of its two counted flows

		await page.goto(`${app.url}/flows/months?unit=BU-GZ-RETAIL`)
		await page.getByRole('heading', { name: 'Monthly counts per flow: BU-GZ-RETAIL' }).waitFor()
		expect(await page.locator('tbody tr').count()).toBe(22)
		await screenshot(page, `${dialect.name}-flow-months`)

		const file =
			'flow_code,month,pi_individuals,sensitive_pi_individuals\nFLW-SSC-PAYABLES,2026-01,1000,0\nFLW-SSC-PAYABLES,2026-02,1100,0\n'
		await page.goto(`${app.url}/flows/months/import`)
		await page.getByLabel(/CSV file/).setInputFiles({ name: 'months.csv', mimeType: 'text/csv', buffer: Buffer.from(file) })
		await page.getByRole('button', { name: 'Check and preview' }).click()
		await page.getByRole('heading', { name: /all valid/ }).waitFor()
		expect(await page.locator('body').textContent()).toContain('2 new, 0 changed, 0 unchanged')
		await page.getByRole('button', { name: 'Import 2 changes' }).click()
		await page.getByRole('heading', { name: /Imported months\.csv/ }).waitFor()
		const listed = await (await page.request.get(`${app.url}/api/flow-months?flow=FLW-SSC-PAYABLES`)).json()
		expect(listed.total).toBe(2)
		expect(listed.data[1]).toEqual({
			flowCode: 'FLW-SSC-PAYABLES',
			unitCode: 'BU-DL-SSC',
			month: '2026-02',
			personalInfoIndividuals: 1100,
			sensitivePersonalInfoIndividuals: 0,
		})

		const cookie = (await page.context().cookies()).map(c => `${c.name}=${c.value}`).join('; ')
		const post = (body: string) =>
			fetch(`${app.url}/api/flow-months`, {
				method: 'POST',
				body: new URLSearchParams({ csv: body }),
				headers: { Origin: app.url, Cookie: cookie },
			})
		const bad = await post('flow_code,month,pi_individuals,sensitive_pi_individuals\nFLW-SSC-PAYABLES,2026-03,lots,0\n')
		expect(bad.status).toBe(400)
		expect((await bad.json()).errors[0]).toMatchObject({ line: 2, column: 'pi_individuals' })
		const good = await post('flow_code,month,pi_individuals,sensitive_pi_individuals\nFLW-SSC-PAYABLES,2026-02,1200,0\n')
		expect(await good.json()).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
		const exported = await (await page.request.get(`${app.url}/flows/months/export?flow=FLW-SSC-PAYABLES`)).text()
		expect(
			exported
				.replace(/^\uFEFF/, '')
				.trim()
				.split('\r\n'),
		).toEqual([
			'flow_code,month,pi_individuals,sensitive_pi_individuals',
			'FLW-SSC-PAYABLES,2026-01,1000,0',
			'FLW-SSC-PAYABLES,2026-02,1200,0',
		])

		await page.goto(`${app.url}/flows/months?flow=FLW-SSC-PAYABLES`)
		await page.getByRole('button', { name: 'Remove 2026-01…' }).click()
		await page.getByRole('button', { name: 'Yes, delete' }).click()
		await page.getByRole('cell', { name: '2026-01', exact: true }).waitFor({ state: 'detached' })
		expect(await page.locator('tbody tr').count()).toBe(1)
		const executive = await browser.newPage()
		await signIn(executive, app.url, user('executive').email, user('executive').password)
		await executive.goto(`${app.url}/flows/months`)
		expect(await executive.getByRole('button', { name: /^Remove/ }).count()).toBe(0)
		await page.close()
		await executive.close()
	})
})
