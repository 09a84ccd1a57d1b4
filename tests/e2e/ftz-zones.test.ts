// The free-trade-zone exemption (2024 Provisions art. 6) end to end, in Chromium on each dialect: a flow of a unit
// not registered in a zone whose negative list is in force cannot be marked "outside the negative list", on the form
// (message beside the field) or in a CSV (line and column); once the unit's zone is set, the same row is accepted.
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!
const FLOW_HEADER =
	'code,unit_code,name,destination_country,destination_entity,pi_individuals,sensitive_pi_individuals,includes_important_data,purpose,collected_in_mainland,outside_ftz_negative_list,is_remote_access,mechanism_in_place,mechanism_since,mechanism_expires_on'
const REFUSAL = /^Outside an FTZ negative list: unit "BU-SZ-LOG" is not registered in a free-trade zone whose negative list is in force/

describe.each(e2eDialects())('$name: the free-trade-zone exemption', dialect => {
	let app: RunningApp
	let browser: Browser
	// Read through the API as the signed-in analyst: how many flows there are, and the logistics unit as stored.
	const api = async (page: Page, path: string) => (await page.context().request.get(`${app.url}${path}`)).json()
	const flows = async (page: Page) => (await api(page, '/api/flows?size=1')).total as number
	const logisticsUnit = async (page: Page) =>
		((await api(page, '/api/units?size=500')).data as Array<{ id: number; code: string; ftzZone: string | null }>).find(
			u => u.code === 'BU-SZ-LOG',
		)!

	beforeAll(async () => {
		browser = await launchBrowser()
		app = await startApp(await dialect.databaseUrl())
	})
	afterAll(async () => {
		await app?.stop()
		await browser?.close()
	})

	test('the form refuses the flag for a unit outside a zone with a list, beside the field, and saves nothing', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const before = await flows(page)
		await page.goto(`${app.url}/inventory/flows/new`)
		await page.getByLabel('Code', { exact: true }).fill('FLW-LOG-FTZ-TRY')
		await page.getByLabel('Business unit').selectOption('BU-SZ-LOG')
		await page.getByLabel('Name', { exact: true }).fill('Consignee data claimed outside the list')
		await page.getByLabel('Destination country').fill('SG')
		await page.getByLabel('Destination entity').fill('Meridian Logistics Asia Pte Ltd')
		await page.getByLabel('Individuals: personal information').fill('150000')
		await page.getByLabel('Individuals: sensitive personal information').fill('0')
		await page.getByLabel('Purpose').selectOption('other')
		await page.getByLabel('Outside an FTZ negative list').selectOption('yes')
		await page.getByLabel('Mechanism in place').selectOption('none')
		await page.getByRole('button', { name: 'Create data flow' }).click()
		await page.getByRole('alert').first().waitFor()
		const field = page.getByLabel('Outside an FTZ negative list')
		expect(await field.getAttribute('aria-invalid')).toBe('true')
		const message = await page.locator(`#${await field.getAttribute('aria-errormessage')}`).textContent()
		expect(message).toMatch(REFUSAL)
		await screenshot(page, `${dialect.name}-ftz-form-refusal`)
		expect(await flows(page)).toBe(before)
		await page.close()
	})

	test('a CSV row with the flag is refused by line and column; after the unit joins a zone it is accepted', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('analyst').email, user('analyst').password)
		const csv = [
			FLOW_HEADER,
			'FLW-LOG-FTZ-OK,BU-SZ-LOG,Freight data,SG,Meridian Logistics Asia Pte Ltd,0,0,no,other,yes,no,no,none,,',
			'FLW-LOG-FTZ-CSV,BU-SZ-LOG,Consignee data claimed outside the list,SG,Meridian Logistics Asia Pte Ltd,150000,0,no,other,yes,yes,no,none,,',
		].join('\n')
		const preview = async () => {
			await page.goto(`${app.url}/inventory/flows/import`)
			await page.getByLabel(/CSV file/).setInputFiles({ name: 'ftz.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
			await page.getByRole('button', { name: 'Check and preview' }).click()
		}
		await preview()
		const alert = page.getByRole('alert')
		await alert.waitFor()
		const rows = await alert.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent)))
		expect(rows).toHaveLength(1)
		expect(rows[0]![0]).toBe('3')
		expect(rows[0]![1]).toBe('11 · outside_ftz_negative_list')
		expect(rows[0]![2]).toMatch(REFUSAL)
		await screenshot(page, `${dialect.name}-ftz-csv-refusal`)

		// The unit's form offers only zones with a list in force; registering it in Tianjin's lets the row through.
		const unit = await logisticsUnit(page)
		expect(unit.ftzZone).toBeNull()
		await page.goto(`${app.url}/inventory/units/${unit.id}`)
		const zone = page.getByLabel('Free-trade zone with a negative list')
		expect(await zone.locator('option').allTextContents()).toEqual(['None', 'Tianjin', 'Beijing', 'Hainan', 'Shanghai'])
		await zone.selectOption('tianjin')
		await page.getByRole('button', { name: 'Save changes' }).click()
		await page.waitForURL(u => !u.pathname.startsWith('/inventory/units/'))
		expect((await logisticsUnit(page)).ftzZone).toBe('tianjin')
		await preview()
		await page.getByRole('heading', { name: /all valid/ }).waitFor()
		await page.close()
	})
})
