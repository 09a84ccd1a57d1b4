// Issue 9: hostile input, bounded. Generated malformed CSV files and form posts against the running
// server: never a 500, always a message that names the problem, the database unchanged. And on SQLite,
// a SIGKILL in the middle of a large import leaves all of it or none.
import fs from 'node:fs'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { mulberry32 } from '#models/random.ts'
import { demoCode, e2eDialects, type RunningApp, startApp } from './harness.ts'

const SYSTEM_HEADER = [
	'code',
	'unit_code',
	'name',
	'mlps_level',
	'graded_on',
	'filed_on',
	'last_assessed_on',
	'technologies',
	'holds_personal_data',
	'holds_important_data',
	'holds_source_code',
]
const CASES = Number(process.env.FUZZ_CASES ?? 1500)

const NASTY = [
	'=CMD()',
	'+1+1',
	'@SUM(A1)',
	'-2+3',
	'"unclosed',
	'a"b',
	'',
	' ',
	'\u0000',
	'\uFEFF',
	'𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
	'上海',
	'x'.repeat(5000),
	'1e309',
	'-1',
	'99999999999999999999',
	'yes',
	'maybe',
	'2026-02-30',
	'2026-1-1',
	'DROP TABLE business_unit;--',
	'<script>alert(1)</script>',
	'\r\n',
	',,,',
	'BU-SH-BANK',
	'SYS-NONE',
]

/** A CSV that is wrong in one or more generated ways, as bytes (some are not UTF-8 at all). */
function hostileCsv(r: () => number): Buffer {
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
	const kind = Math.floor(r() * 8)
	let header = [...SYSTEM_HEADER]
	if (kind === 0) header = header.filter((_, i) => i !== Math.floor(r() * header.length)) // a required column missing
	if (kind === 1) header.push(pick(['extra', 'password', 'code'])) // unknown or duplicate column
	const rows: string[][] = []
	const n = 1 + Math.floor(r() * 6)
	for (let i = 0; i < n; i++) {
		const row = SYSTEM_HEADER.map(() => pick(NASTY))
		row[0] = kind === 2 ? 'DUP-1' : `FZ-${Math.floor(r() * 1e9)}`
		if (kind === 3) row.length = Math.floor(r() * row.length) // ragged
		rows.push(row)
	}
	const quote = (c: string) => (kind === 4 && r() < 0.3 ? `"${c}` : /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)
	let text = [header, ...rows].map(row => row.map(quote).join(',')).join(pick(['\n', '\r\n', '\r']))
	if (kind === 5) text = text.slice(0, Math.floor(r() * text.length)) // truncated
	const bytes = Buffer.from(text)
	if (kind === 6) return Buffer.concat([bytes.subarray(0, 20), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), bytes.subarray(20)]) // invalid UTF-8
	if (kind === 7) return Buffer.from(text, 'latin1').length ? Buffer.from(`${text}\n`.replace(/上海/g, '\u00e9'), 'latin1') : bytes
	return bytes
}

/** A form post with wrong types, huge strings, missing and unknown fields. */
function hostileForm(r: () => number) {
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
	const form = new URLSearchParams()
	for (const name of [
		'code',
		'name',
		'segment',
		'legal_entity_type',
		'city',
		'sector',
		'is_ciio',
		'china_revenue_rmb',
		'prior_year_global_turnover_rmb',
		'intent',
		'zzz',
	]) {
		if (r() < 0.2) continue
		form.append(name, pick(NASTY))
		if (r() < 0.1) form.append(name, pick(NASTY)) // a repeated key
	}
	return form
}

