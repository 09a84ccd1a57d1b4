// Real parts for browser tests: the built app served by server.ts on a free port over a fresh
// database (SQLite file, or a MariaDB database when TEST_MYSQL_URL is set), and Debian's Chromium
// driven by playwright-core. No browser is ever downloaded.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { sql } from 'kysely'
import { totpCode } from '#app/utils/totp.server.ts'
import { createDb } from '#db/client.server.ts'
import { mfaSecretKey } from '#db/sealed-secret.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { freePort } from '../support/free-port.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ARTIFACTS = path.resolve('tests/artifacts')
/** The Node flags `npm start` gives the server (package.json): a young generation large enough for scoring. */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=128']

export interface E2eDialect {
	name: 'sqlite' | 'mysql'
	databaseUrl: () => Promise<string>
}

export function e2eDialects(): E2eDialect[] {
	const list: E2eDialect[] = [
		{ name: 'sqlite', databaseUrl: async () => `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ced-e2e-')), 'app.db')}` },
	]
	const mysql = process.env.TEST_MYSQL_URL
	if (mysql) list.push({ name: 'mysql', databaseUrl: () => freshMysqlDatabase(mysql, 'e2e') })
	return list
}

/** Drops and recreates `<db>_<suffix>` next to the test database and returns its URL. */
export async function freshMysqlDatabase(baseUrl: string, suffix: string) {
	const u = new URL(baseUrl)
	const name = `${u.pathname.slice(1)}_${suffix}`
	u.pathname = '/'
	const admin = createDb(u.toString())
	try {
		await sql.raw(`DROP DATABASE IF EXISTS \`${name}\``).execute(admin.db)
		await sql.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`).execute(admin.db)
	} finally {
		await admin.db.destroy()
	}
	u.pathname = `/${name}`
	return u.toString()
}

export interface RunningApp {
	url: string
	databaseUrl: string
	process: ChildProcess
	output: () => string
	stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

/** Starts server.ts (migrate, seed the demo group, serve) and waits for /healthz. */
export async function startApp(databaseUrl: string, env: Record<string, string> = {}, startTimeoutMs = 90_000): Promise<RunningApp> {
	// The free port is found, then released for the server: another process may take it in between. Then the
	// server exits with EADDRINUSE (and a health check could even reach the other process): try another port.
	for (let attempt = 1; ; attempt++) {
		try {
			const app = await startAppOnce(databaseUrl, env, startTimeoutMs)
			await new Promise(r => setTimeout(r, 150))
			if (app.process.exitCode !== null) throw new Error(`server exited with ${app.process.exitCode}:\n${app.output()}`)
			return app
		} catch (error) {
			if (attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error
		}
	}
}

async function startAppOnce(databaseUrl: string, env: Record<string, string>, startTimeoutMs: number): Promise<RunningApp> {
	const port = await freePort()
	let output = ''
	const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_URL: databaseUrl,
			NODE_ENV: 'production',
			INSECURE_COOKIES: '1',
			SESSION_SECRET: 'e2e-secret-that-is-at-least-32-characters-long',
			// The key this process seals with too (data/mfa-secret-key unless set), so that a database seeded here (the
			// bench's scale databases) opens in the app; production on MySQL requires one in the environment.
			MFA_SECRET_KEY: mfaSecretKey().toString('base64'),
			LOG_LEVEL: process.env.E2E_LOG ? 'info' : 'silent',
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	child.stdout?.on('data', d => (output += d))
	child.stderr?.on('data', d => (output += d))
	const url = `http://127.0.0.1:${port}`
	const deadline = Date.now() + startTimeoutMs
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
		try {
			const res = await fetch(`${url}/healthz`)
			// Ours, not a stranger on a reused port: the server logs its start line before it listens.
			if (res.ok && child.exitCode === null) break
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL')
			throw new Error(`server did not answer /healthz within ${startTimeoutMs / 1000} s:\n${output}`)
		}
		await new Promise(r => setTimeout(r, 250))
	}
	return {
		url,
		databaseUrl,
		process: child,
		output: () => output,
		stop: (signal = 'SIGTERM') =>
			new Promise(resolve => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
				child.once('exit', code => resolve(code))
				child.kill(signal)
			}),
	}
}

export interface Browser {
	context: BrowserContext
	newPage: () => Promise<Page>
	close: () => Promise<void>
}

