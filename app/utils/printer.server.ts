import { type Browser, chromium } from 'playwright-core'

// The server's PDF printer: one headless Chromium from the operating system (CHROMIUM_PATH), launched on the first
// job and reused; each job gets a fresh context (no shared cookies or cache), holding the session cookie for the
// print origin only; every request to another origin or scheme, sub-resource or redirect, is aborted. Jobs wait in
// a queue: PRINT_CONCURRENCY at a time, PRINT_PER_USER per user and PRINT_QUEUE in all (running or waiting);
// beyond that the caller is told how long to wait.
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
 * Fewer operating-system processes for the same prints (docs/decisions/037, measured with Chromium 156): no zygotes
 * (they exist to fork sandboxed renderers; the printer runs without the sandbox), the GPU and network services inside
 * the browser process, and renderers capped at the print concurrency (a soft cap: each print's context needs its own).
 * One reused browser went from 13 processes at peak to 8 for the same ten prints. `--enable-features` replaces the
 * value Playwright passes, so Playwright's two entries are repeated here.
 */
export const fewerProcessesArgs = (concurrency: number) => [
	'--no-zygote',
	'--in-process-gpu',
	`--renderer-process-limit=${Math.max(1, concurrency)}`,
	'--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies,NetworkServiceInProcess2',
]

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
const g = globalThis as unknown as { __printer?: Promise<Browser> }

function launch(): Promise<Browser> {
	g.__printer ??= chromium
		.launch({
			executablePath: CHROMIUM,
			args: [...BASE_ARGS, ...fewerProcessesArgs(PRINT_LIMITS.concurrency)],
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

/** Closes the shared browser (graceful shutdown, tests). */
export async function closePrinter() {
	const b = g.__printer
	g.__printer = undefined
	await (await b?.catch(() => undefined))?.close()
}

/** Prints `path` of `origin` to an A4 PDF with the given session cookie set for that origin only. */
export async function printPage(origin: string, path: string, cookie: { name: string; value: string }): Promise<Uint8Array> {
	if (process.env.PDF_RENDERER === 'off') throw new PrintError('unavailable', 'PDF printing is switched off on this server.')
	const url = new URL(path, origin)
	if (url.origin !== origin) throw new PrintError('failed', 'The printer prints pages of its own origin only.')
	const context = await (await launch()).newContext({ javaScriptEnabled: false, serviceWorkers: 'block' })
	try {
		await context.addCookies([
			{ name: cookie.name, value: cookie.value, url: origin, httpOnly: true, sameSite: 'Lax', secure: url.protocol === 'https:' },
		])
		// Every request is made here (not by Chromium's own network stack, which would follow redirects unseen), with
		// no redirects: a page of the print origin that redirects anywhere is not printed.
		await context.route('**/*', async route => {
			if (!printerMayFetch(route.request().url(), origin)) return route.abort('blockedbyclient')
			const response = await route.fetch({ maxRedirects: 0 }).catch(() => undefined)
			if (!response || (response.status() >= 300 && response.status() < 400)) return route.abort('blockedbyclient')
			return route.fulfill({ response })
		})
		const page = await context.newPage()
		const res = await page.goto(url.href, { waitUntil: 'load', timeout: 30_000 }).catch(error => {
			throw new PrintError('failed', `The page did not load for printing: ${String(error).split('\n')[0]}`)
		})
		if (!res || res.status() !== 200 || new URL(res.url()).origin !== origin)
			throw new PrintError('failed', `The page did not render for printing (status ${res?.status()}).`)
		await page.emulateMedia({ media: 'print' })
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
	} finally {
		await context.close()
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
