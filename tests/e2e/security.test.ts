// Issue 7 over real HTTP against the running server (server.ts, NODE_ENV=production, Secure cookies):
// headers, CSRF, sessions, sign-in throttling, password policy, user administration, the audit page
// and request limits. The route-by-route permission matrix is tests/security/role-matrix.test.ts.
import http from 'node:http'
import { type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { demoCode, e2eDialects, type RunningApp, signInOverHttp, startApp } from './harness.ts'

const demo = (role: string) => DEMO_USERS.find(u => u.role === role)!

describe.each(e2eDialects())('$name: security over HTTP', dialect => {
	let app: RunningApp
	let db: Kysely<Database>
	const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
		fetch(`${app.url}${path}`, {
			method: 'POST',
			body: new URLSearchParams(form),
			headers: { Origin: app.url, ...headers },
			redirect: 'manual',
		})
	const get = (path: string, cookie?: string) =>
		fetch(`${app.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' })
	const signIn = (email: string, password: string) => signInOverHttp(app.url, email, password) // with the second factor

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl(), { INSECURE_COOKIES: '0' })
		db = createDb(app.databaseUrl).db
	})
	afterAll(async () => {
		await db?.destroy()
		const code = await app?.stop()
		expect(code).toBe(0) // graceful shutdown on SIGTERM
	})

	test('every response carries the security headers, and scripts run only with the page’s nonce', async () => {
		for (const path of ['/login', '/api/units', '/healthz', '/no-such-page', '/favicon.svg']) {
			const res = await get(path)
			const csp = res.headers.get('content-security-policy') ?? ''
			expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
			expect(
				csp.split(';').find(d => d.trim().startsWith('script-src')),
				path,
			).not.toContain('unsafe-inline')
			expect(csp, path).toContain("frame-ancestors 'none'")
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
			expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
			expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/)
			expect(res.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/)
		}
		const page = await get('/login')
		const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy')!)![1]
		const html = await page.text()
		const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(m => m[0])
		expect(scripts.length).toBeGreaterThan(0)
		for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`)
	})

	test('a state-changing request from another origin, or with no origin at all, is refused', async () => {
		const form = new URLSearchParams({
			email: demo('admin').email,
			password: demo('admin').password,
			code: await demoCode(demo('admin').email, app.url),
		})
		const none = await fetch(`${app.url}/login`, { method: 'POST', body: form, redirect: 'manual' })
		expect(none.status).toBe(403)
		const evil = await fetch(`${app.url}/login`, {
			method: 'POST',
			body: form,
			headers: { Origin: 'https://evil.example' },
			redirect: 'manual',
		})
		expect(evil.status).toBe(403)
		expect(await evil.text()).toContain('Origin check')
		expect(evil.headers.get('set-cookie')).toBeNull()
		const referer = await fetch(`${app.url}/login`, {
			method: 'POST',
			body: form,
			headers: { Referer: `${app.url}/login` },
			redirect: 'manual',
		})
		expect(referer.status).toBe(302)
	})

	test('sessions: HttpOnly, SameSite=Lax and Secure cookies, a new id at each sign-in, and sign-out ends it on the server', async () => {
		const res = await post('/login', {
			email: demo('executive').email,
			password: demo('executive').password,
			code: await demoCode(demo('executive').email, app.url),
		})
		const setCookie = res.headers.get('set-cookie')!
		expect(setCookie).toMatch(/HttpOnly/i)
		expect(setCookie).toMatch(/SameSite=Lax/i)
		expect(setCookie).toMatch(/Secure/i)
		const first = setCookie.split(';')[0]!
		const second = await signIn(demo('executive').email, demo('executive').password)
		expect(second).not.toBe(first)
		expect((await get('/', first)).status).toBe(200)
		const out = await post('/logout', {}, { Cookie: first })
		expect(out.status).toBe(302)
		// The stolen copy of the cookie no longer works; the other session is untouched.
		const replay = await get('/', first)
		expect(replay.status).toBe(302)
		expect(replay.headers.get('location')).toMatch(/^\/login/)
		expect((await get('/', second)).status).toBe(200)
	})

	test('sign-in: the same generic message whether or not the account exists, then a lockout that names its length', async () => {
		const unknown = await post('/login', { email: 'nobody@meridian.example', password: 'wrong-password-1' })
		const wrong = await post('/login', { email: demo('analyst').email, password: 'wrong-password-1' })
		expect(unknown.status).toBe(400)
		expect(wrong.status).toBe(400)
		const message = (body: string) => /do not match an active account/.test(body)
		expect(message(await unknown.text()) && message(await wrong.text())).toBe(true)
		let status = 0
		for (let i = 0; i < 4; i++)
			status = (await post('/login', { email: demo('analyst').email, password: `wrong-password-${i + 2}` })).status
		expect(status).toBe(429)
		// Locked: even the right password waits, and the message says for how long.
		const locked = await post('/login', { email: demo('analyst').email, password: demo('analyst').password })
		expect(locked.status).toBe(429)
		expect(locked.headers.get('retry-after')).toBe('900')
		expect(await locked.text()).toContain('Sign-in is paused for 15 minutes')
		const events = await db.selectFrom('audit_event').select(['action', 'after_json']).where('entity', '=', 'session').execute()
		expect(events.filter(e => e.action === 'login.failure').length).toBeGreaterThanOrEqual(6)
		expect(events.some(e => e.action === 'login.locked')).toBe(true)
		expect(JSON.stringify(events)).not.toContain('wrong-password')
		expect(app.output()).not.toContain('wrong-password')
	})

	test('user administration: password policy, roles, disabling, resets and the last administrator, all audited', async () => {
		const admin = await signIn(demo('admin').email, demo('admin').password)
		const common = await post(
			'/admin?index',
			{ intent: 'create', email: 'new.analyst@meridian.example', name: 'New Analyst', role: 'analyst', password: 'password1234' },
			{ Cookie: admin },
		)
		expect(common.status).toBe(400)
		expect(await common.text()).toContain('one of the most common passwords')
		const short = await post(
			'/admin?index',
			{ intent: 'create', email: 'new.analyst@meridian.example', name: 'New Analyst', role: 'analyst', password: 'short' },
			{ Cookie: admin },
		)
		expect(await short.text()).toContain('at least 12 characters')
		const created = await post(
			'/admin?index',
			{
				intent: 'create',
				email: 'New.Analyst@meridian.example',
				name: 'New Analyst',
				role: 'analyst',
				password: 'ferry-quartz-almond-tulip-9',
			},
			{ Cookie: admin },
		)
		expect(created.status).toBe(200)
		const user = await db
			.selectFrom('app_user')
			.select(['id', 'email'])
			.where('email', '=', 'new.analyst@meridian.example')
			.executeTakeFirstOrThrow()
		const theirs = await signIn('new.analyst@meridian.example', 'ferry-quartz-almond-tulip-9')
		expect((await get('/units', theirs)).status).toBe(200)

		// A role change ends their sessions; so does disabling; a reset replaces the password.
		expect((await post(`/admin/users/${user.id}`, { intent: 'role', role: 'board' }, { Cookie: admin })).status).toBe(200)
		expect((await get('/units', theirs)).status).toBe(302)
		const asBoard = await signIn('new.analyst@meridian.example', 'ferry-quartz-almond-tulip-9')
		expect((await get('/units', asBoard)).status).toBe(403)
		expect((await post(`/admin/users/${user.id}`, { intent: 'disable' }, { Cookie: admin })).status).toBe(200)
		expect((await get('/snapshots', asBoard)).status).toBe(302)
		expect((await post('/login', { email: 'new.analyst@meridian.example', password: 'ferry-quartz-almond-tulip-9' })).status).toBe(400)
		expect((await post(`/admin/users/${user.id}`, { intent: 'enable' }, { Cookie: admin })).status).toBe(200)
		expect(
			(await post(`/admin/users/${user.id}`, { intent: 'reset-password', password: 'harbour-violet-cobalt-7' }, { Cookie: admin })).status,
		).toBe(200)
		expect((await post('/login', { email: 'new.analyst@meridian.example', password: 'ferry-quartz-almond-tulip-9' })).status).toBe(400)
		await signIn('new.analyst@meridian.example', 'harbour-violet-cobalt-7')

		// The only administrator can neither be demoted nor disabled.
		const me = await db.selectFrom('app_user').select('id').where('email', '=', demo('admin').email).executeTakeFirstOrThrow()
		const demote = await post(`/admin/users/${me.id}`, { intent: 'role', role: 'analyst' }, { Cookie: admin })
		expect(demote.status).toBe(400)
		expect(await demote.text()).toContain('last active administrator')
		expect((await db.selectFrom('app_user').select('role').where('id', '=', me.id).executeTakeFirstOrThrow()).role).toBe('admin')

		const log = await db
			.selectFrom('audit_event')
			.select(['action', 'before_json', 'after_json'])
			.where('entity', '=', 'app_user')
			.execute()
		expect(log.map(e => e.action)).toEqual(['create', 'mfa.enrol', 'user.role', 'user.disable', 'user.enable', 'password.reset'])
		expect(JSON.stringify(log)).not.toMatch(/ferry-quartz|harbour-violet|scrypt/)

		// The audit page filters and exports; bad filters are a 400 that names them.
		const page = await get(`/admin/audit?entity=app_user&actor=${encodeURIComponent(demo('admin').email)}`, admin)
		expect(page.status).toBe(200)
		expect(await page.text()).toContain('password.reset')
		const csv = await (await get('/admin/audit/export?entity=app_user', admin)).text()
		expect(csv.trim().split('\r\n')).toHaveLength(7)
		const bad = await get('/admin/audit?from=2026-02-30', admin)
		expect(bad.status).toBe(400)
		expect(await bad.text()).toContain('from: is not a real date')
		expect((await get('/admin/audit', theirs)).status).toBe(302)
	})

	test('limits: an oversized body is a 413, a bad URL parameter a 400, never a 500', async () => {
		const admin = await signIn(demo('admin').email, demo('admin').password)
		// Announce 13 MB and send none of it: the server must answer from the header alone.
		const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
			const req = http.request(`${app.url}/inventory/units/import`, {
				method: 'POST',
				headers: {
					Origin: app.url,
					Cookie: admin,
					'Content-Type': 'multipart/form-data; boundary=x',
					'Content-Length': String(13 * 1024 * 1024),
				},
			})
			req.on('response', res => {
				let body = ''
				res.on('data', d => (body += d))
				res.on('end', () => resolve({ status: res.statusCode!, body }))
			})
			req.on('error', reject)
			req.flushHeaders()
		})
		expect(huge.status).toBe(413)
		expect(huge.body).toContain('larger than 12 MB')
		const bigCsv = new FormData()
		bigCsv.set('intent', 'preview')
		bigCsv.set('file', new Blob(['code,name\n' + 'A,'.padEnd(6 * 1024 * 1024, 'a')]), 'big.csv')
		const tooBig = await fetch(`${app.url}/inventory/units/import`, {
			method: 'POST',
			body: bigCsv,
			headers: { Origin: app.url, Cookie: admin },
		})
		expect(tooBig.status).toBe(413)
		expect(await tooBig.text()).toContain('larger than 5 MB')
		for (const path of [
			'/units?page=abc',
			'/flows?sort=password.desc',
			'/api/systems?size=100000',
			'/units/not-a-number',
			'/inventory/secrets/new',
		]) {
			const res = await get(path, admin)
			expect([400, 404], path).toContain(res.status)
		}
	})

	test('one address failing against many accounts is paused too', async () => {
		let status = 0
		for (let i = 0; i < 31 && status !== 429; i++)
			status = (await post('/login', { email: `spray${i}@example.com`, password: 'Summer2026!!' })).status
		expect(status).toBe(429)
	})
})
