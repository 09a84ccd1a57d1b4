// The board-pack printer (issue 19, point 1) against real listeners and the real server's Chromium: it prints from
// a fixed origin whatever Host a request names, gives its browser the session for that origin only, aborts every
// request elsewhere (sub-resources and redirects alike), keeps one browser, and queues jobs with a per-user limit.
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closePrinter, PrintError, printOrigin, printPage } from '#app/utils/printer.server.ts'
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

	test('one browser for every job; a user past their limit gets 429 with Retry-After, and the rest print', async () => {
		const cookie = await signInOverHttp(app.url, demo('executive').email, demo('executive').password)
		let browsers = 0
		const kinds = new Set<string>()
		const sampler = setInterval(() => {
			const now = chromiumProcessesOf(app.process.pid!)
			browsers = Math.max(browsers, now.browsers)
			for (const k of now.kinds) kinds.add(k)
		}, 100)
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
		// The launch flags that save processes took effect: no zygote, no GPU process, no network service process.
		expect([...kinds].filter(k => k === 'zygote' || k === 'gpu-process' || k === 'utility:NetworkService')).toEqual([])
		expect(kinds.has('renderer')).toBe(true) // the sampler saw the prints
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

	test('the session cookie goes to the print origin only; requests to any other origin or scheme are aborted', async () => {
		const pdf = await printPage(origin.url, '/page', cookie)
		expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-')
		expect(origin.requests.map(r => r.cookie)).toEqual(['ced_session=print-token'])
		expect(other.requests).toEqual([])
	})

	test('a redirect to another origin is not followed, and nothing is printed', async () => {
		await expect(printPage(origin.url, '/redirect', cookie)).rejects.toBeInstanceOf(PrintError)
		await expect(printPage(origin.url, `${other.url}/direct`, cookie)).rejects.toBeInstanceOf(PrintError)
		expect(other.requests).toEqual([])
	})

	test('the print origin is PUBLIC_URL when set, else this server on loopback, whatever the request said', () => {
		expect(printOrigin({ PORT: '4100' })).toBe('http://127.0.0.1:4100')
		expect(printOrigin({ PORT: '4100', HOST: '0.0.0.0' })).toBe('http://127.0.0.1:4100')
		expect(printOrigin({ PORT: '4100', HOST: '::1' })).toBe('http://[::1]:4100')
		expect(printOrigin({ PUBLIC_URL: 'https://exposure.example.com/some/path', PORT: '4100' })).toBe('https://exposure.example.com')
	})
})
