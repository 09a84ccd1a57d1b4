// Issue 4 end to end, in Chromium on each dialect: the heatmap and its drill-down, the permission
// map on the inventory, field-level validation, CSV round trips, bad and good imports, the JSON API.
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type Page } from 'playwright-core'
import { DIMENSION_SHORT } from '#app/utils/labels.ts'
import { DIMENSIONS } from '#models/exposure/types.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

/** The heatmap's link for a unit (its row header) and a column (its header's visible text: Overall or a dimension). */
function heatCell(page: Page, unit: string, column: string) {
	const columns = ['Overall', ...DIMENSIONS.map(d => DIMENSION_SHORT[d])]
	const row = page.locator('table.heatmap tbody tr').filter({ has: page.getByRole('rowheader', { name: unit }) })
	return row.locator('td').nth(columns.indexOf(column)).getByRole('link')
}

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!
const SYSTEM_HEADER =
	'code,unit_code,name,mlps_level,graded_on,filed_on,last_assessed_on,technologies,holds_personal_data,holds_important_data,holds_source_code'

describe.each(e2eDialects())('$name: overview and inventory in Chromium', dialect => {
	let app: RunningApp
	let browser: Browser
	let db: Kysely<Database>
	let closeDb: () => Promise<void>
	const count = async (table: 'business_unit' | 'info_system' | 'audit_event') =>
		Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		browser = await launchBrowser()
		const client = createDb(app.databaseUrl)
		db = client.db
		closeDb = () => client.db.destroy()
	})
	afterAll(async () => {
		await closeDb?.()
		await browser?.close()
		await app?.stop()
	})

	test('the heatmap shows every unit, and a cell opens the unit at that dimension with findings and articles', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('executive').email, user('executive').password)
		const consoleErrors: string[] = []
		page.on('console', m => m.type() === 'error' && consoleErrors.push(m.text()))
		await page.goto(`${app.url}/`, { waitUntil: 'networkidle' }) // hydrated, the chart's own chunk included
		await expect(page.locator('table.heatmap tbody tr').count()).resolves.toBe(17)
		// The Sankey (recharts, loaded lazily) is drawn, and answers the pointer: its tooltip needs it hydrated.
		const sankey = page.locator('figure.sankey svg.recharts-surface')
		await expect(sankey.count()).resolves.toBe(1)
		await sankey.locator('.recharts-sankey-nodes rect').first().hover()
		await expect.poll(() => page.locator('figure.sankey .recharts-tooltip-wrapper').textContent()).toMatch(/individuals/)
		expect(consoleErrors).toEqual([]) // React's hydration errors (#418, #423) are page errors: launchBrowser fails on those
		await screenshot(page, `${dialect.name}-overview`)
		// A cell's link is named by its visible band and score; its row and column headers say which unit and dimension.
		const cell = heatCell(page, 'Meridian Payments (China)', 'Cross-border')
		await expect(cell.textContent()).resolves.toMatch(/^(Low|Medium|High|Critical) \d+/)
		await cell.click()
		await page.waitForURL(u => /^\/units\/\d+$/.test(u.pathname) && u.hash === '#cross_border')
		const section = page.locator('section#cross_border')
		await section.waitFor()
		const text = (await section.textContent()) ?? ''
		expect(text).toMatch(/Art\. \d+/)
		expect(text).toMatch(/PIPL|CAC Provisions/)
		await screenshot(page, `${dialect.name}-unit-cross-border`)
		await page.close()
	})

	test('an executive sees no edit controls; a direct POST from an executive or a board member is refused and writes nothing', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('executive').email, user('executive').password)
		await page.goto(`${app.url}/units`)
		await expect(page.getByRole('link', { name: 'Export CSV' }).isVisible()).resolves.toBe(true)
		for (const name of ['Import CSV', 'New business unit', 'Edit'])
			await expect(page.getByRole('link', { name, exact: true }).count()).resolves.toBe(0)
		const before = await count('business_unit')
		const form = {
			code: 'BU-X',
			name: 'X',
			segment: 'services',
			legal_entity_type: 'wfoe',
			city: 'Shanghai',
			sector: 'retail',
			china_revenue_rmb: '1',
			prior_year_global_turnover_rmb: '1',
		}
		const asExecutive = await page
			.context()
			.request.post(`${app.url}/inventory/units/new`, { form, headers: { Origin: app.url }, maxRedirects: 0 })
		expect(asExecutive.status()).toBe(403)
		await signIn(page, app.url, user('board').email, user('board').password)
		const asBoard = await page
			.context()
			.request.post(`${app.url}/inventory/units/new`, { form, headers: { Origin: app.url }, maxRedirects: 0 })
		expect(asBoard.status()).toBe(403)
		expect(await asBoard.text()).toContain('does not allow')
		await page.goto(`${app.url}/units`)
		await expect(page.getByRole('link', { name: 'Export CSV' }).count()).resolves.toBe(0)
		expect(await count('business_unit')).toBe(before)
		await page.close()
	})

	test('a form with bad values keeps what was typed and shows each message beside its field', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		await page.goto(`${app.url}/inventory/systems/new`)
		const before = await count('info_system')
		await page.getByLabel('Code', { exact: true }).fill('bad code!')
		await page.getByLabel('Graded on').fill('2026-01-01')
		await page.getByRole('button', { name: 'Create system' }).click()
		await page.getByRole('alert').waitFor()
		const code = page.getByLabel('Code', { exact: true })
		expect(await code.getAttribute('aria-invalid')).toBe('true')
		expect(await code.inputValue()).toBe('bad code!')
		const message = await page.locator(`#${await code.getAttribute('aria-errormessage')}`).textContent()
		expect(message).toContain('may contain letters, digits')
		expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true')
		await screenshot(page, `${dialect.name}-system-form-errors`)
		expect(await count('info_system')).toBe(before)
		await page.close()
	})

	test('the export of a filtered view has the view’s rows and re-imports with nothing to change', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const res = await page.context().request.get(`${app.url}/inventory/systems/export?level=3&sort=name.desc`)
		expect(res.status()).toBe(200)
		expect(res.headers()['content-type']).toContain('text/csv')
		const csv = await res.text()
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r\n/)
		// The export writes every column (the computed mlps_overdue last, which import ignores); files with the columns
		// before the export catalogue fields still import.
		expect(lines[0]).toBe(`${SYSTEM_HEADER},tech_export_category,tech_export_item,mlps_overdue`)
		const api = await (await page.context().request.get(`${app.url}/api/systems?level=3&size=500`)).json()
		expect(lines.length - 1).toBe(api.total)
		expect(api.total).toBeGreaterThan(3)
		for (const line of lines.slice(1)) expect(line.split(',')[3]).toBe('3')

		await page.goto(`${app.url}/inventory/systems/import`)
		await page.getByLabel(/CSV file/).setInputFiles({ name: 'systems-level-3.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
		await page.getByRole('button', { name: 'Check and preview' }).click()
		await page.getByRole('heading', { name: /all valid/ }).waitFor()
		expect(await page.locator('body').textContent()).toContain(`0 new, 0 changed, ${api.total} unchanged`)
		await page.close()
	})

	test('destinations: the export re-imports unchanged, and a bad row is refused by line and column', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const csv = await (await page.context().request.get(`${app.url}/destinations/export`)).text()
		expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^city,country,in_mainland_china,hiring_lead_time_months,/)
		await page.goto(`${app.url}/destinations/import`)
		await page.getByLabel(/CSV file/).setInputFiles({ name: 'destinations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
		await page.getByRole('button', { name: 'Check and preview' }).click()
		await page.getByRole('heading', { name: /all valid/ }).waitFor()
		expect(await page.locator('body').textContent()).toMatch(/0 new, 0 changed, 14 unchanged/)
		const bad = csv.replace(/\r\nKuala Lumpur,MY,no,4,/, '\r\nKuala Lumpur,Malaysia,no,4,')
		await page.goto(`${app.url}/destinations/import`)
		await page.getByLabel(/CSV file/).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
		await page.getByRole('button', { name: 'Check and preview' }).click()
		const alert = page.getByRole('alert')
		await alert.waitFor()
		expect(await alert.textContent()).toMatch(/2 · country.*two-letter ISO code/)
		await page.close()
	})

	test('a CSV with bad lines is refused with line, column and reason, and nothing is written', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const [systems, audits] = [await count('info_system'), await count('audit_event')]
		const csv = [
			SYSTEM_HEADER,
			'SYS-NEW-1,BU-BJ-REP,Visitor register,2,2026-01-10,,,,yes,no,no',
			'SYS-NEW-2,BU-BJ-REP,Contract archive,seven,,,,,yes,no,no',
			'SYS-NEW-3,BU-NOPE,Ghost system,1,,,,,no,no,no',
			'SYS-NEW-4,BU-BJ-REP,"=HYPERLINK(""http://x"")",1,2026-02-30,,,,maybe,no,no',
		].join('\n')
		await page.goto(`${app.url}/inventory/systems/import`)
		await page.getByLabel(/CSV file/).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
		await page.getByRole('button', { name: 'Check and preview' }).click()
		const alert = page.getByRole('alert')
		await alert.waitFor()
		expect(await alert.getByRole('heading').textContent()).toMatch(/4 problems in bad\.csv: nothing was imported/)
		const rows = await alert.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent)))
		expect(rows).toEqual([
			['3', '4 · mlps_level', 'MLPS level must be 1 to 5, or empty when not yet graded, not "seven"'],
			['4', '2 · unit_code', 'no business unit has code "BU-NOPE"'],
			['5', '5 · graded_on', 'Graded on must be a date written YYYY-MM-DD, not "2026-02-30"'],
			['5', '9 · holds_personal_data', 'Holds personal data must be yes or no, not "maybe"'],
		])
		await expect(page.getByRole('button', { name: /^Import/ }).count()).resolves.toBe(0)
		await screenshot(page, `${dialect.name}-import-errors`)
		expect(await count('info_system')).toBe(systems)
		expect(await count('audit_event')).toBe(audits)
		await page.close()
	})

	test('a good CSV lands whole, is in the audit log, and changes the heatmap', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const cell = heatCell(page, 'Meridian Holdings Beijing Representative Office', 'MLPS')
		await page.goto(`${app.url}/`)
		const before = await cell.textContent()
		const systems = await count('info_system')
		const csv = [
			SYSTEM_HEADER,
			'SYS-BJREP-CRM,BU-BJ-REP,Client relationship database,3,2025-06-01,,,cloud,yes,yes,no',
			'SYS-BJREP-VISIT,BU-BJ-REP,"Visitor register, Beijing",2,2025-06-01,,,,yes,no,no',
		].join('\r\n')
		await page.goto(`${app.url}/inventory/systems/import`)
		await page.getByLabel(/CSV file/).setInputFiles({ name: 'new-systems.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
		await page.getByRole('button', { name: 'Check and preview' }).click()
		await page.getByRole('heading', { name: /new-systems\.csv: 2 rows, all valid/ }).waitFor()
		await page.getByRole('button', { name: 'Import 2 changes' }).click()
		await page.getByRole('status').getByText('2 added, 0 updated, 0 unchanged').waitFor()
		await screenshot(page, `${dialect.name}-import-done`)
		expect(await count('info_system')).toBe(systems + 2)
		const audit = await db
			.selectFrom('audit_event')
			.select(['action', 'entity', 'entity_id', 'actor_email'])
			.where('entity', '=', 'info_system')
			.execute()
		expect(audit.filter(a => a.action === 'create')).toHaveLength(2)
		expect(audit.filter(a => a.action === 'import')).toHaveLength(1)
		expect(audit.every(a => a.actor_email === user('analyst').email)).toBe(true)

		await page.goto(`${app.url}/`)
		const after = await cell.textContent()
		expect(after).not.toBe(before)
		expect(Number(/(\d+)$/.exec(after!)![1])).toBeGreaterThan(Number(/(\d+)$/.exec(before!)![1]))
		await page.close()
	})

	test('the JSON API answers 401 without a session, data with one, and 400 with a reason for bad parameters', async () => {
		const anonymous = await fetch(`${app.url}/api/units`)
		expect(anonymous.status).toBe(401)
		expect((await anonymous.json()).error).toMatch(/Sign in/)

		const page = await browser.newPage()
		await signIn(page, app.url, user('executive').email, user('executive').password)
		const request = page.context().request
		const units = await (await request.get(`${app.url}/api/units?city=Shanghai&sort=name.asc`)).json()
		expect(units.data.every((u: { city: string }) => u.city === 'Shanghai')).toBe(true)
		expect(units.total).toBe(units.data.length)
		for (const path of ['/api/flows', '/api/staffing', '/api/systems', '/api/destinations']) {
			const res = await request.get(`${app.url}${path}`)
			expect(res.status(), path).toBe(200)
			expect((await res.json()).data.length, path).toBeGreaterThan(0)
		}
		const bad = await request.get(`${app.url}/api/flows?sort=secret_column&page=zero`)
		expect(bad.status()).toBe(400)
		const body = await bad.json()
		expect(body.error).toContain('sort: unknown sort column "secret_column"')
		expect(body.error).toContain('page must be a whole number')
		expect((await request.get(`${app.url}/api/units/abc/exposure`)).status()).toBe(400)
		expect((await request.get(`${app.url}/api/units/999999/exposure`)).status()).toBe(404)

		const payments = units.data.find((u: { code: string }) => u.code === 'BU-SH-PAY')
		const exposure = await (await request.get(`${app.url}/api/units/${payments.id}/exposure`)).json()
		const findings = exposure.exposure.dimensions.cross_border.findings
		expect(findings.length).toBeGreaterThan(0)
		expect(findings[0].articles[0].article).toMatch(/Art\./)
		await page.close()
	})
})
