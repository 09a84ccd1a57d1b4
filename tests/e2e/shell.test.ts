import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type Browser, e2eDialects, launchBrowser, type RunningApp, screenshot, signIn, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!

// What each role's navigation shows, per the permission map.
const NAV: Record<string, string[]> = {
	admin: [
		'Overview',
		'Obligations',
		'Business units',
		'Systems',
		'Data flows',
		'Staffing',
		'Destinations',
		'Scenarios',
		'Snapshots',
		'Admin',
	],
	analyst: ['Overview', 'Obligations', 'Business units', 'Systems', 'Data flows', 'Staffing', 'Destinations', 'Scenarios', 'Snapshots'],
	executive: ['Overview', 'Obligations', 'Business units', 'Systems', 'Data flows', 'Staffing', 'Destinations', 'Scenarios', 'Snapshots'],
	board: ['Scenarios', 'Snapshots'],
}

describe.each(e2eDialects())('$name: the app shell in Chromium', dialect => {
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

	test('an anonymous visitor is sent to the login page', async () => {
		const page = await browser.newPage()
		await page.goto(`${app.url}/units`)
		expect(new URL(page.url()).pathname).toBe('/login')
		await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true)
		await screenshot(page, `${dialect.name}-login`)
		await page.close()
	})

	test('a wrong password gets a generic message and no session', async () => {
		const page = await browser.newPage()
		await page.goto(`${app.url}/login`)
		await page.getByLabel('Email').fill(user('admin').email)
		await page.getByLabel('Password').fill('not-the-password')
		await page.getByRole('button', { name: 'Sign in' }).click()
		await page.getByRole('alert').waitFor()
		expect(await page.getByRole('alert').textContent()).toContain('do not match an active account')
		await page.close()
	})

	test.each(Object.keys(NAV))('%s signs in and sees the shell with their navigation', async role => {
		const page = await browser.newPage()
		await signIn(page, app.url, user(role).email, user(role).password)
		const nav = page.getByRole('navigation', { name: 'Main' })
		const links = await nav.getByRole('link').allTextContents()
		expect(links).toEqual(NAV[role])
		expect(await page.locator('.user-box').textContent()).toContain(user(role).name)
		await screenshot(page, `${dialect.name}-home-${role}`)
		await page.getByRole('button', { name: 'Sign out' }).click()
		await page.waitForURL(u => u.pathname === '/login')
		await page.close()
	})

	test('a board member gets a 403 page for the inventory', async () => {
		const page = await browser.newPage()
		await signIn(page, app.url, user('board').email, user('board').password)
		const response = await page.goto(`${app.url}/units`)
		expect(response?.status()).toBe(403)
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You do not have access to this')
		await page.close()
	})
})