describe.each(e2eDialects())('$name: hostile input', dialect => {
	let app: RunningApp
	let db: Kysely<Database>
	let cookie: string
	const analyst = DEMO_USERS.find(u => u.role === 'analyst')!
	const counts = async () =>
		Object.fromEntries(
			await Promise.all(
				(['business_unit', 'info_system', 'audit_event'] as const).map(async t => [
					t,
					Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0]!.n),
				]),
			),
		)

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		db = createDb(app.databaseUrl).db
		const res = await fetch(`${app.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: analyst.email, password: analyst.password, code: await demoCode(analyst.email, app.url) }),
			headers: { Origin: app.url },
			redirect: 'manual',
		})
		cookie = res.headers.get('set-cookie')!.split(';')[0]!
	})
	afterAll(async () => {
		await db?.destroy()
		await app?.stop()
	})

	test(`${CASES} generated malformed CSV files: a 4xx naming the problem every time, nothing written`, async () => {
		const before = await counts()
		const r = mulberry32(20261123)
		const statuses = new Map<number, number>()
		for (let i = 0; i < CASES; i++) {
			const bytes = hostileCsv(r)
			const body = new FormData()
			body.set('intent', r() < 0.5 ? 'preview' : 'commit')
			if (body.get('intent') === 'preview') body.set('file', new Blob([new Uint8Array(bytes)]), `fuzz-${i}.csv`)
			else body.set('csv', bytes.toString('utf8'))
			const res = await fetch(`${app.url}/inventory/systems/import?_data=${encodeURIComponent('routes/inventory.$table.import')}`, {
				method: 'POST',
				body,
				headers: { Origin: app.url, Cookie: cookie },
			})
			statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
			const text = await res.text()
			if (res.status >= 500) throw new Error(`case ${i}: ${res.status} ${text.slice(0, 300)}`)
			if (res.status === 200) {
				// Valid by chance: a preview, never a write, unless every row really was valid.
				expect(JSON.parse(text).stage, `case ${i}`).toMatch(/preview|done/)
				continue
			}
			const data = JSON.parse(text)
			const first = data.errors?.[0]
			expect(first?.message ?? data.message, `case ${i}`).toMatch(/\w{3,}/)
			if (first) expect(first.line, `case ${i}`).toBeGreaterThanOrEqual(1)
		}
		const after = await counts()
		// Commits of by-chance valid files are the only writes allowed; generated files always have a bad cell.
		expect(after).toEqual(before)
		expect(statuses.get(400)).toBeGreaterThan(CASES * 0.9)
	}, 300_000)

	test(`${CASES} generated malformed form posts: 400 with field messages, nothing written, no 500`, async () => {
		const before = await counts()
		const r = mulberry32(7)
		for (let i = 0; i < CASES; i++) {
			const form = hostileForm(r)
			const path = r() < 0.5 ? '/inventory/units/new' : '/inventory/units/1'
			const res = await fetch(
				`${app.url}${path}?_data=${encodeURIComponent(path.endsWith('new') ? 'routes/inventory.$table.new' : 'routes/inventory.$table.$id')}`,
				{
					method: 'POST',
					body: form,
					headers: { Origin: app.url, Cookie: cookie },
					redirect: 'manual',
				},
			)
			const text = await res.text()
			if (res.status >= 500) throw new Error(`case ${i} ${path}: ${res.status} ${text.slice(0, 300)} for ${form}`)
			expect([400, 404], `case ${i} ${path}: ${text.slice(0, 200)}`).toContain(res.status)
			const data = JSON.parse(text)
			expect(Object.keys(data.errors ?? { message: data.message }).length, `case ${i}`).toBeGreaterThan(0)
		}
		expect(await counts()).toEqual(before)
	}, 300_000)

	test('the CSV export escapes cells a spreadsheet would run', async () => {
		const body = new FormData()
		body.set('intent', 'commit')
		body.set(
			'csv',
			[SYSTEM_HEADER.join(','), 'FZ-FORMULA,BU-SH-BANK,"=HYPERLINK(""http://evil.example"",""click"")",2,,,,,yes,no,no'].join('\n'),
		)
		const res = await fetch(`${app.url}/inventory/systems/import`, { method: 'POST', body, headers: { Origin: app.url, Cookie: cookie } })
		expect(res.status).toBe(200)
		const csv = await (await fetch(`${app.url}/inventory/systems/export?q=FZ-FORMULA`, { headers: { Cookie: cookie } })).text()
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
		expect(csv).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/)
	})
})

describe('SQLite: SIGKILL during a large import', () => {
	test('leaves all of it or none of it, and the server starts again', async () => {
		const dialect = e2eDialects()[0]!
		const url = await dialect.databaseUrl()
		let app = await startApp(url)
		const analyst = DEMO_USERS.find(u => u.role === 'analyst')!
		const login = await fetch(`${app.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: analyst.email, password: analyst.password, code: await demoCode(analyst.email, app.url) }),
			headers: { Origin: app.url },
			redirect: 'manual',
		})
		const cookie = login.headers.get('set-cookie')!.split(';')[0]!
		const rows = 40_000
		const csv = [
			SYSTEM_HEADER.join(','),
			...Array.from({ length: rows }, (_, i) => `KILL-${i},BU-SH-BANK,Bulk system ${i},2,2026-01-01,,,,yes,no,no`),
		].join('\n')
		const body = new FormData()
		body.set('intent', 'commit')
		body.set('csv', csv)
		const pending = fetch(`${app.url}/inventory/systems/import`, {
			method: 'POST',
			body,
			headers: { Origin: app.url, Cookie: cookie },
		}).catch(() => null)
		// Kill once the server is busy with it: between parsing and committing.
		await new Promise(r => setTimeout(r, 700))
		await app.stop('SIGKILL')
		await pending
		app = await startApp(url) // opens the same file: WAL recovery, migrations, no re-seed
		const { db } = createDb(url)
		const n = Number((await sql<{ n: number }>`select count(*) as n from info_system where code like 'KILL-%'`.execute(db)).rows[0]!.n)
		await db.destroy()
		await app.stop()
		expect([0, rows]).toContain(n)
		fs.writeFileSync('tests/artifacts/sigkill-import.txt', `rows found after SIGKILL mid-import: ${n} of ${rows}\n`)
	}, 120_000)
})
