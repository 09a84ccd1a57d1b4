// The board-pack printer (issue 19, point 1) against real listeners and the real server's Chromium: it prints from
// a fixed origin whatever Host a request names, sends each print's session to that origin only (as a header its
// page's route handler adds; the shared browser context holds no cookie), aborts every request elsewhere
// (sub-resources and redirects alike), keeps one browser of one process, and queues jobs with a per-user limit.
import http from 'node:http'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closePrinter, PrintError, printContextForTests, printOrigin, printPage } from '#app/utils/printer.server.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { chromiumProcessesOf, e2eDialects, type RunningApp, signInOverHttp, startApp, startListener } from './harness.ts'

const demo = (role: string) => DEMO_USERS.find(u => u.role === role)!
const sqlite = e2eDialects()[0]!

/** A GET with any Host header (fetch does not let one be set). */
function getWithHost(url: string, path: string, host: string, cookie: string) {
	const u = new URL(url)
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
		const req = http.request({ host: u.hostname, port: u.port, path, headers: { Host: host, Cookie: cookie } }, res => {
			const chunks: Buffer[] = []
			res.on('data', c => chunks.push(c))
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
		})
		req.on('error', reject)
		req.end()
	})
}

describe('the board-pack printer', () => {
	let app: RunningApp
	let stranger: Awaited<ReturnType<typeof startListener>>
	let internal: Awaited<ReturnType<typeof startListener>>

	beforeAll(async () => {
		internal = await startListener((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>internal admin page</h1>'))
		// The probe's server: answers the pack with a redirect to an internal address.
		stranger = await startListener((_req, res) => res.writeHead(302, { Location: `${internal.url}/secrets` }).end())
		app = await startApp(await sqlite.databaseUrl(), { PRINT_CONCURRENCY: '2', PRINT_PER_USER: '3' })
	})
	afterAll(async () => {
		await app?.stop()
		await stranger?.close()
		await internal?.close()
	})

	test('a request naming another server in Host: the printer never contacts it, and the PDF still prints', async () => {
		const cookie = await signInOverHttp(app.url, demo('board').email, demo('board').password)
		const res = await getWithHost(app.url, '/snapshots/2026-Q3/pack.pdf', stranger.host, cookie)
		expect(stranger.requests).toEqual([])
		expect(internal.requests).toEqual([])
		expect(res.status).toBe(200)
		expect(res.headers['content-type']).toBe('application/pdf')
		expect(res.body.subarray(0, 5).toString()).toBe('%PDF-')
	})

	test('one browser of one process for every job; a user past their limit gets 429 with Retry-After, and the rest print', async () => {
		const cookie = await signInOverHttp(app.url, demo('executive').email, demo('executive').password)
		let browsers = 0
		let processes = 0
		const kinds = new Set<string>()
		const sampler = setInterval(() => {
			const now = chromiumProcessesOf(app.process.pid!)
			browsers = Math.max(browsers, now.browsers)
			processes = Math.max(processes, now.all)
			for (const k of now.kinds) kinds.add(k)
		}, 50)
		const answers = await Promise.all(
			Array.from({ length: 4 }, () =>
				fetch(`${app.url}/snapshots/2026-Q3/pack.pdf`, { headers: { Cookie: cookie } }).then(async r => ({
					status: r.status,
					retry: r.headers.get('retry-after'),
					size: (await r.arrayBuffer()).byteLength,
				})),
			),
		)
		clearInterval(sampler)
		const statuses = answers.map(a => a.status).sort()
		expect(statuses).toEqual([200, 200, 200, 429])
		expect(Number(answers.find(a => a.status === 429)!.retry)).toBeGreaterThan(0)
		expect(browsers).toBe(1)
		// Single-process (decision 038): renderer, GPU, network, storage and print compositor are threads of the browser,
		// so three prints at once (two running) are one operating-system process; two at the moment a crashed browser is
		// replaced (its successor, or a child between fork and exec). Within concurrency + 1 either way.
		expect([...kinds].filter(k => k !== 'browser' && k !== 'starting')).toEqual([])
		expect(processes).toBeLessThanOrEqual(3)
		// Still one browser for the next job (reused, not relaunched).
		expect(chromiumProcessesOf(app.process.pid!).browsers).toBe(1)
	}, 120_000)
})

describe('the printer on its own (real Chromium, two listeners)', () => {
	let origin: Awaited<ReturnType<typeof startListener>>
	let other: Awaited<ReturnType<typeof startListener>>
	const cookie = { name: 'ced_session', value: 'print-token' }

	beforeAll(async () => {
		other = await startListener((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('elsewhere'))
		origin = await startListener((req, res) => {
			if (req.url === '/redirect') return res.writeHead(302, { Location: `${other.url}/internal` }).end()
			res
				.writeHead(200, { 'Content-Type': 'text/html' })
				.end(
					`<!doctype html><title>p</title><link rel="stylesheet" href="${other.url}/style.css"><h1>Pack</h1><img src="${other.url}/pixel.png" alt=""><iframe src="${other.url}/frame"></iframe><img src="file:///etc/passwd" alt="">`,
				)
		})
	})
	afterAll(async () => {
		await closePrinter()
		await origin?.close()
		await other?.close()
	})

	test('the session goes to the print origin only; requests to any other origin or scheme are aborted', async () => {
		const pdf = await printPage(origin.url, '/page', cookie)
		expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-')
		expect(origin.requests.map(r => r.cookie)).toEqual(['ced_session=print-token'])
		expect(other.requests).toEqual([])
		expect(await (await printContextForTests())!.cookies()).toEqual([]) // sent per request, never stored
	})

	test('a redirect to another origin is not followed, and nothing is printed', async () => {
		await expect(printPage(origin.url, '/redirect', cookie)).rejects.toBeInstanceOf(PrintError)
		await expect(printPage(origin.url, `${other.url}/direct`, cookie)).rejects.toBeInstanceOf(PrintError)
		expect(other.requests).toEqual([])
	})

	test('two users printing at once each print their own view; nothing of one reaches the other, and the jar stays empty', async () => {
		// A page that shows whose session asked for it, with a stylesheet cached for an hour and a cookie it tries to set.
		const pages = await startListener((req, res) => {
			const who = /ced_session=(\w+)/.exec(req.headers.cookie ?? '')?.[1] ?? 'nobody'
			if (req.url === '/me.css')
				return res.writeHead(200, { 'Content-Type': 'text/css', 'Cache-Control': 'max-age=3600' }).end(`h2 { color: #333 }`)
			res
				.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': `ced_session=${who}-stored; Path=/` })
				.end(`<!doctype html><title>v</title><link rel="stylesheet" href="/me.css"><h1>Printed for ${who}</h1><h2>view</h2>`)
		})
		const textOf = async (pdf: Uint8Array) => (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text
		try {
			const [alice, bob] = await Promise.all([
				printPage(pages.url, '/view', { name: 'ced_session', value: 'alice' }),
				printPage(pages.url, '/view', { name: 'ced_session', value: 'bob' }),
			])
			expect(await textOf(alice)).toContain('Printed for alice')
			expect(await textOf(alice)).not.toContain('bob')
			expect(await textOf(bob)).toContain('Printed for bob')
			expect(await textOf(bob)).not.toContain('alice')
			// A third print after them: its own session only (not the cookie the page tried to set), and its own stylesheet
			// request (not the one cached for an earlier user).
			expect(await textOf(await printPage(pages.url, '/view', { name: 'ced_session', value: 'carol' }))).toContain('Printed for carol')
			const seen = (url: string) => pages.requests.filter(r => r.url === url).map(r => r.cookie)
			expect(seen('/view').sort()).toEqual(['ced_session=alice', 'ced_session=bob', 'ced_session=carol'])
			expect(seen('/me.css').sort()).toEqual(['ced_session=alice', 'ced_session=bob', 'ced_session=carol'])
			expect(await (await printContextForTests())!.cookies()).toEqual([])
			expect((await printContextForTests()) && (await (await printContextForTests())!.pages())).toEqual([]) // every page closed
		} finally {
			await pages.close()
		}
	})

	test('if the shared context or the whole browser dies, the next print makes new ones', async () => {
		const prints = () => printPage(origin.url, '/page', cookie).then(pdf => Buffer.from(pdf).subarray(0, 5).toString())
		expect(await prints()).toBe('%PDF-')
		const first = await printContextForTests()!
		await first.close()
		expect(await prints()).toBe('%PDF-')
		expect(await printContextForTests()).not.toBe(first)
		const [browser] = chromiumProcessesOf(process.pid).browserPids
		process.kill(browser!, 'SIGKILL') // a crash, not a close: nothing tells the printer in advance
		expect(await prints()).toBe('%PDF-')
		expect(chromiumProcessesOf(process.pid).browserPids).not.toContain(browser)
	}, 60_000)

	test('the print origin is PUBLIC_URL when set, else this server on loopback, whatever the request said', () => {
		expect(printOrigin({ PORT: '4100' })).toBe('http://127.0.0.1:4100')
		expect(printOrigin({ PORT: '4100', HOST: '0.0.0.0' })).toBe('http://127.0.0.1:4100')
		expect(printOrigin({ PORT: '4100', HOST: '::1' })).toBe('http://[::1]:4100')
		expect(printOrigin({ PUBLIC_URL: 'https://exposure.example.com/some/path', PORT: '4100' })).toBe('https://exposure.example.com')
	})
})
