// Decisions that hold, through the public routes on each dialect: the overview's "Systems overdue for MLPS" figure
// opens exactly those rows (page, CSV export, API); compare marks the better value as best; a flow's dates are checked
// together on the form and in a CSV import (4xx, nothing written); a unit that handles consumer data with nothing
// recorded is incomplete, never band none; a unit with history is archived, not deleted, left out of every total,
// listed apart and restored, each a conditional write (409 when stale) with both events in the audit log.
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '#db/client.server.ts'
import { type Database } from '#db/schema.ts'
import { DEMO_USERS } from '#seed/demo/group.ts'
import { flowFormFields } from '../unit/models/fixtures.ts'
import { e2eDialects, type RunningApp, signInOverHttp, startApp } from './harness.ts'

const user = (role: string) => DEMO_USERS.find(u => u.role === role)!
const data = (route: string) => `_data=${encodeURIComponent(route)}`

describe.each(e2eDialects())('$name: every figure opens its rows; a unit with history is archived', dialect => {
	let app: RunningApp
	let db: Kysely<Database>
	let analyst: string
	let admin: string

	const get = async (path: string, cookie = analyst) => {
		const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie } })
		expect(res.status, path).toBe(200)
		return res
	}
	const getJson = async (path: string, cookie = analyst) => (await get(path, cookie)).json()
	const post = (path: string, route: string, fields: Record<string, string> | FormData) =>
		fetch(`${app.url}${path}?${data(route)}`, {
			method: 'POST',
			body: fields instanceof FormData ? fields : new URLSearchParams(fields),
			headers: { Origin: app.url, Cookie: analyst },
			redirect: 'manual',
		})
	const count = async (table: 'data_flow' | 'business_unit' | 'info_system') =>
		Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)
	const portfolio = () => getJson('/api/portfolio')
	const csvLines = async (path: string) =>
		(await (await get(path)).text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r\n/)

	beforeAll(async () => {
		app = await startApp(await dialect.databaseUrl())
		db = createDb(app.databaseUrl).db
		analyst = await signInOverHttp(app.url, user('analyst').email, user('analyst').password)
		admin = await signInOverHttp(app.url, user('admin').email, user('admin').password)
	})
	afterAll(async () => {
		await db?.destroy()
		await app?.stop()
	})

	test('"Systems overdue for MLPS" opens exactly those rows: the link, the page, the API and the CSV agree with the figure', async () => {
		const { systemsOverdue } = await portfolio()
		expect(systemsOverdue).toBeGreaterThan(0)
		expect(await (await get('/')).text()).toContain('href="/systems?overdue=yes"')
		const page = await getJson(`/systems?overdue=yes&${data('routes/systems._index')}`)
		expect(page.total).toBe(systemsOverdue)
		expect(page.rows.every((r: { mlpsOverdue: boolean }) => r.mlpsOverdue)).toBe(true)
		const api = await getJson('/api/systems?overdue=yes&size=500')
		expect(api.total).toBe(systemsOverdue)
		const lines = await csvLines('/inventory/systems/export?overdue=yes')
		const column = lines[0]!.split(',').indexOf('mlps_overdue')
		expect(column).toBeGreaterThan(0)
		expect(lines.length - 1).toBe(systemsOverdue)
		for (const line of lines.slice(1)) expect(line.split(',').at(column - lines[0]!.split(',').length)).toBe('yes')
		// The rest are the systems that are not overdue; together, every system the overview counts.
		const rest = await getJson('/api/systems?overdue=no&size=500')
		expect(rest.data.some((r: { mlpsOverdue: boolean }) => r.mlpsOverdue)).toBe(false)
		expect(api.data.every((r: { mlpsOverdue: boolean }) => r.mlpsOverdue)).toBe(true)
		expect(rest.total + api.total).toBe((await getJson('/api/systems?size=500')).total)
		const bad = await fetch(`${app.url}/api/systems?overdue=maybe`, { headers: { Cookie: analyst } })
		expect(bad.status).toBe(400)
		expect(JSON.stringify(await bad.json())).toContain('overdue')
	})

	test('compare marks the lower exposure change as best, with a star and the word', async () => {
		const ids = await db
			.selectFrom('scenario')
			.select(['id', 'name'])
			.where('name', 'in', ['Shanghai client data operations to Kuala Lumpur', 'China R&D centre: reduce by 60%'])
			.orderBy('name')
			.execute()
		const path = `/scenarios/compare?id=${ids[0]!.id}&id=${ids[1]!.id}`
		const { rows } = await getJson(`${path}&${data('routes/scenarios.compare')}`)
		const [worse, better] = [...rows].sort((a, b) => b.exposureScoreDelta - a.exposureScoreDelta)
		expect(worse.exposureScoreDelta).toBeGreaterThan(better.exposureScoreDelta)
		expect(better.best.exposure).toBe(true)
		expect(worse.best.exposure).toBe(false)
		const html = await (await get(path)).text()
		expect(html).toMatch(/class="best"[^>]*>[^<]*<span class="best-tag"> <span aria-hidden="true">★<\/span> best/)
	})

	test('flow dates are checked together on the form and in a CSV import: 400, the field or line and column, nothing written', async () => {
		const flows = await count('data_flow')
		const unit = await db.selectFrom('business_unit').select('code').orderBy('code').executeTakeFirstOrThrow()
		const flow = {
			intent: 'save',
			...flowFormFields({
				code: 'FL-DATES-1',
				unit_code: unit.code,
				name: 'Dates checked together',
				mechanism_since: '2026-03-01',
				mechanism_expires_on: '2026-02-01',
			}),
		}
		const backwards = await post('/inventory/flows/new', 'routes/inventory.$table.new', flow)
		expect(backwards.status).toBe(400)
		expect((await backwards.json()).errors.mechanism_expires_on[0]).toBe(
			'Mechanism expires on (2026-02-01) must be after Mechanism since (2026-03-01)',
		)
		const noMechanism = await post('/inventory/flows/new', 'routes/inventory.$table.new', {
			...flow,
			mechanism_in_place: 'none',
			mechanism_since: '',
			mechanism_expires_on: '2027-01-01',
		})
		expect(noMechanism.status).toBe(400)
		expect((await noMechanism.json()).errors.mechanism_expires_on[0]).toMatch(/needs a mechanism in place/)

		const { intent: _intent, ...fields } = flow
		const header = Object.keys(fields)
		const csv = [
			header.join(','),
			Object.values({ ...fields, mechanism_expires_on: '2027-03-01' }).join(','), // fine
			Object.values({ ...fields, code: 'FL-DATES-2' }).join(','), // expiry before start
		].join('\n')
		const form = new FormData()
		form.set('intent', 'commit')
		form.set('csv', csv)
		const imported = await post('/inventory/flows/import', 'routes/inventory.$table.import', form)
		expect(imported.status).toBe(400)
		const errors = (await imported.json()).errors
		expect(errors[0]).toMatchObject({ line: 3, column: 'mechanism_expires_on', columnNumber: header.indexOf('mechanism_expires_on') + 1 })
		expect(errors[0].message).toMatch(/must be after Mechanism since/)
		expect(await count('data_flow')).toBe(flows) // all rows or none
	})

	test('a unit that handles consumer data with nothing recorded is incomplete, never band none; without history it is deleted', async () => {
		const created = await post('/inventory/units/new', 'routes/inventory.$table.new', {
			intent: 'save',
			code: 'BU-BARE',
			name: 'Bare consumer unit',
			segment: 'retail',
			legal_entity_type: 'wfoe',
			city: 'Shanghai',
			sector: 'retail',
			is_ciio: 'no',
			handles_consumer_data: 'yes',
			china_revenue_rmb: '300000000',
			prior_year_global_turnover_rmb: '9000000000',
		})
		expect(created.status).toBe(204)
		const id = Number(created.headers.get('x-remix-redirect')!.split('/').pop())
		const { exposure } = await getJson(`/api/units/${id}/exposure`)
		expect(exposure.incomplete).toBe(true)
		expect(exposure.overall.band).not.toBe('none')
		expect(exposure.dimensions.enforcement.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('DQ-NOTHING-RECORDED')
		const overview = await getJson(`/?q=BU-BARE&${data('routes/_index')}`)
		expect(overview.heatmap.rows).toHaveLength(1)
		expect(overview.heatmap.rows[0]).toMatchObject({ incomplete: true })
		expect(overview.heatmap.rows[0].overall.band).not.toBe('none')
		expect(overview.kpis.unitsIncomplete).toBe(1)
		expect((await portfolio()).unitsIncomplete).toBe(1)
		const heatmap = await (await get('/?q=BU-BARE')).text()
		expect(heatmap).toContain('Incomplete: nothing recorded')
		expect(heatmap.match(/>Unknown </g)).toHaveLength(5) // every dimension nothing raised: unknown, not "None"
		const unitPage = await (await get(`/units/${id}`)).text()
		expect(unitPage).toContain('Incomplete.')
		expect(unitPage).toContain('unknown: nothing recorded for this unit')
		// Created today, after every snapshot, in nothing else: no history, so it is deleted (after asking first).
		const edit = await getJson(`/inventory/units/${id}?${data('routes/inventory.$table.$id')}`)
		expect(edit.archive).toMatchObject({ archivedAt: null, archiveOnly: false })
		const deleted = await post(`/inventory/units/${id}`, 'routes/inventory.$table.$id', { intent: 'delete' })
		expect(deleted.status).toBe(204)
		expect(await db.selectFrom('business_unit').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined()
	})

	test('a unit with history is archived, not deleted: left out of every total, listed apart, restored; stale writes 409; both in the audit log', async () => {
		// The unit of a staffing line a demo scenario moves: it is in the frozen snapshots and in a scenario.
		const target = await db
			.selectFrom('scenario_move')
			.innerJoin('staffing_line', 'staffing_line.id', 'scenario_move.staffing_line_id')
			.innerJoin('business_unit', 'business_unit.id', 'staffing_line.unit_id')
			.select(['business_unit.id', 'business_unit.code'])
			.orderBy('scenario_move.id')
			.executeTakeFirstOrThrow()
		const people = Number(
			(
				await db
					.selectFrom('staffing_line')
					.select(sql<number>`sum(headcount)`.as('p'))
					.where('unit_id', '=', target.id)
					.executeTakeFirstOrThrow()
			).p,
		)
		const systems = (await getJson(`/api/systems?unit=${target.code}&size=500`)).total
		expect(systems).toBeGreaterThan(0)
		const before = await portfolio()
		const unitsBefore = (await getJson('/api/units?size=500')).total
		const systemsBefore = (await getJson('/api/systems?size=500')).total
		const dutiesBefore = (await getJson(`/api/obligations?unit=${target.code}`)).total
		expect(dutiesBefore).toBeGreaterThan(0)

		const edit = await getJson(`/inventory/units/${target.id}?${data('routes/inventory.$table.$id')}`)
		expect(edit.archive.archiveOnly).toBe(true)
		expect(edit.archive.history).toMatch(/frozen snapshot/)
		expect(edit.archive.history).toMatch(/the scenarios? “/)
		const html = await (await get(`/inventory/units/${target.id}`)).text()
		expect(html).toMatch(/Archive business unit(<!-- -->)?…/)
		expect(html).not.toMatch(/Delete business unit(<!-- -->)?…/)

		// Delete is refused: it has history.
		const refused = await post(`/inventory/units/${target.id}`, 'routes/inventory.$table.$id', { intent: 'delete' })
		expect(refused.status).toBe(409)
		expect((await refused.json()).errors.form[0]).toMatch(/has history .* archive it instead/)
		expect(await db.selectFrom('business_unit').select('id').where('id', '=', target.id).executeTakeFirst()).toBeDefined()

		const archived = await post(`/inventory/units/${target.id}`, 'routes/inventory.$table.$id', { intent: 'archive' })
		expect(archived.status).toBe(204)
		expect(archived.headers.get('x-remix-redirect')).toBe('/units/archived')
		const stale = await post(`/inventory/units/${target.id}`, 'routes/inventory.$table.$id', { intent: 'archive' })
		expect(stale.status).toBe(409)
		expect((await stale.json()).errors.form[0]).toMatch(/archived already/)

		// Left out of every total and list: overview, portfolio API, lists, API, obligations, the heatmap.
		const after = await portfolio()
		expect(after.units).toBe(before.units - 1)
		expect(after.peopleInChina).toBe(before.peopleInChina - people)
		expect((await getJson('/api/units?size=500')).total).toBe(unitsBefore - 1)
		expect((await getJson('/api/systems?size=500')).total).toBe(systemsBefore - systems)
		expect((await getJson(`/api/systems?unit=${target.code}`)).total).toBe(0)
		expect((await getJson(`/api/obligations?unit=${target.code}`)).total).toBe(0)
		const overview = await getJson(`/?q=${target.code}&${data('routes/_index')}`)
		expect(overview.heatmap.total).toBe(0)
		expect(overview.kpis.units).toBe(after.units)
		expect(await count('info_system')).toBeGreaterThanOrEqual(systemsBefore) // kept for the record

		// Nothing new goes to it: a form or a CSV row naming it is refused, saying it is archived.
		const system = {
			code: 'SYS-TO-ARCHIVED',
			unit_code: target.code,
			name: 'Into the archive',
			mlps_level: '2',
			holds_personal_data: 'no',
			holds_important_data: 'no',
			holds_source_code: 'no',
		}
		const form = await post('/inventory/systems/new', 'routes/inventory.$table.new', { intent: 'save', ...system })
		expect(form.status).toBe(400)
		expect((await form.json()).errors.unit_code[0]).toMatch(/is archived: restore it first/)
		const upload = new FormData()
		upload.set('intent', 'commit')
		upload.set('csv', [Object.keys(system).join(','), Object.values(system).join(',')].join('\n'))
		const imported = await post('/inventory/systems/import', 'routes/inventory.$table.import', upload)
		expect(imported.status).toBe(400)
		expect((await imported.json()).errors[0]).toMatchObject({ line: 2, column: 'unit_code', message: expect.stringMatching(/is archived/) })

		// Listed apart, with who archived it; the unit page says so and offers to restore.
		const list = await getJson(`/units/archived?${data('routes/units.archived')}`)
		expect(list.units).toEqual([expect.objectContaining({ id: target.id, code: target.code, archivedByEmail: user('analyst').email })])
		expect(list.units[0].systems).toBe(systems)
		expect(await (await get(`/units/${target.id}`)).text()).toMatch(/Archived<\/strong> on/)

		const restored = await post(`/inventory/units/${target.id}`, 'routes/inventory.$table.$id', { intent: 'restore' })
		expect(restored.status).toBe(204)
		expect(restored.headers.get('x-remix-redirect')).toBe(`/units/${target.id}`)
		const again = await post(`/inventory/units/${target.id}`, 'routes/inventory.$table.$id', { intent: 'restore' })
		expect(again.status).toBe(409)
		expect((await again.json()).errors.form[0]).toMatch(/not archived/)
		expect(await portfolio()).toEqual(before)
		expect((await getJson(`/api/obligations?unit=${target.code}`)).total).toBe(dutiesBefore)
		expect((await getJson(`/units/archived?${data('routes/units.archived')}`)).units).toEqual([])

		// The audit log has both, in words.
		const events = await db
			.selectFrom('audit_event')
			.select(['action', 'actor_email'])
			.where('entity', '=', 'business_unit')
			.where('entity_id', '=', String(target.id))
			.orderBy('id')
			.execute()
		expect(events.map(e => e.action)).toEqual(['archive', 'restore'])
		const log = await (await get(`/admin/audit?entity=business_unit`, admin)).text()
		expect(log).toContain('Archived (left out of lists and scoring, kept for the record)')
		expect(log).toContain('Restored from the archive')
	})
})
