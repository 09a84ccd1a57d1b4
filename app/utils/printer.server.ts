import { type Browser, type BrowserContext, chromium, type Page, type Route } from 'playwright-core'
import { log } from './log.server.ts'

// The server's PDF printer: one headless Chromium from the operating system (CHROMIUM_PATH), a single process,
// launched on the first job and reused. Each job is a page of one shared context that holds no cookie: the page's
// own route handler fetches each request of the print origin with that job's session cookie (no redirects, no
// Set-Cookie back) and aborts every request to another origin or scheme. Jobs wait in a queue: PRINT_CONCURRENCY at
// a time, PRINT_PER_USER per user and PRINT_QUEUE in all (running or waiting); beyond that the caller is told how
// long to wait.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const BASE_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-extensions',
]

/**
 * One operating-system process for every print (docs/decisions/038, measured with Chromium 156): the renderer, GPU,
 * network, storage and print-compositor services run as threads of the browser process. Chromium supports this only
 * with one browser context (a context per print hung it), hence one shared context; and only one page at a time
 * (two pages printing side by side crashed it about once in ten prints), hence `pdfTurn`. No zygote either: it
 * exists to fork sandboxed renderers, and there are none to fork.
 */
export const PRINTER_PROCESS_ARGS = ['--single-process', '--no-zygote']

export const PRINT_LIMITS = {
	concurrency: Number(process.env.PRINT_CONCURRENCY ?? 2),
	perUser: Number(process.env.PRINT_PER_USER ?? 3),
	queue: Number(process.env.PRINT_QUEUE ?? 12),
}

/** Why a print did not happen: the printer is switched off or missing, the page failed, or the queue is full. */
export class PrintError extends Error {
	constructor(
		readonly reason: 'unavailable' | 'failed' | 'busy',
		message: string,
		readonly retryAfterSeconds?: number,
	) {
		super(message)
	}
}

/**
 * The origin the printer fetches pages from: PUBLIC_URL when set, else this server on loopback. Never the request's
 * Host, which a client chooses (a request naming another server would make the server fetch it with the cookie).
 */
export function printOrigin(env: Record<string, string | undefined> = process.env): string {
	if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).origin
	const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST
	return `http://${host.includes(':') ? `[${host}]` : host}:${Number(env.PORT ?? 3000)}`
}

/** Only the print origin itself, plus inline data: URLs (images the page embeds); everything else is aborted. */
export function printerMayFetch(url: string, origin: string): boolean {
	if (url.startsWith('data:')) return true
	try {
		return new URL(url).origin === origin
	} catch {
		return false
	}
}

// On globalThis: server.ts (shutdown) and the Remix build are two module graphs that must share one browser.
const g = globalThis as unknown as { __printer?: Promise<Browser>; __printContext?: Promise<BrowserContext>; __printed?: number }

function launch(): Promise<Browser> {
	g.__printer ??= chromium
		.launch({
			executablePath: CHROMIUM,
			args: [...BASE_ARGS, ...PRINTER_PROCESS_ARGS],
			timeout: 20_000,
		})
		.then(
			b => {
				b.on('disconnected', () => (g.__printer = undefined)) // crashed or closed: the next job launches a new one
				return b
			},
			error => {
				g.__printer = undefined
				throw new PrintError(
					'unavailable',
					`The server cannot print PDFs here (no Chromium at ${CHROMIUM}): ${String(error).slice(0, 200)}`,
				)
			},
		)
	return g.__printer
}

/**
 * The one browser context every print's page opens in (so the pages can share a renderer process). It holds no
 * cookies (each page's route handler sends its own print's session, see `printPage`), runs no JavaScript and no
 * service worker; a request no print's page claims is aborted. If it closes (or the browser dies), the next print
 * makes a new one.
 */
