// The HTTP server: security headers with a CSP nonce, CSRF origin check, body limits, request ids,
// JSON logs, static files, the Remix handler, and a graceful shutdown. `npm start` runs this file.
import { execSync } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { getSessionSecret, secureCookies } from './app/utils/env.server.ts'
import { closePrinter, printOrigin } from './app/utils/printer.server.ts'
import { startJobRunner } from './app/utils/job-runner.server.ts'
import { JOB_HANDLERS } from './app/services/job-handlers.server.ts'
import { requestSystemJob } from './app/services/jobs.server.ts'
import { countMissingTrendPoints } from './db/repositories/snapshots.ts'
import { countMissingFrozenViews } from './app/utils/snapshot.server.ts'
import { log, requestStore } from './app/utils/log.server.ts'
import { closeDb, getDbContext } from './db/client.server.ts'
import { migrateToLatest } from './db/migrate.ts'
import { sealPlainSecrets } from './db/repositories/mfa.ts'
import { mfaSecretKey } from './db/sealed-secret.ts'
import { withStartupLock } from './db/startup-lock.ts'
import { seedIfEmpty } from './seed/index.ts'

const PORT = Number(process.env.PORT ?? 3000)
const HOST = process.env.HOST ?? '0.0.0.0'
const production = process.env.NODE_ENV === 'production'
const BODY_LIMIT_BYTES = Number(process.env.BODY_LIMIT_BYTES ?? 12 * 1024 * 1024) // a CSV import of ~20,000 rows fits

/** Rebuilds when any source file is newer than the build (a fresh clone has none). */
function ensureBuild() {
	const built = 'build/index.js'
	const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0
	const newest = (dir: string): number =>
		fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
			const p = path.join(dir, e.name)
			return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)
		}, 0)
	const sources = Math.max(...['app', 'db', 'models', 'seed'].map(newest), fs.statSync('remix.config.js').mtimeMs)
	if (sources > builtAt) {
		log('info', 'building the app (sources are newer than the build)')
		execSync('npx remix build', { stdio: 'inherit' })
	}
}

