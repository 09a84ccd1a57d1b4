// Graceful shutdown: SIGTERM stops accepting connections, lets the request in flight finish, closes the
// pool and exits 0 within 10 s.
import { expect, test } from 'vitest'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { demoCode, e2eDialects, startApp } from './harness.ts'

test('SIGTERM lets the request in flight finish and land, then exits 0 within 10 s', async () => {
	const app = await startApp(await e2eDialects()[0]!.databaseUrl())
	const analyst = DEMO_USERS.find(u => u.role === 'analyst')!
	const login = await fetch(`${app.url}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email: analyst.email, password: analyst.password, code: await demoCode(analyst.email, app.url) }),
		headers: { Origin: app.url },
		redirect: 'manual',
	})
	const cookie = login.headers.get('set-cookie')!.split(';')[0]!
	// A slow request: importing 20,000 systems in one transaction.
	const header =
		'code,unit_code,name,mlps_level,graded_on,filed_on,last_assessed_on,technologies,holds_personal_data,holds_important_data,holds_source_code'
	const body = new FormData()
	body.set('intent', 'commit')
	body.set(
		'csv',
		[header, ...Array.from({ length: 20_000 }, (_, i) => `STOP-${i},BU-SH-BANK,System ${i},2,2026-01-01,,,,yes,no,no`)].join('\n'),
	)
	const inFlight = fetch(`${app.url}/inventory/systems/import?_data=${encodeURIComponent('routes/inventory.$table.import')}`, {
		method: 'POST',
		body,
		headers: { Cookie: cookie, Origin: app.url },
	}).then(async r => ({ status: r.status, text: await r.text() }))
	await new Promise(r => setTimeout(r, 300))
	const started = Date.now()
	const exited = app.stop('SIGTERM')
	const done = await inFlight
	const code = await exited
	// Gone: a new connection is refused.
	const refused = await fetch(`${app.url}/healthz`).then(
		() => 'answered',
		() => 'refused',
	)
	expect(done.status).toBe(200)
	expect(done.text).toContain('"inserts":20000')
	expect(refused).toBe('refused')
	expect(code).toBe(0)
	expect(Date.now() - started).toBeLessThan(10_000)
	expect(app.output()).not.toMatch(/"level":"error"/)
}, 60_000)