/** A fresh Chromium profile; every page fails the test on an uncaught page error. */
export async function launchBrowser(options: { bypassCSP?: boolean } = {}): Promise<Browser> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ced-chromium-'))
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		bypassCSP: options.bypassCSP ?? false,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	})
	const pageErrors: string[] = []
	return {
		context,
		newPage: async () => {
			const page = await context.newPage()
			page.on('pageerror', e => pageErrors.push(e.message))
			return page
		},
		close: async () => {
			await context.close()
			fs.rmSync(dir, { recursive: true, force: true })
			if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join(' | ')}`)
		},
	}
}

export async function screenshot(page: Page, name: string) {
	fs.mkdirSync(ARTIFACTS, { recursive: true })
	await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/**
 * A code of an unused time step for `secret`. The server accepts each step once per account (a replay is refused), so
 * the harness hands out steps in order: the window's earliest that is later than the last one it gave (the server
 * accepts one step either side of now), and waits for the clock when all three are spent: an account signs in at
 * most three times at once, then once every 30 s. Kept per server (`baseUrl`) and secret.
 */
const lastStepOf = new Map<string, number>()
const STEP_MS = 30_000
/** The step `unusedCode` would hand out now, and whether it is in the server's window yet. */
function nextStep(key: string, now = Date.now()) {
	const lowest = Math.floor((now + 3_000) / STEP_MS) - 1 // 3 s of margin: the step must still be in the window on arrival
	const highest = Math.floor(now / STEP_MS) + 1
	const step = Math.max(lowest, (lastStepOf.get(key) ?? -Infinity) + 1)
	return { step, ready: step <= highest }
}

export async function unusedCode(secret: string, baseUrl = '') {
	const key = `${baseUrl} ${secret}`
	for (;;) {
		const now = Date.now()
		const { step, ready } = nextStep(key, now)
		if (ready) {
			lastStepOf.set(key, step)
			return totpCode(secret, new Date(step * STEP_MS))
		}
		await new Promise(r => setTimeout(r, (step - 1) * STEP_MS - now + 50))
	}
}

/** Whether a demo account can sign in on `baseUrl` now without waiting for the clock. */
function codeReady(email: string, baseUrl: string) {
	const secret = DEMO_USERS.find(u => u.email === email.trim().toLowerCase())?.totpSecret
	return !secret || nextStep(`${baseUrl} ${secret}`).ready
}

/**
 * An unused authenticator code of a demo account on the server at `baseUrl` (its TOTP secret is in the seed and the
 * README), or '' for others.
 */
export async function demoCode(email: string, baseUrl = '') {
	const secret = DEMO_USERS.find(u => u.email === email.trim().toLowerCase())?.totpSecret
	return secret ? unusedCode(secret, baseUrl) : ''
}

/** The last session each account got through `signIn`, by server and email. */
const pageSessions = new Map<string, { name: string; value: string }>()

/**
 * Signs in from a clean cookie jar and waits until the signed-in shell has rendered: the password, then the
 * authenticator code the page asks for (computed from the demo account's secret). When the account's codes of the
 * moment are spent (a code is accepted once), its last session from here is used again if it is still open, rather
 * than waiting up to 30 s for the next code.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
	const key = `${baseUrl} ${email.trim().toLowerCase()}`
	const signOut = page.getByRole('button', { name: 'Sign out' })
	await page.context().clearCookies()
	const last = pageSessions.get(key)
	if (last && !codeReady(email, baseUrl)) {
		await page.context().addCookies([{ ...last, url: baseUrl }])
		await page.goto(`${baseUrl}/login`) // a signed-in user is sent home
		if (!new URL(page.url()).pathname.startsWith('/login')) return signOut.waitFor()
		await page.context().clearCookies()
	}
	await page.goto(`${baseUrl}/login`)
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Sign in' }).click()
	const code = page.getByLabel('Authentication code')
	await code.or(signOut).first().waitFor()
	if (await code.isVisible()) {
		await code.fill(await demoCode(email, baseUrl))
		await page.getByRole('button', { name: 'Verify' }).click()
	}
	await page.waitForURL(u => !u.pathname.startsWith('/login'))
	await signOut.waitFor()
	const session = (await page.context().cookies(baseUrl)).find(c => c.name === 'ced_session')
	if (session) pageSessions.set(key, { name: session.name, value: session.value })
}

/** Secrets of accounts the harness enrolled itself (a test's new user), by server and email. */
const enrolledSecrets = new Map<string, string>()

/** An unused code for an account: a demo account's seeded secret, or one the harness enrolled on this server. */
export function codeFor(baseUrl: string, email: string) {
	const secret = enrolledSecrets.get(`${baseUrl} ${email.trim().toLowerCase()}`)
	return secret ? unusedCode(secret, baseUrl) : demoCode(email, baseUrl)
}

/**
 * Signs in over HTTP (no browser) and returns the session cookie as `name=value`: email, password and the current
 * code in one request; an account whose role needs a second factor it has not set up is enrolled as a person would
 * (the key from the page, a code from it), and the harness keeps that key for its next sign-in. Codes are spent per
 * database, not per server: instances sharing one database share `codeScope` (a code accepted by one is refused by all).
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string, codeScope = baseUrl) {
	const post = (form: Record<string, string>, cookie = '') =>
		fetch(`${baseUrl}/login`, {
			method: 'POST',
			body: new URLSearchParams(form),
			headers: { Origin: baseUrl, ...(cookie ? { Cookie: cookie } : {}) },
			redirect: 'manual',
		})
	const sessionOf = (res: Response) =>
		res.headers
			.getSetCookie()
			.find(c => c.startsWith('ced_session=') && !c.startsWith('ced_session=;'))
			?.split(';')[0]
	let res = await post({ email, password, code: await codeFor(codeScope, email) })
	if (res.status === 200) {
		const key = /class="mfa-secret">([A-Z2-7 ]+)</.exec(await res.text())?.[1]?.replace(/ /g, '')
		const pending = res.headers
			.getSetCookie()
			.find(c => c.startsWith('ced_pending='))
			?.split(';')[0]
		if (!key || !pending) throw new Error(`sign-in of ${email}: neither signed in nor asked to enrol`)
		enrolledSecrets.set(`${codeScope} ${email.trim().toLowerCase()}`, key)
		res = await post({ intent: 'enrol', code: await unusedCode(key, codeScope) }, pending)
	}
	const session = sessionOf(res)
	if (!session || (res.status !== 302 && res.status !== 200)) throw new Error(`sign-in of ${email} answered ${res.status}`)
	return session
}

/** A plain HTTP listener on a free loopback port that records every request it gets (a stranger's server in tests). */
export async function startListener(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
	const requests: Array<{ method: string; url: string; host: string; cookie: string }> = []
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '', cookie: req.headers.cookie ?? '' })
		answer(req, res)
	})
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as net.AddressInfo
	return {
		url: `http://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		requests,
		// Kept-alive connections (the printer's fetches keep theirs) would hold close() open: end them too.
		close: () => new Promise<void>(r => (server.close(() => r()), server.closeAllConnections())),
	}
}

