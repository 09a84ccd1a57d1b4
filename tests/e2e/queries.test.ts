// No query per row: the number of queries a page makes does not grow with the rows it shows. The server
// reports each request's count in X-Query-Count (db/query-count.ts); pages are compared at two sizes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { demoCode, e2eDialects, type RunningApp, startApp } from './harness.ts'

describe('queries per request (SQLite)', () => {
	let app: RunningApp
	let cookie: string
	const analyst = DEMO_USERS.find(u => u.role === 'analyst')!
	const count = async (path: string) => {
		const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie } })
		await res.text()
		expect(res.status, path).toBe(200)
		return Number(res.headers.get('x-query-count'))
	}

	beforeAll(async () => {
		app = await startApp(await e2eDialects()[0]!.databaseUrl())
		const res = await fetch(`${app.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: analyst.email, password: analyst.password, code: await demoCode(analyst.email, app.url) }),
			headers: { Origin: app.url },
			redirect: 'manual',
		})
		cookie = res.headers.get('set-cookie')!.split(';')[0]!
	})
	afterAll(async () => {
		await app?.stop()
	})

	test('list pages make the same number of queries for 5 rows as for 200', async () => {
		for (const table of ['units', 'systems', 'flows', 'staffing', 'destinations']) {
			await count(`/${table}?size=5`) // fills the caches a list may read (flows: the scored portfolio's statuses)
			const few = await count(`/${table}?size=5`)
			const many = await count(`/${table}?size=200`)
			expect(many, table).toBe(few)
			expect(few, table).toBeLessThanOrEqual(12)
		}
	})

	test('the overview, a unit page, scenarios and snapshots: a fixed, small number of queries', async () => {
		const units = (await (await fetch(`${app.url}/api/units?size=500`, { headers: { Cookie: cookie } })).json()).data as Array<{
			id: number
			code: string
		}>
		const small = units.find(u => u.code === 'BU-BJ-REP')!
		const large = units.find(u => u.code === 'BU-SH-BANK')!
		await count(`/units/${small.id}`) // keeps the parsed model version
		expect(await count(`/units/${large.id}`)).toBe(await count(`/units/${small.id}`))
		await count('/') // fills the score cache
		const overview = await count('/')
		// The session and its user, one query for the score-cache key, and (since the obligations register) two for the
		// duty statuses of the 'due in the next 90 days' panel, read on every view: a fixed number whatever the size.
		expect(overview).toBeLessThanOrEqual(7)
		for (const path of ['/scenarios', '/scenarios/1', '/snapshots', '/snapshots/2026-Q3', '/snapshots/2026-Q3?compare=2024-Q4'])
			expect(await count(path), path).toBeLessThanOrEqual(25)
	})
})
