// Issue 19, points 3 and 5 over real HTTP and in Chromium: the second factor (sign-in with and without the code,
// enrolment with a QR code, recovery codes, an administrator's reset, a self-service password change) and sign-in
// throttling that an attacker elsewhere cannot turn into a lockout of someone else.
import { type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import {
	type Browser,
	demoCode,
	e2eDialects,
	launchBrowser,
	type RunningApp,
	screenshot,
	signInOverHttp,
	startApp,
	unusedCode,
} from './harness.ts'

const demo = (role: string) => DEMO_USERS.find(u => u.role === role)!

describe.each(e2eDialects())('$name: second factor and throttling', dialect => {
	let app: RunningApp
	let db: Kysely<Database>
	let browser: Browser
	const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
		fetch(`${app.url}${path}`, {
			method: 'POST',
			body: new URLSearchParams(form),
			headers: { Origin: app.url, ...headers },
			redirect: 'manual',
		})
	const get = (path: string, cookie?: string) =>
		fetch(`${app.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' })
	const cookieOf = (res: Response, name: string) =>
		res.headers
			.getSetCookie()
			.find(c => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`))
			?.split(';')[0]
	const audit = (action: string) =>
		db.selectFrom('audit_event').select(['action', 'actor_email', 'after_json']).where('action', '=', action).execute()

	beforeAll(async () => {
		// Behind a proxy on loopback: X-Forwarded-For tells each test client's address.
		app = await startApp(await dialect.databaseUrl(), { TRUST_PROXY: 'loopback' })
		db = createDb(app.databaseUrl).db
		browser = await launchBrowser()
	})
	afterAll(async () => {
		await browser?.close()
		await db?.destroy()
		await app?.stop()
	})

	test('an enrolled account needs its code: the password alone opens no session, a wrong code is refused, the right one signs in', async () => {
		const exec = demo('executive')
		const first = await post('/login', { email: exec.email, password: exec.password })
		expect(first.status).toBe(200)
		expect(cookieOf(first, 'ced_session')).toBeUndefined()
		expect(await first.text()).toContain('Authentication code')
		const pending = cookieOf(first, 'ced_pending')!
		const wrong = await post('/login', { intent: 'code', code: '000000' }, { Cookie: pending })
		expect(wrong.status).toBe(400)
		expect(cookieOf(wrong, 'ced_session')).toBeUndefined()
		const right = await post('/login', { intent: 'code', code: await demoCode(exec.email, app.url) }, { Cookie: pending })
		expect(right.status).toBe(302)
		expect((await get('/', cookieOf(right, 'ced_session'))).status).toBe(200)
		// Without the password step's cookie, a code alone does nothing.
		expect((await post('/login', { intent: 'code', code: await demoCode(exec.email, app.url) })).status).toBe(400)
		// Email, password and code in one request (API clients, the tests' harness).
		expect((await post('/login', { email: exec.email, password: exec.password, code: await demoCode(exec.email, app.url) })).status).toBe(
			302,
		)
		expect((await post('/login', { email: exec.email, password: exec.password, code: '123456' })).status).toBe(400)
	}, 90_000)

	test('a new analyst must set up an authenticator at first sign-in (QR code, key), gets recovery codes once, and a code spends once', async () => {
		const admin = await signInOverHttp(app.url, demo('admin').email, demo('admin').password)
		const email = 'mfa.analyst@meridian.example'
		const password = 'lantern-cobalt-meadow-93'
		expect(
			(await post('/admin?index', { intent: 'create', email, name: 'MFA Analyst', role: 'analyst', password }, { Cookie: admin })).status,
		).toBe(200)
		// Required role, no factor yet: the password alone gives no session.
		const bare = await post('/login', { email, password })
		expect(bare.status).toBe(200)
		expect(cookieOf(bare, 'ced_session')).toBeUndefined()

		const page = await browser.newPage()
		await page.goto(`${app.url}/login`)
		await page.getByLabel('Email').fill(email)
		await page.getByLabel('Password').fill(password)
		await page.getByRole('button', { name: 'Sign in' }).click()
		const qr = page.getByRole('img', { name: 'QR code for your authenticator app' })
		await qr.waitFor()
		expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
		const key = (await page.locator('.mfa-secret').innerText()).replace(/\s/g, '')
		expect(key).toMatch(/^[A-Z2-7]{32}$/)
		await screenshot(page, `${dialect.name}-mfa-enrol-1440`)
		await page.setViewportSize({ width: 390, height: 844 })
		await screenshot(page, `${dialect.name}-mfa-enrol-390`)
		await page.setViewportSize({ width: 1440, height: 900 })
		await page.getByLabel('Authentication code').fill('111111')
		await page.getByRole('button', { name: 'Set up and sign in' }).click()
		await page.getByRole('alert').waitFor()
		await page.getByLabel('Authentication code').fill(await unusedCode(key, app.url))
		await page.getByRole('button', { name: 'Set up and sign in' }).click()
		const codes = page.getByRole('list', { name: 'Recovery codes' })
		await codes.waitFor()
		const recovery = (await codes.getByRole('listitem').allInnerTexts()).map(t => t.trim())
		expect(recovery).toHaveLength(10)
		await screenshot(page, `${dialect.name}-mfa-recovery`)
		await page.getByRole('link', { name: 'Continue' }).click()
		await page.getByRole('button', { name: 'Sign out' }).waitFor()
		await page.close()

		// Stored hashed: no code appears in the database.
		const stored = await db.selectFrom('mfa_recovery_code').select('code_hash').execute()
		for (const c of recovery) expect(JSON.stringify(stored)).not.toContain(c.replace('-', ''))
		// A recovery code signs in once.
		expect((await post('/login', { email, password, code: recovery[0]! })).status).toBe(302)
		expect((await post('/login', { email, password, code: recovery[0]! })).status).toBe(400)
		expect((await post('/login', { email, password, code: await unusedCode(key, app.url) })).status).toBe(302)
		expect((await audit('mfa.enrol')).length).toBe(1)
		expect((await audit('mfa.recovery_code_used')).length).toBe(1)

		// An administrator resets it (lost phone): their sessions end, the reset is audited, and the next sign-in enrols again.
		const theirs = cookieOf(await post('/login', { email, password, code: recovery[1]! }), 'ced_session')!
		expect((await get('/units', theirs)).status).toBe(200)
		const user = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()
		const reset = await post(`/admin/users/${user.id}`, { intent: 'reset-mfa' }, { Cookie: admin })
		expect(reset.status).toBe(200)
		expect(await reset.text()).toContain('Second factor removed')
		expect((await get('/units', theirs)).status).toBe(302)
		const resets = await audit('mfa.reset')
		expect(resets.map(e => e.actor_email)).toEqual([demo('admin').email])
		const again = await post('/login', { email, password, code: await unusedCode(key, app.url) })
		expect(again.status).toBe(200)
		expect(await again.text()).toContain('mfa-secret')
	}, 90_000)

	test('board members are offered a factor; a password change ends the other sessions and keeps this one', async () => {
		const board = demo('board')
		const here = await signInOverHttp(app.url, board.email, board.password)
		const elsewhere = await signInOverHttp(app.url, board.email, board.password)
		const account = await get('/account', here)
		expect(account.status).toBe(200)
		expect(await account.text()).toContain('New recovery codes')
		const wrong = await post(
			'/account',
			{ intent: 'password', current: 'not-my-password', next: 'saffron-harbour-quill-58', confirm: 'saffron-harbour-quill-58' },
			{ Cookie: here },
		)
		expect(wrong.status).toBe(400)
		expect(await wrong.text()).toContain('That is not your current password')
		const changed = await post(
			'/account',
			{ intent: 'password', current: board.password, next: 'saffron-harbour-quill-58', confirm: 'saffron-harbour-quill-58' },
			{ Cookie: here },
		)
		expect(changed.status).toBe(302)
		expect(changed.headers.get('location')).toBe('/account?password=changed')
		const renewed = cookieOf(changed, 'ced_session')!
		expect(await (await get('/account?password=changed', renewed)).text()).toContain('Password changed')
		expect((await get('/snapshots', renewed)).status).toBe(200)
		expect((await get('/snapshots', elsewhere)).status).toBe(302)
		expect((await get('/snapshots', here)).status).toBe(302) // the old token went too; the new cookie replaced it
		expect(
			(await post('/login', { email: board.email, password: board.password, code: await demoCode(board.email, app.url) })).status,
		).toBe(400)
		expect(
			(await post('/login', { email: board.email, password: 'saffron-harbour-quill-58', code: await demoCode(board.email, app.url) }))
				.status,
		).toBe(302)
		const events = await audit('password.change')
		expect(events).toHaveLength(1)
		expect(JSON.stringify(events)).not.toContain('saffron')
	}, 90_000)

	test('an attacker elsewhere cannot lock the victim out: their address is paused, the victim signs in from theirs', async () => {
		const victim = demo('analyst')
		const attacker = { 'X-Forwarded-For': '203.0.113.9' }
		const home = { 'X-Forwarded-For': '198.51.100.7' }
		const statuses: number[] = []
		for (let i = 0; i < 7; i++)
			statuses.push((await post('/login', { email: victim.email, password: `guess-${i}-wrong-password` }, attacker)).status)
		expect(statuses).toEqual([400, 400, 400, 400, 429, 429, 429])
		const started = Date.now()
		const mine = await post('/login', { email: victim.email, password: victim.password, code: await demoCode(victim.email, app.url) }, home)
		expect(mine.status).toBe(302)
		expect(Date.now() - started).toBeLessThan(10_000) // slowed (the account failed 5 times), not blocked
		// Even the right password stays paused from the attacker's address.
		expect(
			(await post('/login', { email: victim.email, password: victim.password, code: await demoCode(victim.email, app.url) }, attacker))
				.status,
		).toBe(429)
		// One audit event for the lock period, not one per refused attempt.
		const locks = (await audit('login.locked')).filter(e => e.after_json?.includes('203.0.113.9'))
		expect(locks).toHaveLength(1)

		// An administrator sees the lock and lifts it (audited).
		const admin = await signInOverHttp(app.url, demo('admin').email, demo('admin').password)
		const list = await (await get('/admin/locks', admin)).text()
		expect(list).toContain(`${victim.email} 203.0.113.9`)
		const lifted = await post('/admin/locks', { key: `pair:${victim.email} 203.0.113.9` }, { Cookie: admin })
		expect(lifted.status).toBe(200)
		expect((await audit('login.unlock')).length).toBe(1)
		expect((await post('/login', { email: victim.email, password: 'one-more-wrong-guess' }, attacker)).status).toBe(400)
		expect((await get('/admin/locks', await signInOverHttp(app.url, victim.email, victim.password))).status).toBe(403)
	}, 60_000)
})
