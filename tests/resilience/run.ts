// npm run test:resilience: the app on MariaDB under mixed traffic from several clients while MariaDB
// is stopped and started again. The MariaDB is a private server started for the run (own data directory,
// port and socket): a server shared with other work is never stopped. Loopback only, bounded in time (about a minute). Asserts that during the
// outage requests fail fast with a readable 503 (no hang, no 500, no crash); that the app recovers by
// itself; that every acknowledged write is in the database exactly once; that no failed import is
// half-applied; and that SIGTERM then stops the server cleanly. Prints the figures; exits 1 on failure.
import { sql } from 'kysely'
import { createDb } from '#db/client.server.ts'
import { DEFAULT_SCENARIO_ASSUMPTIONS } from '#models/scenario-form.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { freshMysqlDatabase, signInOverHttp, startApp } from '../e2e/harness.ts'
import { createMariadbServer, type MariadbServer } from '../support/mariadb-server.ts'

const CLIENTS = 6
const RUN_MS = 30_000
const OUTAGE_AT_MS = 8_000
const OUTAGE_MS = 6_000
const REQUEST_TIMEOUT_MS = 10_000
const SCENARIO_ASSUMPTIONS = DEFAULT_SCENARIO_ASSUMPTIONS
const SYSTEM_HEADER =
	'code,unit_code,name,mlps_level,graded_on,filed_on,last_assessed_on,technologies,holds_personal_data,holds_important_data,holds_source_code'

type Write = {
	kind: 'unit' | 'import' | 'scenario'
	codes: string[]
	status: number | 'timeout' | 'network'
	acknowledged: boolean
	client?: number
}
const writes: Write[] = []
const failures: string[] = []
let reads = 0
let readErrors = 0
let slowest = 0
const statuses = new Map<string, number>()

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
let mariadb: MariadbServer | null = null

