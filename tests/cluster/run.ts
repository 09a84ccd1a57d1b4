// npm run test:cluster: three stateless app instances on a three-node MariaDB Galera cluster (loopback, private
// servers in a temporary folder), under mixed reads and writes from several clients for about a minute. At 15 s one
// database node is killed (SIGKILL) and at 30 s started again (it rejoins); at 40 s one app instance is killed.
// The clients go through a small load balancer that sends each request to an instance whose /healthz answered 200.
// Checks Galera's rules (a primary key on every table, the append-only triggers on every node, migrations and the
// first seed once when the three instances start together, sessions and sign-in throttling across instances) and
// prints acknowledged, lost and duplicated writes, errors by kind, time to recover, and whether a write acknowledged
// by one instance is read back at once through another (the overview's cached figures included).
// Exits 1 on any failure.
import { sql } from 'kysely'
import { createDb } from '#db/client.server.ts'
import { LOGIN_LIMITS } from '#models/login-policy.ts'
import { DEFAULT_SCENARIO_ASSUMPTIONS } from '#models/scenario-form.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { type RunningApp, signInOverHttp, startApp } from '../e2e/harness.ts'
import { type GaleraCluster, startGaleraCluster } from '../support/galera-cluster.ts'

const CLIENTS = 6
const RUN_MS = 60_000
const DB_KILL_AT_MS = 15_000
const DB_RESTART_AT_MS = 30_000
const APP_KILL_AT_MS = 40_000
const REQUEST_TIMEOUT_MS = 10_000
const DATABASE = 'ced_cluster'
const SYSTEM_HEADER =
	'code,unit_code,name,mlps_level,graded_on,filed_on,last_assessed_on,technologies,holds_personal_data,holds_important_data,holds_source_code'

type Kind = 'unit' | 'import' | 'scenario' | 'transition'
type Write = {
	kind: Kind
	codes: string[]
	instance: number
	status: number | string
	acknowledged: boolean
	requestId: string | null
	action?: string
	/** Scenario writes: the client that made it (its scenario). */
	client?: number
}
const writes: Write[] = []
const failures: string[] = []
const errors = new Map<string, number>() // "<status> <what>" → count
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
const count = (key: string) => errors.set(key, (errors.get(key) ?? 0) + 1)
let cluster: GaleraCluster | null = null
const apps: RunningApp[] = []

const inflight = new Set<string>()

/** fetch with a deadline held by a plain timer: an AbortSignal.timeout() nobody else references can be collected
 * before it fires, and its request then never ends (seen here under load). The body is read within the deadline. */
async function fetchText(url: string, init: RequestInit, timeoutMs: number) {
	const controller = new AbortController()
	const timer = setTimeout(() => controller.abort(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), timeoutMs)
	try {
		const res = await fetch(url, { ...init, signal: controller.signal })
		return { res, body: await res.text() }
	} finally {
		clearTimeout(timer)
	}
}

/** One request, timed out, never thrown: network failures and timeouts come back as a status word. */
async function call(url: string, init: RequestInit = {}) {
	const what = `${init.method ?? 'GET'} ${url} at ${new Date().toISOString()}`
	inflight.add(what)
	try {
		const { res, body } = await fetchText(url, { ...init, redirect: 'manual' }, REQUEST_TIMEOUT_MS)
		if (res.status >= 500)
			count(`${res.status} ${(/database is not answering/i.test(body) ? 'database not answering' : body.slice(0, 80)).trim()}`)
		if (res.status === 500) failures.push(`${init.method ?? 'GET'} ${url} → 500: ${body.slice(0, 200)}`)
		return { status: res.status as number | string, body, requestId: res.headers.get('x-request-id') }
	} catch (error) {
		const kind = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network'
		count(`${kind} (instance unreachable or answer lost)`)
		return { status: kind as number | string, body: '', requestId: null }
	} finally {
		inflight.delete(what)
	}
}

