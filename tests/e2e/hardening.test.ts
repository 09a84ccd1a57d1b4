// Issue 19's probe, reproduced against the server as `npm start` runs it (no NODE_ENV, no switches): the open
// redirect after sign-in, secure defaults (Secure cookie, HSTS), the server's own error answers, and what is
// logged as an error. Each of these failed before its fix.
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { demoCode, e2eDialects, type RunningApp, startApp } from './harness.ts'

const demo = (role: string) => DEMO_USERS.find(u => u.role === role)!
const sqlite = e2eDialects()[0]!
/** The environment `npm start` gives the server: none of the harness's production switches. */
const AS_SHIPPED = { NODE_ENV: '', INSECURE_COOKIES: '', LOG_LEVEL: 'info' }

/** Sends raw bytes (a request line fetch would refuse to send) and returns the status and body. */
function rawRequest(url: string, request: string) {
	const u = new URL(url)
	return new Promise<{ status: number; text: string }>((resolve, reject) => {
		const socket = net.connect(Number(u.port), u.hostname, () => socket.write(request)) // Connection: close ends it
		let data = ''
		socket.on('data', d => (data += d))
		socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0), text: data }))
		socket.on('error', reject)
	})
}

describe('as shipped: sign-in redirects, secure defaults, error answers', () => {
	let app: RunningApp
	// A code is accepted once per account and time step: the sign-ins take turns among the accounts whose home is '/'
	// (the board's home is /snapshots) for the nine that must land at home, the board's for the rest: none waits for the clock.
	const roles = ['analyst', 'admin', 'executive'] as const
	let turn = 0
	const signIn = async (redirectTo: string, role: string = roles[turn++ % roles.length]!) =>
		fetch(`${app.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({
				email: demo(role).email,
				password: demo(role).password,
				code: await demoCode(demo(role).email, app.url),
				redirectTo,
			}),
			headers: { Origin: app.url },
			redirect: 'manual',
		})

	beforeAll(async () => {
		app = await startApp(await sqlite.databaseUrl(), AS_SHIPPED)
	})
	afterAll(async () => {
		await app?.stop()
	})

	test.each([
		['a tab before a second slash', '/\t/other-host.example/x'],
		['a newline before a second slash', '/\n/other-host.example/x'],
		['a carriage return and line feed', '/\r\nLocation: https://other-host.example/'],
		['an encoded tab', '/%09/other-host.example/x'],
		['a backslash', '/\\other-host.example/x'],
		['two slashes', '//other-host.example/x'],
		['an absolute URL', 'https://other-host.example/x'],
		['a scheme in the path', 'javascript:alert(1)'],
		['a NUL byte', '/units\u0000'],
	])('redirectTo with %s lands at home on this origin, never a 500', async (_name, redirectTo) => {
		const res = await signIn(redirectTo)
		expect(res.status).toBe(302)
		const location = res.headers.get('location')!
		expect(new URL(location, app.url).origin).toBe(app.url)
		expect(location).toBe('/')
	})

	test('a same-site path with a query is kept', async () => {
		const res = await signIn('/units?sort=name.desc&page=2', 'board')
		expect(res.headers.get('location')).toBe('/units?sort=name.desc&page=2')
	})

	test('the session cookie is Secure and HSTS is sent without NODE_ENV', async () => {
		const res = await signIn('/', 'board')
		expect(res.headers.get('set-cookie')).toMatch(/; Secure/i)
		expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
	})

	test('a malformed URL answers 400 with the server’s own page: no stack trace, no paths', async () => {
		const res = await fetch(`${app.url}/build/%E0%A4%A`)
		expect(res.status).toBe(400)
		const text = await res.text()
		expect(text).not.toMatch(/at \w+ \(|node_modules|\/work|\/home|URIError/)
		expect(text).toContain('Request id')
	})

	test('a request with a malformed Host answers 400, not 500', async () => {
		const res = await rawRequest(app.url, 'GET /login HTTP/1.1\r\nHost: bad host[\r\nConnection: close\r\n\r\n')
		expect(res.status).toBe(400)
		expect(res.text).not.toMatch(/node_modules|at \w+ \(/)
	})

	test('a text/plain POST answers 415, not 500', async () => {
		const res = await fetch(`${app.url}/login`, {
			method: 'POST',
			body: 'email=a',
			headers: { Origin: app.url, 'Content-Type': 'text/plain' },
			redirect: 'manual',
		})
		expect(res.status).toBe(415)
	})

	test('a 404 and a 405 are not logged as errors', async () => {
		const before = app.output().length
		expect((await fetch(`${app.url}/no-such-page`)).status).toBe(404)
		const cookie = (await signIn('/', 'board')).headers.get('set-cookie')!.split(';')[0]!
		const res = await fetch(`${app.url}/units`, {
			method: 'POST',
			body: new URLSearchParams({ a: 'b' }),
			headers: { Origin: app.url, Cookie: cookie },
			redirect: 'manual',
		})
		expect(res.status).toBe(405)
		await new Promise(r => setTimeout(r, 200))
		const lines = app.output().slice(before).split('\n').filter(Boolean)
		expect(lines.filter(l => l.includes('"level":"error"'))).toEqual([])
	})
})