async function timed(url: string, init: RequestInit = {}) {
	const started = Date.now()
	try {
		const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
		const body = await res.text()
		const ms = Date.now() - started
		statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1)
		if (res.status >= 400) slowest = Math.max(slowest, ms)
		if (res.status === 500) failures.push(`${init.method ?? 'GET'} ${url} → 500: ${body.slice(0, 200)}`)
		if (res.status === 503 && !/database is not answering/i.test(body))
			failures.push(`${url} → 503 without a readable reason: ${body.slice(0, 120)}`)
		return { status: res.status as number, body }
	} catch (error) {
		const timeout = (error as Error).name === 'TimeoutError'
		statuses.set(timeout ? 'timeout' : 'network', (statuses.get(timeout ? 'timeout' : 'network') ?? 0) + 1)
		if (timeout) failures.push(`${url}: no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)
		else failures.push(`${init.method ?? 'GET'} ${url}: ${(error as Error).message} (${String((error as { cause?: unknown }).cause)})`)
		return { status: (timeout ? 'timeout' : 'network') as 'timeout' | 'network', body: '' }
	}
}

async function main() {
	mariadb = await createMariadbServer({ name: 'resilience' })
	await mariadb.start()
	const server = mariadb
	const databaseUrl = await freshMysqlDatabase(server.url('ced'), 'resilience')
	const app = await startApp(databaseUrl)
	// Two accounts that may write everything the clients write, three clients each: an account's authenticator code
	// is accepted once per time step, so more sign-ins of one account at once would wait for the clock.
	const writers = (['analyst', 'admin'] as const).map(role => DEMO_USERS.find(u => u.role === role)!)
	const origin = { Origin: app.url }
	const cookies: string[] = []
	for (let i = 0; i < CLIENTS; i++) {
		const writer = writers[i % writers.length]!
		cookies.push(await signInOverHttp(app.url, writer.email, writer.password))
	}
	// Each client edits its own draft scenario; its saves are named so the last acknowledged one can be found.
	const scenarioIds: number[] = []
	for (let i = 0; i < CLIENTS; i++) {
		const res = await fetch(`${app.url}/scenarios/new`, {
			method: 'POST',
			body: new URLSearchParams({ name: `RES-SCN-${i}-init` }),
			headers: { ...origin, Cookie: cookies[i]! },
			redirect: 'manual',
		})
		scenarioIds.push(Number(res.headers.get('location')!.split('/').pop()))
	}
	const line = (await (await fetch(`${app.url}/api/staffing?size=1`, { headers: { Cookie: cookies[0]! } })).json()).data[0] as {
		id: number
	}
	const destination = (await (await fetch(`${app.url}/api/destinations`, { headers: { Cookie: cookies[0]! } })).json()).data[0] as {
		id: number
	}
	const move = { staffingLineId: line.id, headcount: 1, destinationId: destination.id, startQuarter: '2027-Q2', dataHandling: 'not_needed' }
	const unitCodes = (await (await fetch(`${app.url}/api/units?size=500`, { headers: { Cookie: cookies[0]! } })).json()).data.map(
		(u: { code: string }) => u.code,
	) as string[]

	const started = Date.now()
	let mariadbDownAt = 0
	let mariadbUpAt = 0
	let recoveredAt = 0
	const outage = (async () => {
		await sleep(OUTAGE_AT_MS)
		console.log(`stopping MariaDB at ${((Date.now() - started) / 1000).toFixed(1)} s`)
		mariadbDownAt = Date.now()
		await server.stop()
		await sleep(OUTAGE_MS)
		console.log(`starting MariaDB at ${((Date.now() - started) / 1000).toFixed(1)} s`)
		await server.start()
		mariadbUpAt = Date.now()
		while (!recoveredAt) {
			const h = await timed(`${app.url}/healthz`)
			if (h.status === 200) {
				const units = await timed(`${app.url}/units`, { headers: { Cookie: cookies[0]! } })
				if (units.status === 200) recoveredAt = Date.now()
			}
			if (!recoveredAt) await sleep(250)
			if (Date.now() - mariadbUpAt > 30_000) break
		}
	})()

	const client = async (n: number) => {
		const headers = { Cookie: cookies[n]!, ...origin }
		for (let i = 0; Date.now() - started < RUN_MS; i++) {
			const pick = i % 5
			if (pick === 4) {
				const name = `RES-SCN-${n}-${i}`
				const draft = { name, description: 'resilience run', assumptions: SCENARIO_ASSUMPTIONS, moves: [move] }
				const url = `${app.url}/scenarios/${scenarioIds[n]}?_data=${encodeURIComponent('routes/scenarios.$id')}`
				// Each save names the version it edits (the guarded workflow): read it first, as the editor's page does.
				const current = await timed(url, { headers })
				const version = current.status === 200 ? String(JSON.parse(current.body).scenario.version) : '0'
				const r = await timed(url, {
					method: 'POST',
					body: new URLSearchParams({ intent: 'save', version, draft: JSON.stringify(draft) }),
					headers,
				})
				writes.push({
					kind: 'scenario',
					codes: [name],
					status: r.status,
					acknowledged: r.status === 200 && r.body.includes('"saved":true'),
					client: n,
				})
			} else if (pick === 0 || pick === 2) {
				reads++
				const path = ['/', '/units', '/api/flows?size=100', '/flows'][(i + n) % 4]!
				const r = await timed(`${app.url}${path}`, { headers })
				if (r.status !== 200) readErrors++
			} else if (pick === 1) {
				const code = `RES-${n}-${i}`
				const form = new URLSearchParams({
					code,
					name: `Resilience unit ${n}.${i}`,
					segment: 'services',
					legal_entity_type: 'wfoe',
					city: 'Shanghai',
					sector: 'retail',
					china_revenue_rmb: '1000',
					prior_year_global_turnover_rmb: '1000',
				})
				const r = await timed(`${app.url}/inventory/units/new`, { method: 'POST', body: form, headers })
				writes.push({ kind: 'unit', codes: [code], status: r.status, acknowledged: r.status === 302 })
			} else {
				const codes = [0, 1, 2].map(k => `RES-SYS-${n}-${i}-${k}`)
				const unit = unitCodes[(n + i) % unitCodes.length]!
				const csv = [SYSTEM_HEADER, ...codes.map(c => `${c},${unit},Imported ${c},2,2026-01-01,,,,yes,no,no`)].join('\n')
				const body = new FormData()
				body.set('intent', 'commit')
				body.set('fileName', `${codes[0]}.csv`)
				body.set('csv', csv)
				// _data: the action's own JSON ({ stage: 'done', inserts: 3 }) instead of the page
				const r = await timed(`${app.url}/inventory/systems/import?_data=${encodeURIComponent('routes/inventory.$table.import')}`, {
					method: 'POST',
					body,
					headers,
				})
				writes.push({
					kind: 'import',
					codes,
					status: r.status,
					acknowledged: r.status === 200 && /"stage":"done".*"inserts":3/.test(r.body),
				})
			}
		}
	}
	await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), outage])

	// What is in the database now, by code.
	const { db } = createDb(databaseUrl)
	const units = await sql<{
		code: string
		n: number
	}>`select code, count(*) as n from business_unit where code like 'RES-%' group by code`.execute(db)
	const systems = await sql<{
		code: string
		n: number
	}>`select code, count(*) as n from info_system where code like 'RES-SYS-%' group by code`.execute(db)
	const scenarios = await db.selectFrom('scenario').select(['id', 'name']).where('name', 'like', 'RES-SCN-%').execute()
	await db.destroy()
	const found = new Map([...units.rows, ...systems.rows].map(r => [r.code, Number(r.n)]))
	// A scenario holds its client's last save: the last acknowledged one, or a later one whose answer was lost.
	const scenarioProblems: string[] = []
	for (let n = 0; n < CLIENTS; n++) {
		const mine = writes.filter(w => w.kind === 'scenario' && w.client === n)
		const lastAck = mine.map(w => w.acknowledged).lastIndexOf(true)
		const name = scenarios.find(s => s.id === scenarioIds[n])?.name
		const allowed = mine.slice(Math.max(0, lastAck)).map(w => w.codes[0])
		if (lastAck >= 0 && !allowed.includes(name ?? ''))
			scenarioProblems.push(`client ${n}: scenario is "${name}", last acknowledged save was "${mine[lastAck]!.codes[0]}"`)
		if (name) found.set(name, 1)
	}
	const acknowledged = writes.filter(w => w.acknowledged)
	// Scenario saves overwrite one another: only the last acknowledged one per client must survive (checked above).
	const lost = acknowledged.filter(w => w.kind !== 'scenario').flatMap(w => w.codes.filter(c => !found.has(c)))
	const duplicated = [...found].filter(([, n]) => n > 1).map(([c]) => c)
	const halfApplied = writes
		.filter(w => !w.acknowledged && w.kind === 'import')
		.filter(w => {
			const present = w.codes.filter(c => found.has(c)).length
			return present > 0 && present < w.codes.length
		})
	const errored = writes.filter(w => !w.acknowledged)
	const landedAnyway = errored.filter(w => w.codes.every(c => found.has(c))).length

	const exitCode = await app.stop('SIGTERM')
	const recoverySeconds = recoveredAt && mariadbUpAt ? (recoveredAt - mariadbUpAt) / 1000 : null
	failures.push(...scenarioProblems)
	if (lost.length) failures.push(`lost acknowledged writes: ${lost.slice(0, 10).join(', ')}`)
	if (duplicated.length) failures.push(`duplicated: ${duplicated.join(', ')}`)
	if (halfApplied.length) failures.push(`half-applied imports: ${halfApplied.map(w => w.codes[0]).join(', ')}`)
	if (recoverySeconds === null || recoverySeconds > 10)
		failures.push(`did not recover within 10 s of MariaDB coming back (${recoverySeconds ?? 'never'})`)
	if (!statuses.get('503')) failures.push('no request saw the outage: the test did not test anything')
	if (exitCode !== 0) failures.push(`SIGTERM exit code ${exitCode}`)
	if (/"level":"error".*uncaught|UnhandledPromiseRejection/i.test(app.output())) failures.push('the server logged an uncaught error')

	console.log(
		JSON.stringify(
			{
				clients: CLIENTS,
				seconds: RUN_MS / 1000,
				outageSeconds: mariadbUpAt && mariadbDownAt ? (mariadbUpAt - mariadbDownAt) / 1000 : null,
				reads,
				readErrors,
				writes: writes.length,
				acknowledged: acknowledged.length,
				found: acknowledged.filter(w => w.kind !== 'scenario' && w.codes.every(c => found.has(c))).length,
				scenarioSaves: writes.filter(w => w.kind === 'scenario').length,
				scenarioSavesAcknowledged: writes.filter(w => w.kind === 'scenario' && w.acknowledged).length,
				scenariosHoldingTheirLastSave: `${CLIENTS - scenarioProblems.length} of ${CLIENTS}`,
				lost: lost.length,
				duplicated: duplicated.length,
				failedWrites: errored.length,
				failedButLanded: landedAnyway,
				halfApplied: halfApplied.length,
				statuses: Object.fromEntries(statuses),
				slowestErrorMs: slowest,
				recoverySeconds,
				sigtermExit: exitCode,
			},
			null,
			2,
		),
	)
	// The server's own account of any 500: its logged error, by request id.
	for (const line of app.output().split('\n')) if (/"unhandled error"/.test(line)) console.error(`server: ${line.slice(0, 600)}`)
	if (failures.length) {
		console.error(`FAILED:\n- ${failures.slice(0, 20).join('\n- ')}`)
		process.exitCode = 1
	} else console.log('resilience: passed')
}

main()
	.catch(error => {
		console.error(error)
		process.exitCode = 1
	})
	.finally(() => mariadb?.destroy())