async function main() {
	const started0 = Date.now()
	cluster = await startGaleraCluster(3)
	const nodes = cluster.nodes
	const clusterSeconds = Number(((Date.now() - started0) / 1000).toFixed(1))
	console.log(
		`cluster of ${nodes.length} nodes synced in ${((Date.now() - started0) / 1000).toFixed(1)} s (ports ${nodes.map(n => n.port).join(', ')})`,
	)
	await nodes[0]!.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)

	// Three instances started together, each on its own node: migrations and the first seed must run once.
	const instanceStart = Date.now()
	apps.push(...(await Promise.all(nodes.map(n => startApp(n.url(DATABASE), { LOG_LEVEL: 'info' }, 240_000)))))
	const instancesSeconds = Number(((Date.now() - instanceStart) / 1000).toFixed(1))
	console.log(`three app instances up in ${instancesSeconds} s`)
	const { db } = createDb(nodes[0]!.url(DATABASE))
	const migrations = await sql<{ name: string; n: number }>`select name, count(*) as n from kysely_migration group by name`.execute(db)
	if (migrations.rows.some(r => Number(r.n) !== 1))
		failures.push(`a migration is recorded more than once: ${JSON.stringify(migrations.rows)}`)
	const users = await sql<{ n: number }>`select count(*) as n from app_user`.execute(db)
	if (Number(users.rows[0]!.n) !== DEMO_USERS.length)
		failures.push(`the demo group was seeded more than once: ${users.rows[0]!.n} users, expected ${DEMO_USERS.length}`)
	const seededOnce = startupLogs().filter(l => /seeded the demo group/.test(l)).length
	if (seededOnce !== 1) failures.push(`${seededOnce} instances say they seeded the demo group (expected 1)`)

	// Galera replicates InnoDB tables with a primary key; every table must have one.
	const noKey = await sql<{ t: string }>`
		select t.table_name as t from information_schema.tables t
		where t.table_schema = ${DATABASE} and t.table_type = 'BASE TABLE'
		and not exists (select 1 from information_schema.table_constraints c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.constraint_type = 'PRIMARY KEY')`.execute(
		db,
	)
	if (noKey.rows.length) failures.push(`tables without a primary key: ${noKey.rows.map(r => r.t).join(', ')}`)
	const engines = await sql<{
		t: string
		e: string
	}>`select table_name as t, engine as e from information_schema.tables where table_schema = ${DATABASE} and table_type = 'BASE TABLE' and engine <> 'InnoDB'`.execute(
		db,
	)
	if (engines.rows.length)
		failures.push(`tables Galera does not replicate (not InnoDB): ${engines.rows.map(r => `${r.t} (${r.e})`).join(', ')}`)

	// Sessions across instances: signed in through one, used through the others.
	const origin = (i: number) => ({ Origin: apps[i]!.url })
	const analyst = DEMO_USERS.find(u => u.role === 'analyst')!
	const cookies: string[] = []
	// One session signed in (password and second factor) through each instance; a code is accepted once by the whole
	// cluster, so the clients share those sessions (client n uses instance n's, modulo 3) and every client uses every
	// instance.
	const sessions: string[] = []
	for (const app of apps) sessions.push(await signInOverHttp(app.url, analyst.email, analyst.password, 'cluster'))
	for (let n = 0; n < CLIENTS; n++) cookies.push(sessions[n % sessions.length]!)
	let sessionsAcrossInstances = true
	for (let n = 0; n < apps.length; n++)
		for (let i = 0; i < apps.length; i++) {
			const res = await fetch(`${apps[i]!.url}/units`, { headers: { Cookie: cookies[n]! }, redirect: 'manual' })
			if (res.status !== 200) failures.push(`a session made on instance ${n + 1} is refused by instance ${i + 1} (${res.status})`)
			sessionsAcrossInstances &&= res.status === 200
		}
	// Sign-in throttling across instances: wrong passwords for one account from one address, spread over the three
	// instances, count together; the failure that reaches the limit locks the pair (429), and the lock then holds on
	// every instance, even for the right password.
	const victim = DEMO_USERS.find(u => u.role === 'board')!
	const attemptLogin = (i: number, password: string) =>
		fetch(`${apps[i]!.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: victim.email, password }),
			headers: origin(i),
			redirect: 'manual',
		}).then(r => r.status)
	let throttledAfter = 0
	for (let attempt = 1; attempt <= LOGIN_LIMITS.pair.maxFailures + 1 && !throttledAfter; attempt++)
		if ((await attemptLogin(attempt % apps.length, 'wrong password')) === 429) throttledAfter = attempt
	if (throttledAfter !== LOGIN_LIMITS.pair.maxFailures)
		failures.push(`throttling across instances: locked at failure ${throttledAfter || 'never'}, expected ${LOGIN_LIMITS.pair.maxFailures}`)
	const lockedEverywhere = (await Promise.all(apps.map((_, i) => attemptLogin(i, victim.password)))).every(status => status === 429)
	if (!lockedEverywhere) failures.push('the sign-in lock made through one instance does not hold on every instance')

	// Background jobs across the cluster (docs/decisions/041). An administrator asks for a verification through the three
	// instances at once: one job is queued (the unique identity holds across nodes), one instance runs it, and it is
	// audited once. Then twelve jobs queued together are claimed by the three runners: each runs exactly once.
	const admin = DEMO_USERS.find(u => u.role === 'admin')!
	const adminCookies: string[] = []
	for (const app of apps) adminCookies.push(await signInOverHttp(app.url, admin.email, admin.password, 'cluster'))
	const asked = await Promise.all(
		apps.map((app, i) =>
			fetch(`${app.url}/snapshots?index`, {
				method: 'POST',
				body: new URLSearchParams({ intent: 'verify' }),
				headers: { ...origin(i), Cookie: adminCookies[i]! },
				redirect: 'manual',
			}).then(r => r.status),
		),
	)
	if (asked.some(status => status !== 303)) failures.push(`asking for a verification through each instance answered ${asked.join(', ')}`)
	const JOB_COUNT = 12
	for (let k = 0; k < JOB_COUNT; k++)
		await db
			.insertInto('job')
			.values({
				kind: 'trend.derive',
				params: JSON.stringify({ run: String(k) }),
				active_key: `cluster-run-${k}`,
				status: 'queued',
				max_attempts: 3,
				run_after: '2000-01-01 00:00:00',
				created_at: '2000-01-01 00:00:00',
				requested_by: null,
				request_id: null,
			})
			.execute()
	const jobsDeadline = Date.now() + 120_000
	let jobRows: Array<{ id: number; kind: string; status: string; attempts: number; error: string | null }> = []
	for (;;) {
		jobRows = await db.selectFrom('job').select(['id', 'kind', 'status', 'attempts', 'error']).execute()
		if (jobRows.every(j => j.status === 'done' || j.status === 'failed') || Date.now() > jobsDeadline) break
		await sleep(250)
	}
	const verifyJobs = jobRows.filter(j => j.kind === 'snapshots.verify')
	const verifyAudits = Number(
		(await sql<{ n: number }>`select count(*) as n from audit_event where action = 'snapshot.verify'`.execute(db)).rows[0]!.n,
	)
	const doneLines = apps.map(a =>
		a
			.output()
			.split('\n')
			.filter(l => l.includes('"job done"'))
			.map(l => (JSON.parse(l) as { job: number }).job),
	)
	const runs = new Map<number, number>()
	for (const ids of doneLines) for (const id of ids) runs.set(id, (runs.get(id) ?? 0) + 1)
	const jobChecks = {
		verificationJobsQueued: verifyJobs.length,
		verificationAudited: verifyAudits,
		jobs: jobRows.length,
		done: jobRows.filter(j => j.status === 'done').length,
		ranMoreThanOnce: [...runs].filter(([, n]) => n > 1).length,
		triesAboveOne: jobRows
			.filter(j => Number(j.attempts) !== 1)
			.map(j => ({ id: j.id, kind: j.kind, attempts: j.attempts, error: j.error })),
		runByInstance: doneLines.map(ids => ids.length),
	}
	console.log(`background jobs: ${JSON.stringify(jobChecks)}`)
	for (const [i, app] of apps.entries())
		for (const l of app.output().split('\n'))
			if (/"(job try failed: queued again|job handed back|job failed|job runner could not claim)"/.test(l))
				console.log(`instance ${i + 1}: ${l.slice(0, 400)}`)
	if (verifyJobs.length !== 1 || verifyAudits !== 1)
		failures.push(
			`a verification asked through three instances made ${verifyJobs.length} jobs and ${verifyAudits} audit entries (expected 1 and 1)`,
		)
	// Every job: the twelve, the verification, and what the instances queued at start (the demo's board views).
	if (
		jobRows.filter(j => j.kind === 'trend.derive').length < JOB_COUNT ||
		jobChecks.done !== jobRows.length ||
		jobChecks.ranMoreThanOnce ||
		jobChecks.triesAboveOne.length ||
		runs.size !== jobRows.length
	)
		failures.push(`background jobs across the cluster: ${JSON.stringify(jobChecks)} (expected every job done once, one try each)`)

	// Per client: its own draft scenario, saved and moved through its transitions.
	const scenarioIds: number[] = []
	for (let n = 0; n < CLIENTS; n++) {
		const i = n % apps.length
		const res = await fetch(`${apps[i]!.url}/scenarios/new`, {
			method: 'POST',
			body: new URLSearchParams({ name: `CLU-SCN-${n}-init` }),
			headers: { ...origin(i), Cookie: cookies[n]! },
			redirect: 'manual',
		})
		scenarioIds.push(Number(res.headers.get('location')!.split('/').pop()))
	}
	const api = async (path: string) =>
		(await (await fetch(`${apps[0]!.url}${path}`, { headers: { Cookie: cookies[0]! } })).json()) as { data: any[]; total: number }
	const line = (await api('/api/staffing?size=1')).data[0] as { id: number }
	const destination = (await api('/api/destinations')).data[0] as { id: number }
	const move = { staffingLineId: line.id, headcount: 1, destinationId: destination.id, startQuarter: '2027-Q2', dataHandling: 'not_needed' }
	const unitCodes = (await api('/api/units?size=500')).data.map((u: { code: string }) => u.code) as string[]
	const unitsAtStart = (await api('/api/units?size=1')).total

	// The load balancer: an instance is in rotation while its /healthz answers 200 (checked every 250 ms).
	const healthy = apps.map(() => true)
	let running = true
	const balancer = (async () => {
		while (running) {
			await Promise.all(
				apps.map(async (app, i) => {
					try {
						healthy[i] = (await fetchText(`${app.url}/healthz`, {}, 1_000)).res.status === 200
					} catch {
						healthy[i] = false
					}
				}),
			)
			await sleep(250)
		}
	})()
	let turn = 0
	const pick = (avoid = -1) => {
		for (let k = 0; k < apps.length; k++) {
			const i = (turn++ + k) % apps.length
			if (healthy[i] && i !== avoid) return i
		}
		return (turn++ + 1) % apps.length // none healthy: try one anyway
	}

	// Read-your-writes: right after an acknowledged unit create, another instance must list the unit and its
	// (cached) overview must count at least every unit acknowledged before the read.
	let acknowledgedUnits = 0
	const readBack = { checked: 0, stale: 0, overviewChecked: 0, overviewStale: 0, scenarioChecked: 0, scenarioStale: 0 }
	const scenarioUrl = (i: number, n: number) =>
		`${apps[i]!.url}/scenarios/${scenarioIds[n]}?_data=${encodeURIComponent('routes/scenarios.$id')}`
	/** A scenario's status and version read through instance i (what the editor's page does before a save or a move). */
	const readScenario = async (i: number, n: number) => {
		const r = await call(scenarioUrl(i, n), { headers: { Cookie: cookies[n]! } })
		if (r.status !== 200) return null
		const { scenario } = JSON.parse(r.body) as { scenario: { status: string; version: number } }
		return scenario
	}

	const started = Date.now()
	const at = () => ((Date.now() - started) / 1000).toFixed(1)
	let stage = 'traffic'
	const heartbeat = setInterval(() => console.log(`${at()} s: ${stage}; in flight: ${inflight.size}`), 10_000)
	const timeline: Record<string, number> = {}
	let rejoinedBy = ''
	const events = (async () => {
		await sleep(DB_KILL_AT_MS)
		console.log(`${at()} s: SIGKILL database ${nodes[1]!.name}`)
		await nodes[1]!.kill('SIGKILL')
		timeline.dbKilledAt = Date.now()
		await sleep(Math.max(0, started + DB_RESTART_AT_MS - Date.now()))
		console.log(`${at()} s: start ${nodes[1]!.name} again`)
		timeline.dbRestartedAt = Date.now()
		const rejoin = cluster!.rejoin(nodes[1]!).then(async how => {
			timeline.dbSyncedAt = Date.now()
			rejoinedBy = how
			console.log(`${at()} s: ${nodes[1]!.name} rejoined, synced (cluster size ${await cluster!.clusterSize(nodes[0]!)})`)
		})
		await sleep(Math.max(0, started + APP_KILL_AT_MS - Date.now()))
		console.log(`${at()} s: SIGKILL app instance 3`)
		timeline.appKilledAt = Date.now()
		await apps[2]!.stop('SIGKILL')
		await rejoin
		// Instance 2 (on the rejoined node) back in rotation.
		while (!healthy[1] && Date.now() - timeline.dbSyncedAt! < 30_000) await sleep(100)
		timeline.instance2BackAt = healthy[1] ? Date.now() : 0
	})()

	const client = async (n: number) => {
		for (let k = 0; Date.now() - started < RUN_MS; k++) {
			const i = pick()
			const url = apps[i]!.url
			const headers = { Cookie: cookies[n]!, ...origin(i) }
			const kind = k % 6
			if (kind === 0 || kind === 3) {
				const path = ['/', '/units', '/api/flows?size=100', '/flows'][(k + n) % 4]!
				await call(`${url}${path}`, { headers })
			} else if (kind === 1) {
				const code = `CLU-${n}-${k}`
				const form = new URLSearchParams({
					code,
					name: `Cluster unit ${n}.${k}`,
					segment: 'services',
					legal_entity_type: 'wfoe',
					city: 'Shanghai',
					sector: 'retail',
					china_revenue_rmb: '1000',
					prior_year_global_turnover_rmb: '1000',
				})
				const r = await call(`${url}/inventory/units/new`, { method: 'POST', body: form, headers })
				const acknowledged = r.status === 302
				writes.push({ kind: 'unit', codes: [code], instance: i, status: r.status, acknowledged, requestId: r.requestId })
				if (!acknowledged) continue
				acknowledgedUnits++
				const floor = unitsAtStart + acknowledgedUnits
				const j = pick(i)
				if (j === i) continue
				const other = { Cookie: cookies[n]! }
				const listed = await call(`${apps[j]!.url}/api/units?q=${encodeURIComponent(code)}`, { headers: other })
				if (listed.status === 200) {
					readBack.checked++
					if (!listed.body.includes(`"${code}"`)) readBack.stale++
				}
				const overview = await call(`${apps[j]!.url}/?_data=${encodeURIComponent('routes/_index')}`, { headers: other })
				if (overview.status === 200) {
					readBack.overviewChecked++
					if ((JSON.parse(overview.body) as { kpis: { units: number } }).kpis.units < floor) readBack.overviewStale++
				}
			} else if (kind === 2) {
				const codes = [0, 1, 2].map(x => `CLU-SYS-${n}-${k}-${x}`)
				const unit = unitCodes[(n + k) % unitCodes.length]!
				const csv = [SYSTEM_HEADER, ...codes.map(c => `${c},${unit},Imported ${c},2,2026-01-01,,,,yes,no,no`)].join('\n')
				const body = new FormData()
				body.set('intent', 'commit')
				body.set('fileName', `${codes[0]}.csv`)
				body.set('csv', csv)
				const r = await call(`${url}/inventory/systems/import?_data=${encodeURIComponent('routes/inventory.$table.import')}`, {
					method: 'POST',
					body,
					headers,
				})
				writes.push({
					kind: 'import',
					codes,
					instance: i,
					status: r.status,
					acknowledged: r.status === 200 && /"stage":"done".*"inserts":3/.test(r.body),
					requestId: r.requestId,
				})
			} else {
				// A scenario save (a draft) or a move through the workflow (propose a draft, withdraw a proposal). Each
				// names the version it acts on, read first through the same instance, as the editor's page does.
				// (A save of a proposed scenario withdraws it first.)
				const first = await readScenario(i, n)
				if (!first) continue
				const intents =
					kind === 4 ? (first.status === 'draft' ? ['save'] : ['withdraw', 'save']) : [first.status === 'draft' ? 'propose' : 'withdraw']
				for (const [step, intent] of intents.entries()) {
					const current = step === 0 ? first : await readScenario(i, n)
					if (!current) break
					const version = String(current.version)
					let r: Awaited<ReturnType<typeof call>>
					let acknowledged: boolean
					if (intent === 'save') {
						const name = `CLU-SCN-${n}-${k}`
						const draft = { name, description: 'cluster run', assumptions: DEFAULT_SCENARIO_ASSUMPTIONS, moves: [move] }
						r = await call(scenarioUrl(i, n), {
							method: 'POST',
							body: new URLSearchParams({ intent, version, draft: JSON.stringify(draft) }),
							headers,
						})
						acknowledged = r.status === 200 && r.body.includes('"saved":true')
						writes.push({ kind: 'scenario', codes: [name], instance: i, status: r.status, acknowledged, requestId: r.requestId, client: n })
					} else {
						r = await call(`${url}/scenarios/${scenarioIds[n]}`, {
							method: 'POST',
							body: new URLSearchParams({ intent, version }),
							headers,
						})
						acknowledged = r.status === 302
						writes.push({
							kind: 'transition',
							codes: [],
							action: `scenario.${intent}`,
							instance: i,
							status: r.status,
							acknowledged,
							requestId: r.requestId,
							client: n,
						})
					}
					if (r.status === 409) count('409 stale version (refused, nothing written)')
					if (!acknowledged) break
					// Read-your-writes on the scenario: another instance sees at least the version this write made.
					const j = pick(i)
					if (j === i) continue
					const seen = await readScenario(j, n)
					if (seen) {
						readBack.scenarioChecked++
						if (seen.version <= current.version) readBack.scenarioStale++
					}
				}
			}
		}
	}
	const stuckAfter = (ms: number, what: string) =>
		sleep(ms).then(() => {
			throw new Error(`${what} did not finish; requests in flight: ${[...inflight].join('; ') || 'none'}`)
		})
	await Promise.race([Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n))), stuckAfter(RUN_MS + 30_000, 'the clients')])
	console.log(`${at()} s: traffic ended`)
	stage = 'waiting for the node to rejoin'
	await Promise.race([events, stuckAfter(120_000, 'the node restart')])
	running = false
	stage = 'stopping the balancer'
	await Promise.race([balancer, stuckAfter(10_000, 'the load balancer')])
	stage = 'checking'

	// The append-only triggers refuse on every node (the audit log has rows by now).
	// Certification conflicts the cluster saw (a transaction that lost certification, or was aborted by a replicated
	// one): each came back to the app as a deadlock and was run again (writeTransaction), or retried by Galera itself
	// (an autocommit statement). The restarted node counts from its restart.
	const certification = { failures: 0, bruteForceAborts: 0 }
	for (const node of nodes) {
		const status = await node.query(`SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')`)
		for (const line of status.trim().split('\n')) {
			const [name, value] = line.split('\t')
			if (name === 'wsrep_local_cert_failures') certification.failures += Number(value)
			if (name === 'wsrep_local_bf_aborts') certification.bruteForceAborts += Number(value)
		}
	}
	const triggerChecks: string[] = []
	for (const node of nodes) {
		for (const statement of [`UPDATE ${DATABASE}.audit_event SET action = 'x'`, `DELETE FROM ${DATABASE}.snapshot`]) {
			try {
				await node.query(statement)
				failures.push(`${node.name}: "${statement}" was not refused`)
			} catch (error) {
				if (/append-only/.test(String(error))) triggerChecks.push(`${node.name} ok`)
				else failures.push(`${node.name}: "${statement}" failed for another reason: ${String(error).slice(0, 200)}`)
			}
		}
	}

	// What the cluster holds, read on every node (each must hold the same).
	const perNode: number[] = []
	for (const node of nodes)
		perNode.push(Number((await node.query(`SELECT COUNT(*) FROM ${DATABASE}.business_unit WHERE code LIKE 'CLU-%'`)).trim()))
	if (new Set(perNode).size !== 1) failures.push(`the nodes disagree on the units written: ${perNode.join(', ')}`)
	const units = await sql<{
		code: string
		n: number
	}>`select code, count(*) as n from business_unit where code like 'CLU-%' group by code`.execute(db)
	const systems = await sql<{
		code: string
		n: number
	}>`select code, count(*) as n from info_system where code like 'CLU-SYS-%' group by code`.execute(db)
	// One audit entry per request, action and row (an import of three rows writes three), so a request replayed
	// (or a transaction applied twice) shows as a count above one.
	const audits = await sql<{
		request_id: string
		action: string
		n: number
	}>`select request_id, concat(action, ' ', entity, ' ', coalesce(entity_id, '')) as action, count(*) as n from audit_event where request_id is not null group by request_id, action, entity, entity_id`.execute(
		db,
	)
	const scenarios = await db.selectFrom('scenario').select(['id', 'name']).where('name', 'like', 'CLU-SCN-%').execute()
	await db.destroy()
	// A scenario holds its client's last save: the last acknowledged one, or a later one whose answer was lost.
	for (let n = 0; n < CLIENTS; n++) {
		const mine = writes.filter(w => w.kind === 'scenario' && w.client === n)
		const lastAck = mine.map(w => w.acknowledged).lastIndexOf(true)
		const name = scenarios.find(s => s.id === scenarioIds[n])?.name ?? ''
		if (lastAck >= 0 && !mine.slice(lastAck).some(w => w.codes[0] === name))
			failures.push(`client ${n}: the scenario is named "${name}", its last acknowledged save was "${mine[lastAck]!.codes[0]}"`)
	}
	const found = new Map([...units.rows, ...systems.rows].map(r => [r.code, Number(r.n)]))
	const audited = new Map<string, Map<string, number>>()
	for (const a of audits.rows) audited.set(a.request_id, (audited.get(a.request_id) ?? new Map()).set(a.action, Number(a.n)))

	const acknowledged = writes.filter(w => w.acknowledged)
	// Lost: an acknowledged write whose rows are missing, or whose request left no audit entry.
	// (A scenario save's name is overwritten by the client's next save: it is checked by its audit entry, and the
	// scenario's final name below.)
	const lost = acknowledged.filter(
		w => (w.kind !== 'scenario' && w.codes.some(c => !found.has(c))) || !w.requestId || !audited.has(w.requestId),
	)
	// Duplicated: a row present twice, or one request audited twice for the same action.
	const duplicated = [
		...[...found].filter(([, n]) => n > 1).map(([c]) => c),
		...[...audited].flatMap(([id, actions]) => [...actions].filter(([, n]) => n > 1).map(([a]) => `${a} by request ${id}`)),
	]
	const halfApplied = writes.filter(
		w => !w.acknowledged && w.kind === 'import' && w.codes.some(c => found.has(c)) && !w.codes.every(c => found.has(c)),
	)
	stage = 'stopping the instances'
	const exits = await Promise.all(apps.slice(0, 2).map(a => a.stop('SIGTERM')))
	clearInterval(heartbeat)
	if (lost.length)
		failures.push(
			`lost acknowledged writes: ${lost
				.slice(0, 10)
				.map(w => `${w.kind} ${w.codes[0] ?? w.action} (request ${w.requestId})`)
				.join(', ')}`,
		)
	if (duplicated.length) failures.push(`duplicated: ${duplicated.slice(0, 10).join(', ')}`)
	if (halfApplied.length) failures.push(`half-applied imports: ${halfApplied.map(w => w.codes[0]).join(', ')}`)
	if (readBack.stale || readBack.overviewStale || readBack.scenarioStale)
		failures.push(`reads through another instance were older than an acknowledged write: ${JSON.stringify(readBack)}`)
	if (readBack.checked < 10 || readBack.overviewChecked < 10 || readBack.scenarioChecked < 10)
		failures.push(`too few read-backs to tell: ${JSON.stringify(readBack)}`)
	if (!timeline.dbSyncedAt) failures.push('the killed database node did not rejoin')
	if (!timeline.instance2BackAt) failures.push('the instance on the rejoined node did not come back into rotation')
	if (exits.some(code => code !== 0)) failures.push(`SIGTERM exit codes of the surviving instances: ${exits.join(', ')}`)
	for (const [i, app] of apps.entries())
		if (/uncaught|UnhandledPromiseRejection/i.test(app.output())) failures.push(`instance ${i + 1} logged an uncaught error`)

	const byKind = (k: Kind) => {
		const mine = writes.filter(w => w.kind === k)
		return `${mine.filter(w => w.acknowledged).length} of ${mine.length}`
	}
	const secs = (a?: number, b?: number) => (a && b ? Number(((b - a) / 1000).toFixed(1)) : null)
	console.log(
		JSON.stringify(
			{
				nodes: nodes.length,
				clusterUpSeconds: clusterSeconds,
				instancesUpSeconds: instancesSeconds,
				wholeRunSecondsSoFar: Number(((Date.now() - started0) / 1000).toFixed(1)),
				instances: apps.length,
				clients: CLIENTS,
				seconds: RUN_MS / 1000,
				writes: writes.length,
				acknowledged: acknowledged.length,
				acknowledgedByKind: {
					unit: byKind('unit'),
					import: byKind('import'),
					scenarioSave: byKind('scenario'),
					transition: byKind('transition'),
				},
				lost: lost.length,
				duplicated: duplicated.length,
				halfApplied: halfApplied.length,
				unacknowledgedButLanded: writes.filter(w => !w.acknowledged && w.requestId && audited.has(w.requestId)).length,
				errors: Object.fromEntries([...errors].sort((a, b) => b[1] - a[1])),
				certificationConflictsRetried: certification,
				readYourWrites: { choice: 'wsrep_sync_wait=1 on every connection', ...readBack },
				recovery: {
					databaseNodeDownSeconds: secs(timeline.dbKilledAt, timeline.dbRestartedAt),
					databaseNodeRejoinSeconds: secs(timeline.dbRestartedAt, timeline.dbSyncedAt),
					databaseNodeRejoinedBy: rejoinedBy,
					instanceOnThatNodeBackInRotationSecondsAfterRestart: secs(timeline.dbRestartedAt, timeline.instance2BackAt),
				},
				checks: {
					migrationsOnce: migrations.rows.every(r => Number(r.n) === 1),
					seededOnce: seededOnce === 1,
					tablesWithoutPrimaryKey: noKey.rows.length,
					appendOnlyTriggersRefusedOn: `${triggerChecks.length / 2} of ${nodes.length} nodes`,
					sessionsAcrossInstances,
					signInLockedAtFailureAcrossInstances: throttledAfter,
					signInLockHoldsOnEveryInstance: lockedEverywhere,
					unitsPerNode: perNode,
					backgroundJobs: jobChecks,
				},
			},
			null,
			2,
		),
	)
	function startupLogs() {
		return apps.flatMap(a => a.output().split('\n'))
	}
	if (failures.length) {
		console.error(`FAILED:\n- ${failures.slice(0, 20).join('\n- ')}`)
		process.exitCode = 1
	} else console.log('cluster: passed')
}

main()
	.catch(error => {
		console.error(error)
		process.exitCode = 1
	})
	.finally(async () => {
		await Promise.allSettled(apps.map(a => a.stop('SIGKILL')))
		await cluster?.destroy()
	})
