// Issue 15 through the public routes, on each dialect: decisions that hold. A proposal and an approval are frozen
// (append-only, hashed, refused at the database), and the board reads the frozen figures after the inventory changed,
// with the changes listed and the live recomputation beside them; every save and transition is a conditional write
// (a stale one answers 409 and writes nothing); only a scenario without errors is proposed; the author never decides;
// board members open decided scenarios (approved and rejected) and nothing else.
import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { e2eDialects, type RunningApp, signInOverHttp, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!
const ROUTE = encodeURIComponent('routes/scenarios.$id')

describe.each(e2eDialects())('$name: decisions that hold', dialect => {
	let app: RunningApp
	let db: Kysely<Database>
	const cookies: Record<string, string> = {}

	const signIn = async (role: string) => {
		cookies[role] = await signInOverHttp(app.url, user(role).email, user(role).password)
	}
	const post = (role: string, path: string, fields: Record<string, string>) =>
		fetch(`${app.url}${path}?_data=${ROUTE}`, {
			method: 'POST',
			body: new URLSearchParams(fields),
			headers: { Origin: app.url, Cookie: cookies[role]! },
			redirect: 'manual',
		})
	const read = async (role: string, id: number) => {
		const res = await fetch(`${app.url}/scenarios/${id}?_data=${ROUTE}`, { headers: { Cookie: cookies[role]! } })
		return { status: res.status, body: res.status === 200 ? await res.json() : null }
	}
	const scenarioNamed = (name: string) => db.selectFrom('scenario').selectAll().where('name', '=', name).executeTakeFirstOrThrow()
	const draftOf = async (id: number) => {
		const s = await db.selectFrom('scenario').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
		const moves = await db.selectFrom('scenario_move').selectAll().where('scenario_id', '=', id).orderBy('id').execute()
		return {
			name: s.name,
			description: s.description,
			assumptions: JSON.parse(s.assumptions),
			moves: moves.map(m => ({
				staffingLineId: m.staffing_line_id,
				headcount: m.headcount,
				destinationId: m.destination_id,
				startQuarter: m.start_quarter,
				dataHandling: m.data_handling,
			})),
		}
	}

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		db = createDb(app.databaseUrl).db
		for (const role of ['admin', 'analyst', 'executive', 'board']) await signIn(role)
	})
	afterAll(async () => {
		await db?.destroy()
		await app?.stop()
	})

	test('a stale save answers 409, names the versions and writes nothing; a fresh one bumps the version', async () => {
		const s = await scenarioNamed('Shanghai client data operations to Manila')
		const draft = await draftOf(s.id)
		const saved = await post('analyst', `/scenarios/${s.id}`, {
			intent: 'save',
			version: String(s.version),
			draft: JSON.stringify({ ...draft, description: 'first' }),
		})
		expect(saved.status).toBe(200)
		expect(await saved.json()).toMatchObject({ saved: true, version: s.version + 1 })
		const stale = await post('analyst', `/scenarios/${s.id}`, {
			intent: 'save',
			version: String(s.version),
			draft: JSON.stringify({ ...draft, description: 'second' }),
		})
		expect(stale.status).toBe(409)
		const body = await stale.json()
		expect(body.conflict).toBe(true)
		expect(body.errors[0].message).toMatch(new RegExp(`you had version ${s.version}; it is now version ${s.version + 1}`))
		expect((await scenarioNamed(s.name)).description).toBe('first')
		// A proposal on the version read before the save is stale too.
		expect((await post('analyst', `/scenarios/${s.id}`, { intent: 'propose', version: String(s.version) })).status).toBe(409)
		expect((await scenarioNamed(s.name)).status).toBe('draft')
	})

	test('an empty scenario cannot be proposed; the server says what to add', async () => {
		const created = await fetch(`${app.url}/scenarios/new`, {
			method: 'POST',
			body: new URLSearchParams({ name: 'Empty on purpose' }),
			headers: { Origin: app.url, Cookie: cookies.analyst! },
			redirect: 'manual',
		})
		expect(created.status).toBe(302)
		const s = await scenarioNamed('Empty on purpose')
		const res = await post('analyst', `/scenarios/${s.id}`, { intent: 'propose', version: String(s.version) })
		expect(res.status).toBe(400)
		expect(JSON.stringify(await res.json())).toContain('Add at least one move.')
		expect((await scenarioNamed('Empty on purpose')).status).toBe('draft')
		expect(
			Number(
				(
					await db
						.selectFrom('scenario_record')
						.select(sql<number>`count(*)`.as('n'))
						.where('scenario_id', '=', s.id)
						.executeTakeFirstOrThrow()
				).n,
			),
		).toBe(0)
	})

	test('four eyes: whoever created a scenario never decides it, administrators included', async () => {
		const adminId = (await db.selectFrom('app_user').select('id').where('email', '=', user('admin').email).executeTakeFirstOrThrow()).id
		const source = await scenarioNamed('Shanghai client data operations to Singapore (data migrated)')
		await db
			.insertInto('scenario')
			.values({
				name: 'Admin’s own',
				description: '',
				status: 'proposed',
				assumptions: source.assumptions,
				created_by: adminId,
				created_at: source.created_at,
				updated_at: source.updated_at,
			})
			.execute()
		const own = await scenarioNamed('Admin’s own')
		const res = await post('admin', `/scenarios/${own.id}`, { intent: 'approve', version: String(own.version) })
		expect(res.status).toBe(403)
		expect((await res.json()).errors[0].message).toMatch(/four eyes/)
		expect((await scenarioNamed('Admin’s own')).status).toBe('proposed')
	})

	test('an approval is frozen, hashed and refused at the database; after the inventory changes the board reads the frozen figures, what changed and the live ones', async () => {
		const s = await scenarioNamed('China R&D centre: reduce by 60%')
		expect(s.status).toBe('proposed')
		const before = await read('executive', s.id)
		expect(before.body.frozen).toBeNull() // proposed before records were kept (seeded)
		const approved = await post('executive', `/scenarios/${s.id}`, {
			intent: 'approve',
			version: String(s.version),
			comment: 'Go, in two waves.',
		})
		expect(approved.status).toBe(204) // a redirect, answered to a data request
		expect(approved.headers.get('x-remix-redirect')).toBe(`/scenarios/${s.id}`)
		const row = await db.selectFrom('scenario_record').selectAll().where('scenario_id', '=', s.id).executeTakeFirstOrThrow()
		expect(row.event).toBe('approved')
		expect(createHash('sha256').update(row.content, 'utf8').digest('hex')).toBe(row.content_hash)
		const content = JSON.parse(row.content)
		expect(content.comment).toBe('Go, in two waves.')
		expect(content.actor.email).toBe(user('executive').email)
		expect(content.inputs.staffingLines.length).toBeGreaterThan(0)
		// The database refuses to rewrite or remove it, whatever the application does.
		await expect(db.updateTable('scenario_record').set({ content_hash: 'x' }).where('id', '=', row.id).execute()).rejects.toThrow(
			/append-only/,
		)
		await expect(db.deleteFrom('scenario_record').where('id', '=', row.id).execute()).rejects.toThrow(/append-only/)
		// A second decision on the version read before is stale.
		expect((await post('executive', `/scenarios/${s.id}`, { intent: 'reject', version: String(s.version), comment: 'No' })).status).toBe(
			409,
		)

		const board = await read('board', s.id)
		expect(board.status).toBe(200)
		expect(board.body.frozen.changes).toEqual([])
		expect(board.body.live).toBeNull()
		const headline = board.body.frozen.headline

		// The inventory changes under it: a staffing line the scenario reads is deleted (its moves cascade away).
		const line = content.inputs.staffingLines[0]
		const deleted = await fetch(`${app.url}/inventory/staffing/${line.id}`, {
			method: 'POST',
			body: new URLSearchParams({ intent: 'delete' }),
			headers: { Origin: app.url, Cookie: cookies.analyst! },
			redirect: 'manual',
		})
		expect(deleted.status).toBe(302)
		const after = await read('board', s.id)
		expect(after.body.frozen.headline).toEqual(headline) // what was decided, unchanged
		expect(after.body.result.oneOff.total).toBe(headline.oneOffUsd)
		expect(after.body.frozen.changes).toContain(`Staffing line ${line.code} (${line.unitName}) is no longer in the inventory.`)
		expect(after.body.frozen.changes.some((c: string) => c.startsWith('Recomputed today, people moved or cut'))).toBe(true)
		expect(after.body.live.headcount).toBeLessThan(headline.headcount)
		expect(after.body.frozen.verified).toBe(true)
	})

	test('board members open decided scenarios, approved and rejected, and nothing else', async () => {
		const draft = await scenarioNamed('China R&D centre: consolidate in Chengdu and Dalian')
		expect((await read('board', draft.id)).status).toBe(404)
		const s = await scenarioNamed('Shanghai client data operations to Singapore (data migrated)')
		const draft2 = await draftOf(s.id)
		expect(draft2.moves.length).toBeGreaterThan(0)
		expect((await post('analyst', `/scenarios/${s.id}`, { intent: 'propose', version: String(s.version) })).status).toBe(204)
		expect((await read('board', s.id)).status).toBe(404) // proposed: not yet a decision
		const proposed = await scenarioNamed(s.name)
		const noReason = await post('executive', `/scenarios/${s.id}`, { intent: 'reject', version: String(proposed.version), comment: ' ' })
		expect(noReason.status).toBe(400)
		expect(
			(
				await post('executive', `/scenarios/${s.id}`, {
					intent: 'reject',
					version: String(proposed.version),
					comment: 'Data migration too risky.',
				})
			).status,
		).toBe(204)
		const rejected = await read('board', s.id)
		expect(rejected.status).toBe(200)
		expect(rejected.body.frozen).toMatchObject({ event: 'rejected', comment: 'Data migration too risky.' })
		const list = await fetch(`${app.url}/scenarios?_data=${encodeURIComponent('routes/scenarios._index')}`, {
			headers: { Cookie: cookies.board! },
		})
		const statuses = new Set(((await list.json()).scenarios as Array<{ status: string }>).map(x => x.status))
		expect([...statuses].sort()).toEqual(['approved', 'rejected'])
		// The board cannot act on it.
		expect((await post('board', `/scenarios/${s.id}`, { intent: 'save', version: '1', draft: '{}' })).status).toBe(403)
	})
})