function securityHeaders(nonce: string) {
	return {
		'Content-Security-Policy': [
			"default-src 'self'",
			`script-src 'self' 'nonce-${nonce}'`,
			"style-src 'self' 'unsafe-inline'", // recharts sets style attributes; scripts stay nonce-only
			"img-src 'self' data:",
			"font-src 'self'",
			"connect-src 'self'",
			"object-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
			"frame-ancestors 'none'",
		].join('; '),
		'X-Content-Type-Options': 'nosniff',
		'X-Frame-Options': 'DENY',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
		...(secureCookies() ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
	}
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/** A state-changing request must come from a page of this origin (Origin, else Referer). */
function sameOrigin(req: express.Request) {
	const expected = `${req.protocol}://${req.get('host')}`
	const origin = req.get('origin')
	if (origin) return origin === expected
	const referer = req.get('referer')
	return !!referer && (referer === expected || referer.startsWith(expected + '/'))
}

function refuse(req: express.Request, res: express.Response, status: number, message: string) {
	const wantsJson = req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json'
	res.status(status)
	if (wantsJson) res.json({ error: message, requestId: res.locals.requestId })
	else
		res
			.type('html')
			.send(
				`<!doctype html><meta charset="utf-8"><title>${status}</title><main style="font-family:system-ui;max-width:40rem;margin:4rem auto"><h1>${status}</h1><p>${message}</p><p><small>Request id ${res.locals.requestId}</small></p><p><a href="/">Back to the dashboard</a></p></main>`,
			)
}

export async function createServer() {
	ensureBuild()
	const ctx = getDbContext()
	// Instances starting together (several behind a load balancer) migrate and seed one at a time.
	mfaSecretKey() // a missing or malformed key stops the start here, not at someone's sign-in
	const { seeded, sealed } = await withStartupLock(ctx, async () => {
		await migrateToLatest(ctx.db)
		return { seeded: await seedIfEmpty(ctx.db), sealed: await sealPlainSecrets(ctx.db) }
	})
	if (sealed) log('info', 'sealed second-factor secrets stored in plain text', { count: sealed })
	log('info', seeded ? 'database was empty: seeded the demo group' : 'database ready', { database: ctx.describe })

	const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
	const app = express()
	app.disable('x-powered-by')
	if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY)

	app.use((req, res, next) => {
		const requestId = randomUUID()
		const store: { requestId: string; queries?: number; databaseDown?: boolean } = { requestId }
		const nonce = randomBytes(16).toString('base64')
		req.headers['x-request-id'] = requestId // Remix loaders read it from the Request
		req.headers['x-client-address'] = req.ip ?? req.socket.remoteAddress ?? 'unknown' // overwrites anything a client sent; login throttling keys on it
		res.locals.requestId = requestId
		res.locals.nonce = nonce
		res.set({ 'X-Request-Id': requestId, ...securityHeaders(nonce) })
		const writeHead = res.writeHead
		res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
			if (!this.headersSent) {
				// Loaders and actions have run when the head goes out: the number of queries this request made (the
				// N+1 test reads it).
				this.setHeader('X-Query-Count', String(store.queries ?? 0))
				// A response sent before the body was read (a 413 mid-upload): close the socket, or the unread
				// bytes would be taken for the next request on it.
				if (!req.complete) this.setHeader('Connection', 'close')
			}
			return writeHead.apply(this, args)
		} as typeof writeHead
		const started = process.hrtime.bigint()
		res.on('finish', () => {
			const ms = Number(process.hrtime.bigint() - started) / 1e6
			if (!req.path.startsWith('/build/'))
				requestStore.run({ requestId }, () =>
					log(res.statusCode >= 500 ? 'error' : 'info', 'request', {
						method: req.method,
						path: req.path,
						status: res.statusCode,
						ms: Math.round(ms * 10) / 10,
						queries: store.queries ?? 0,
					}),
				)
		})
		requestStore.run(store, next)
	})

	app.use((req, res, next) => {
		if (!UNSAFE_METHODS.has(req.method)) return next()
		if (!sameOrigin(req))
			return refuse(req, res, 403, 'This request did not come from a page of this site (Origin check), so it was refused.')
		const length = req.get('content-length')
		if (length === undefined && req.get('transfer-encoding')) return refuse(req, res, 411, 'Send the request with a Content-Length.')
		if (Number(length ?? 0) > BODY_LIMIT_BYTES)
			return refuse(req, res, 413, `The request is larger than ${Math.round(BODY_LIMIT_BYTES / 1024 / 1024)} MB.`)
		// Every action reads a form: another body type is refused here, not left to fail in request.formData().
		if ((Number(length ?? 0) > 0 || req.get('transfer-encoding')) && !FORM_TYPES.some(t => req.is(t)))
			return refuse(req, res, 415, 'Send a form (application/x-www-form-urlencoded or multipart/form-data).')
		next()
	})

	// zlib level 3 instead of the default 6: on the overview's HTML it is 3x faster for ~10% more bytes, and
	// compressing is the largest single cost of serving a page at scale (profiled).
	app.use(compression({ level: 3 }))
	app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
	app.use(express.static('public', { maxAge: '1h' }))
	// The standard adapter. What it does not do is done by Remix's hooks in app/entry.server.tsx (the request id in
	// error data, a lost database thrown on to the error handler below, unread bodies read before an early answer) and
	// by the middleware above (request id, nonce, query count, Origin and body checks).
	app.all(
		'*',
		createRequestHandler({
			build,
			mode: production ? 'production' : build.mode,
			getLoadContext: (_req, res) => ({ cspNonce: res.locals.nonce, requestId: res.locals.requestId }),
		}),
	)
	// The server's own error answer (Express's default shows a stack trace and absolute paths outside production): a
	// client's mistake (a malformed URL or Host, 400) is said plainly and logged as info; a lost database (entry.server's
	// handleError throws it on, marked 503) asks to try again; anything else is a logged 500.
	app.use(async (error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
		const status = errorStatus(error)
		if (status === 500) log('error', 'unhandled error', { method: req.method, path: req.path, error })
		if (res.headersSent) return res.destroy()
		// An answer before the body was read (the session lookup failed, say): read the rest first, so the client gets
		// the answer instead of a broken pipe. Bodies are capped at BODY_LIMIT_BYTES above.
		if (!req.complete) await drain(req)
		if (status === 503) res.set('Retry-After', '5')
		refuse(
			req,
			res,
			status,
			status === 503
				? 'The database is not answering. Nothing was saved by this request; try again in a few seconds.'
				: status >= 500
					? 'Something went wrong on the server. Nothing more is shown here; the request id finds it in the log.'
					: 'The request could not be understood (a malformed address or header).',
		)
	})
	return app
}