function sharedContext(): Promise<BrowserContext> {
	if (g.__printContext) return g.__printContext
	const made: Promise<BrowserContext> = launch()
		.then(b => b.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' }))
		.then(async context => {
			context.on('close', () => {
				if (g.__printContext === made) g.__printContext = undefined
			})
			await context.route('**/*', route => route.abort('blockedbyclient')) // pages' own handlers come first
			return context
		})
	made.catch(() => {
		if (g.__printContext === made) g.__printContext = undefined
	})
	g.__printContext = made
	return made
}

/** A new page in the shared context; if the browser or the context has died unnoticed, in new ones (once). */
async function newPrintPage(): Promise<Page> {
	try {
		return await (await sharedContext()).newPage()
	} catch (error) {
		if (error instanceof PrintError) throw error // no browser to be had
		const [browser, context] = [await g.__printer?.catch(() => undefined), await g.__printContext?.catch(() => undefined)]
		g.__printContext = undefined
		await context?.close().catch(() => undefined)
		if (!browser?.isConnected()) g.__printer = undefined
		return (await sharedContext()).newPage()
	}
}

/** The shared context, for tests (its cookie jar must stay empty). */
export const printContextForTests = () => g.__printContext

/** Closes the shared browser (graceful shutdown, tests). */
export async function closePrinter() {
	const b = g.__printer
	g.__printer = undefined
	g.__printContext = undefined
	g.__printed = 0
	await (await b?.catch(() => undefined))?.close()
}

// Request headers not passed on: the cookie is the print's own; the rest are the connection's (fetch sets them).
const NOT_FORWARDED = new Set(['cookie', 'host', 'connection', 'content-length', 'accept-encoding', 'keep-alive', 'transfer-encoding'])
// Response headers not passed to the page: no cookie may land in the shared context; fetch has decoded the body.
const NOT_RETURNED = new Set(['set-cookie', 'set-cookie2', 'content-encoding', 'content-length', 'transfer-encoding', 'connection'])

/**
 * Fetches one GET of a print's page from the print origin with that print's session cookie and no redirects
 * (a 3xx is not printed: Chromium's own network stack would follow it unseen), and answers the page with it.
 */
async function fetchForPrint(route: Route, cookieHeader: string) {
	const request = route.request()
	if (request.method() !== 'GET' && request.method() !== 'HEAD') return route.abort('blockedbyclient') // a print only reads
	const headers = new Headers()
	for (const [name, value] of Object.entries(request.headers())) if (!NOT_FORWARDED.has(name.toLowerCase())) headers.set(name, value)
	headers.set('cookie', cookieHeader)
	const response = await fetch(request.url(), {
		method: request.method(),
		headers,
		redirect: 'manual',
		signal: AbortSignal.timeout(30_000),
	}).catch(() => undefined)
	if (!response || (response.status >= 300 && response.status < 400)) return route.abort('blockedbyclient')
	const body = Buffer.from(await response.arrayBuffer())
	const answer: Record<string, string> = {}
	response.headers.forEach((value, name) => {
		if (!NOT_RETURNED.has(name)) answer[name] = value
	})
	return route.fulfill({ status: response.status, headers: answer, body })
}

// The single-process browser renders one page at a time; the queue's other running job waits here (its session is
// already made), so it starts the moment the page before it closes.
let pdfTurn: Promise<unknown> = Promise.resolve()

/**
 * Prints `path` of `origin` to an A4 PDF as the holder of `cookie`: a page of the shared context whose every request
 * goes through its own handler, which sends the cookie to `origin` only and aborts any other origin or scheme.
 */
export function printPage(origin: string, path: string, cookie: { name: string; value: string }): Promise<Uint8Array> {
	const turn = pdfTurn.then(async () => {
		try {
			return await printOne(origin, path, cookie).catch(async error => {
				// The single process crashed under this page (about one print in twenty, decision 038): once more in a new one.
				if (!(error instanceof PrintError) || !/has been closed|crash/i.test(error.message)) throw error
				log('warn', 'the printer crashed; printing again in a new browser', { detail: error.message })
				await closePrinter().catch(() => undefined)
				return printOne(origin, path, cookie)
			})
		} finally {
			// A renewed browser every RECYCLE_AFTER prints: its one renderer's memory grows from print to print.
			if ((g.__printed = (g.__printed ?? 0) + 1) >= RECYCLE_AFTER) await closePrinter().catch(() => undefined)
		}
	})
	pdfTurn = turn.catch(() => undefined)
	return turn
}
const RECYCLE_AFTER = 20

async function printOne(origin: string, path: string, cookie: { name: string; value: string }): Promise<Uint8Array> {
	if (process.env.PDF_RENDERER === 'off') throw new PrintError('unavailable', 'PDF printing is switched off on this server.')
	const url = new URL(path, origin)
	if (url.origin !== origin) throw new PrintError('failed', 'The printer prints pages of its own origin only.')
	const cookieHeader = `${cookie.name}=${cookie.value}`
	const page = await newPrintPage()
	try {
		await page.route('**/*', async route => {
			const target = route.request().url()
			const answered = !printerMayFetch(target, origin)
				? route.abort('blockedbyclient')
				: target.startsWith('data:')
					? route.continue()
					: fetchForPrint(route, cookieHeader)
			await answered.catch(() => undefined) // the page may have closed meanwhile
		})
		const res = await page.goto(url.href, { waitUntil: 'load', timeout: 30_000 }).catch(error => {
			throw new PrintError('failed', `The page did not load for printing: ${String(error).split('\n')[0]}`)
		})
		if (!res || res.status() !== 200 || new URL(res.url()).origin !== origin)
			throw new PrintError('failed', `The page did not render for printing (status ${res?.status()}).`)
		await page.emulateMedia({ media: 'print' })
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }).catch(error => {
			throw new PrintError('failed', `The page did not print: ${String(error).split('\n')[0]}`)
		})
	} finally {
		await page.close().catch(() => undefined)
	}
}

// The queue: jobs run in arrival order, `concurrency` at a time.
let running = 0
const waiting: Array<() => void> = []
const perUser = new Map<string, number>()
let recentSeconds = 5 // a running estimate of one job's duration, for Retry-After

/** Runs `job` when a slot is free; refuses at once (PrintError 'busy') when the user or the queue is at its limit. */
export async function enqueuePrint<T>(userKey: string, job: () => Promise<T>): Promise<T> {
	const mine = perUser.get(userKey) ?? 0
	const total = running + waiting.length
	if (mine >= PRINT_LIMITS.perUser || total >= PRINT_LIMITS.queue) {
		const ahead = mine >= PRINT_LIMITS.perUser ? mine : total
		const wait = Math.max(1, Math.ceil((recentSeconds * (ahead + 1)) / PRINT_LIMITS.concurrency))
		throw new PrintError('busy', mine >= PRINT_LIMITS.perUser ? `You already have ${mine} prints under way.` : 'The printer is busy.', wait)
	}
	perUser.set(userKey, mine + 1)
	try {
		if (running >= PRINT_LIMITS.concurrency) await new Promise<void>(resolve => waiting.push(resolve))
		else running++
		const started = Date.now()
		try {
			return await job()
		} finally {
			recentSeconds = recentSeconds * 0.7 + ((Date.now() - started) / 1000) * 0.3
			const next = waiting.shift()
			if (next)
				next() // the slot passes to the next job
			else running--
		}
	} finally {
		const left = (perUser.get(userKey) ?? 1) - 1
		if (left > 0) perUser.set(userKey, left)
		else perUser.delete(userKey)
	}
}
