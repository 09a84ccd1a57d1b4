// The permission map as a test. Every route module in the built server's manifest is found (so a new
// route is covered without anyone remembering), each loader and action is requested as anonymous and
// as every role through the real Remix request handler over a seeded SQLite file, and the answer must
// match models/route-access.ts read through models/permissions.ts:
//   anonymous on a protected page → 302 to /login (the API → 401); signed in without the permission → 403;
//   allowed → anything but 401, 403 or a 5xx.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createCookie, createRequestHandler, type ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closeDb, getDb } from '#db/client.server.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { createSession } from '#db/repositories/sessions.ts'
import { findCredentialsByEmail } from '#db/repositories/users.ts'
import { ROLES, type Role } from '#models/domain.ts'
import { can, type Permission } from '#models/permissions.ts'
import { type Access, ROUTE_ACCESS } from '#models/route-access.ts'
import { seed } from '#seed/index.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { freshMysqlDatabase } from '../e2e/harness.ts'

const SECRET = 'role-matrix-secret-that-is-at-least-32-chars'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ced-matrix-'))
process.env.SESSION_SECRET = SECRET
process.env.LOG_LEVEL = 'silent'
process.env.PDF_RENDERER = 'off' // no HTTP server here for Chromium to print from: the PDF route answers 503, which still proves access

let build: ServerBuild
let handler: ReturnType<typeof createRequestHandler>
const cookies = new Map<Role, string>()

// Both dialects: the built app reads DATABASE_URL when it first needs the pool (a process-wide singleton on
// globalThis, shared with this file), so each dialect closes it and points the variable elsewhere.
const DIALECTS: Array<{ name: string; url: () => Promise<string> }> = [
	{ name: 'sqlite', url: async () => `file:${path.join(dir, 'app.db')}` },
]
if (process.env.TEST_MYSQL_URL) DIALECTS.push({ name: 'mysql', url: () => freshMysqlDatabase(process.env.TEST_MYSQL_URL!, 'matrix') })

// Sample values for dynamic segments, so every URL resolves to a real record where one is needed.
const PARAMS: Record<string, string> = { table: 'units', id: '1', unitId: '1', userId: '1', quarter: '2026-Q3' }

function urlOf(routeId: string) {
	const chain: string[] = []
	for (let r = build.routes[routeId]; r; r = r.parentId ? build.routes[r.parentId] : undefined) if (r.path) chain.unshift(r.path)
	const p = `/${chain.join('/')}`.replace(/:(\w+)/g, (_, name: string) => PARAMS[name] ?? '1').replace(/\/+/g, '/')
	return build.routes[routeId]!.index ? `${p}?index` : p
}

const allowed = (access: Access, role: Role | null) =>
	access === 'public' || (role !== null && (typeof access === 'string' ? can(role, access as Permission) : access.some(p => can(role, p))))

async function useDialect(url: string) {
	await closeDb()
	process.env.DATABASE_URL = url
	const db = getDb()
	await migrateToLatest(db)
	await seed(db, { demo: true, quiet: true })
	const cookie = createCookie('ced_session', { secrets: [SECRET], path: '/', httpOnly: true, sameSite: 'lax' })
	for (const role of ROLES) {
		const demo = DEMO_USERS.find(u => u.role === role)!
		const found = await findCredentialsByEmail(db, demo.email)
		const token = await createSession(db, found!.user.id, { idleMinutes: 30, absoluteHours: 12 })
		cookies.set(role, (await cookie.serialize(token)).split(';')[0]!)
	}
}

beforeAll(async () => {
	build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
	handler = createRequestHandler(build, 'production')
}, 60_000)

afterAll(async () => {
	await closeDb()
	fs.rmSync(dir, { recursive: true, force: true })
})

describe('the route manifest', () => {
	test('every route with a loader or action declares its access, and nothing stale is declared', () => {
		const missing: string[] = []
		for (const [id, route] of Object.entries(build.routes)) {
			const declared = ROUTE_ACCESS[id]
			if (route.module.loader && !declared?.loader) missing.push(`${id} loader`)
			if (route.module.action && !declared?.action) missing.push(`${id} action`)
		}
		expect(missing, 'add these to models/route-access.ts').toEqual([])
		const stale = Object.entries(ROUTE_ACCESS).flatMap(([id, a]) =>
			[
				a.loader && !build.routes[id]?.module.loader ? `${id} loader` : null,
				a.action && !build.routes[id]?.module.action ? `${id} action` : null,
			].filter(Boolean),
		)
		expect(stale).toEqual([])
	})
})

const who: Array<Role | null> = [null, ...ROLES]

describe.each(DIALECTS)('$name: every loader and action, as anonymous and as each role', dialect => {
	beforeAll(async () => useDialect(await dialect.url()), 60_000)
	test('answers as the permission map says', async () => {
		const failures: string[] = []
		let checked = 0
		for (const [id, route] of Object.entries(build.routes)) {
			if (id === 'root') continue // runs with every page; public by design, covered by the pages below
			const access = ROUTE_ACCESS[id]!
			for (const method of ['GET', 'POST'] as const) {
				const rule = method === 'GET' ? access.loader : access.action
				if (!rule || !(method === 'GET' ? route.module.loader : route.module.action)) continue
				const url = `http://localhost${urlOf(id)}`
				for (const role of who) {
					const headers = new Headers({ Origin: 'http://localhost', Host: 'localhost', 'x-client-address': `matrix-${role ?? 'anon'}` })
					if (role) headers.set('Cookie', cookies.get(role)!)
					if (method === 'POST') headers.set('Content-Type', 'application/x-www-form-urlencoded')
					const res = await handler(new Request(url, { method, headers, body: method === 'POST' ? '' : undefined, redirect: 'manual' }))
					const status = res.status
					const isApi = new URL(url).pathname.startsWith('/api/')
					const ok = allowed(rule, role)
					const label = `${method} ${urlOf(id)} as ${role ?? 'anonymous'} → ${status}`
					checked++
					if (ok) {
						if (status === 401 || status === 403 || (status >= 500 && !(status === 503 && id.endsWith('[.pdf]'))))
							failures.push(`${label}: expected to be allowed`)
					} else if (role === null) {
						const loginRedirect = status === 302 && (res.headers.get('Location') ?? '').startsWith('/login')
						if (isApi ? status !== 401 : !loginRedirect) failures.push(`${label}: expected ${isApi ? '401' : 'a redirect to /login'}`)
					} else if (status !== 403) failures.push(`${label}: expected 403`)
				}
			}
		}
		expect(failures).toEqual([])
		expect(checked).toBeGreaterThan(100)
	}, 120_000)
})