/**
 * The status an error answers with: a 4xx that Express or its middleware set (`status`), a malformed address (the
 * adapter's `new URL` fails: ERR_INVALID_URL) as 400, a lost database (marked 503 by entry.server) as 503, else 500.
 */
function errorStatus(error: unknown) {
	const e = error as { status?: unknown; statusCode?: unknown; code?: unknown } | null
	if (e?.code === 'ERR_INVALID_URL') return 400
	const status = Number(e?.status ?? e?.statusCode)
	return (status >= 400 && status < 500) || status === 503 ? status : 500
}

async function main() {
	getSessionSecret() // fail fast without a secret where one is required; say so when a local one is generated
	const app = await createServer()
	const server = app.listen(PORT, HOST, () => {
		log('info', `China Exposure Dashboard on http://localhost:${PORT}`)
		// The first page a server renders pays for compiling React's rendering path: the sign-in page (public, no side
		// effect) is rendered once now, from this server's own fixed loopback address, so the first reader does not pay.
		void fetch(new URL('/login', printOrigin({ ...process.env, PUBLIC_URL: undefined })))
			.then(r => r.arrayBuffer())
			.catch(() => undefined)
	})
	const jobs =
		process.env.JOBS === 'off'
			? null
			: startJobRunner(getDbContext().db, JOB_HANDLERS, {
					workerUrl: new URL('./app/utils/job-worker.server.ts', import.meta.url),
				})
	await queueStartupJobs().catch(error => log('warn', 'could not queue the start-up jobs', { error }))

	// SIGTERM: stop accepting, let in-flight requests finish, close the pool, exit 0 within 10 s.
	let stopping = false
	const stop = (signal: string) => {
		if (stopping) return
		stopping = true
		log('info', `${signal}: shutting down`)
		const force = setTimeout(() => {
			log('warn', 'in-flight requests did not finish in 9 s: closing them')
			server.closeAllConnections()
		}, 9_000)
		force.unref()
		server.close(async () => {
			await jobs?.stop().catch(error => log('warn', 'stopping the job runner failed', { error }))
			await closePrinter().catch(error => log('warn', 'closing the printer failed', { error }))
			await closeDb().catch(error => log('error', 'closing the database failed', { error }))
			log('info', 'stopped')
			process.exit(0)
		})
		server.closeIdleConnections()
	}
	process.on('SIGTERM', () => stop('SIGTERM'))
	process.on('SIGINT', () => stop('SIGINT'))
}

/**
 * Derived data the code of this start has not derived yet (after a change of the scoring rules: every quarter's trend
 * point and board view) is derived by a background job, queued once across every instance, instead of inside the first request.
 */
async function queueStartupJobs() {
	const { db } = getDbContext()
	if ((await countMissingTrendPoints(db)) > 0) await requestSystemJob(db, 'trend.derive')
	if ((await countMissingFrozenViews(db)) > 0) await requestSystemJob(db, 'snapshot.views')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch(error => {
		log('error', 'failed to start', { error })
		process.exit(1)
	})
}

function drain(req: express.Request) {
	return new Promise<void>(resolve => {
		const done = () => resolve()
		req.once('end', done)
		req.once('close', done)
		req.once('error', done)
		req.resume()
		setTimeout(done, 10_000).unref()
	})
}
