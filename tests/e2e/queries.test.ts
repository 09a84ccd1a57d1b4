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
		await count('/') // fills the score cache and the register's
		const overview = await count('/')
		// The session and its user, and one query for the versions the caches key on (inventory, model, obligations):
		// the duty statuses of the 'due in the next 90 days' panel come from the register's cache.
		expect(overview).toBeLessThanOrEqual(5)
		for (const path of ['/scenarios', '/scenarios/1', '/snapshots', '/snapshots/2026-Q3', '/snapshots/2026-Q3?compare=2024-Q4'])
			expect(await count(path), path).toBeLessThanOrEqual(25)
	})

	test('a duty status change reaches the overview at once: the register cache follows the obligations version', async () => {
		await count('/')
		const due = async () => {
			const res = await fetch(`${app.url}/api/obligations?within=90&status=open`, { headers: { Cookie: cookie } })
			return (await res.json()) as { data: Array<{ id: string; unitCode: string }>; total: number }
		}
		const before = await due()
		const duty = before.data[0]!
		const units = (await (await fetch(`${app.url}/api/units?size=500`, { headers: { Cookie: cookie } })).json()).data as Array<{
			id: number
			code: string
		}>
		const overviewText = async () => {
			const res = await fetch(`${app.url}/`, { headers: { Cookie: cookie } })
			return { text: await res.text(), queries: Number(res.headers.get('x-query-count')) }
		}
		const warm = await overviewText()
		expect(warm.queries).toBeLessThanOrEqual(5)
		// A data request runs the action alone (a document POST would render the register, reading it first).
		const res = await fetch(`${app.url}/obligations?index&_data=routes%2Fobligations._index`, {
			method: 'POST',
			body: new URLSearchParams({
				intent: 'status',
				dutyKey: duty.id,
				unitId: String(units.find(u => u.code === duty.unitCode)!.id),
				status: 'done',
				owner: 'Query test',
				evidenceRef: 'Q-16',
				evidenceOn: new Date().toISOString().slice(0, 10),
				expectedVersion: '0',
			}),
			headers: { Cookie: cookie, Origin: app.url },
			redirect: 'manual',
		})
		expect(res.status).toBeLessThan(400)
		const changed = await overviewText() // the first view after the change
		expect(changed.queries).toBeGreaterThan(warm.queries) // the statuses were read again
		const after = await due()
		expect(after.total).toBe(before.total - 1)
		expect(after.data.map(d => d.id)).not.toContain(duty.id)
		expect(Number(/([\d,]+)(?:<!-- -->)? open duties/.exec(changed.text)?.[1]?.replace(/,/g, ''))).toBe(after.total)
		expect((await overviewText()).queries).toBeLessThanOrEqual(5) // and cached again
	})
})