/** The Chromium processes below a process (the server): all of them, and the browsers among them (no --type=). */
export function chromiumProcessesOf(rootPid: number) {
	const rows = fs
		.readdirSync('/proc')
		.filter(d => /^\d+$/.test(d))
		.flatMap(pid => {
			try {
				const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
				const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
				const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
				const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
				return [{ pid: Number(pid), ppid, cmd, rssKb: rss }]
			} catch {
				return []
			}
		})
	const below = new Set([rootPid])
	for (let grew = true; grew;) {
		grew = false
		for (const r of rows) if (!below.has(r.pid) && below.has(r.ppid)) (below.add(r.pid), (grew = true))
	}
	// Zygotes rewrite their command line into one space-separated string: look for --type= anywhere in it.
	const chromium = rows.filter(r => r.pid !== rootPid && below.has(r.pid) && /chrom/i.test(r.cmd[0] ?? ''))
	// A browser is the root of a Chromium tree. A child between fork and exec still shows its parent's command line
	// (renderers are forked straight from the browser without a zygote), so it is not counted as one.
	const chromiumPids = new Set(chromium.map(r => r.pid))
	const browsers = chromium.filter(r => !r.cmd.join(' ').includes('--type=') && !chromiumPids.has(r.ppid))
	// Each process's kind: 'browser', 'renderer', 'zygote', 'gpu-process', 'utility:NetworkService'...
	const kinds = chromium.map(r => {
		const cmd = r.cmd.join(' ')
		const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? (chromiumPids.has(r.ppid) ? 'starting' : 'browser') // 'starting': forked, not yet exec'd
		const service = /--utility-sub-type=[\w.]*?(\w+)(?:\s|$)/.exec(cmd)?.[1]
		return service ? `${type}:${service}` : type
	})
	return {
		all: chromium.length,
		browsers: browsers.length,
		browserPids: browsers.map(r => r.pid),
		kinds,
		rssMb: Math.round(chromium.reduce((s, r) => s + r.rssKb, 0) / 1024),
	}
}
