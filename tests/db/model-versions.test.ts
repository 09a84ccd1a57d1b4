// The scoring model's use cases on both dialects: a draft is stored inactive and audited; activation switches the
// active version, is audited, and refuses (409, nothing changed) when another activation came first; a frozen
// quarter keeps the version it was scored under.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { activateModelVersion, draftModelVersion } from '#app/services/model-versions.server.ts'
import { statusOf } from '#app/services/service.ts'
import { type DbContext } from '#db/client.server.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { findActiveModelVersion, listModelVersions } from '#db/repositories/model-versions.ts'
import { freezeSnapshot } from '#db/repositories/snapshots.ts'
import { DEFAULT_MODEL_SETTINGS } from '#models/exposure/settings.ts'
import { seed, SEED_CLOCK } from '#seed/index.ts'
import { createTestDb, testDialects } from './setup.ts'

describe.each(testDialects())('$name: scoring model versions', dialect => {
	let ctx: DbContext
	let admin: { id: number; email: string; role: 'admin' }
	beforeAll(async () => {
		ctx = await createTestDb(dialect)
		await seed(ctx.db, { demo: true, quiet: true })
		const row = await ctx.db.selectFrom('app_user').select(['id', 'email']).where('role', '=', 'admin').executeTakeFirstOrThrow()
		admin = { ...row, role: 'admin' }
	})
	afterAll(async () => ctx?.db.destroy())

	const context = { requestId: 'req-model-test', now: SEED_CLOCK }
	const settings = (label: string) => ({ ...DEFAULT_MODEL_SETTINGS, version: label, overallBands: { medium: 5, high: 9, critical: 15 } })

	test('a draft is stored inactive, audited, and its name must be new', async () => {
		const active = (await findActiveModelVersion(ctx.db))!
		const draft = await draftModelVersion(ctx.db, admin, context, {
			label: 'test-2027.1',
			settings: settings('test-2027.1'),
			basedOn: active.id,
		})
		expect(draft.ok).toBe(true)
		const stored = (await listModelVersions(ctx.db)).find(v => v.label === 'test-2027.1')!
		expect(stored).toMatchObject({ isActive: false, activatedAt: null, createdBy: admin.id })
		expect((await findActiveModelVersion(ctx.db))!.id).toBe(active.id)
		const again = await draftModelVersion(ctx.db, admin, context, {
			label: 'test-2027.1',
			settings: settings('test-2027.1'),
			basedOn: active.id,
		})
		expect(again.ok || again.fieldErrors?.label).toBeTruthy()
		expect(again.ok ? 0 : statusOf(again.code)).toBe(400)
		const audit = await ctx.db.selectFrom('audit_event').select(['action', 'request_id']).where('action', '=', 'model.draft').execute()
		expect(audit).toEqual([{ action: 'model.draft', request_id: 'req-model-test' }])
	})

	test('activation switches the version, is audited, and a frozen quarter keeps the version it was scored under', async () => {
		const before = (await findActiveModelVersion(ctx.db))!
		const frozen = await freezeSnapshot(ctx.db, { quarter: '2026-Q4', frozenBy: admin.id, now: SEED_CLOCK })
		const draft = (await listModelVersions(ctx.db)).find(v => v.label === 'test-2027.1')!
		const result = await activateModelVersion(ctx.db, admin, context, { id: draft.id, expectedActiveId: before.id })
		expect(result).toEqual({ ok: true, value: { id: draft.id, label: 'test-2027.1' } })
		const now = (await findActiveModelVersion(ctx.db))!
		expect(now.label).toBe('test-2027.1')
		expect(now.activatedAt).not.toBeNull()
		expect((await listModelVersions(ctx.db)).filter(v => v.isActive)).toHaveLength(1)
		const snapshot = await ctx.db
			.selectFrom('snapshot')
			.select(['model_label', 'model_version_id'])
			.where('quarter', '=', frozen.quarter)
			.executeTakeFirstOrThrow()
		expect(snapshot).toEqual({ model_label: before.label, model_version_id: before.id })
		const audit = await ctx.db
			.selectFrom('audit_event')
			.select(['before_json', 'after_json'])
			.where('action', '=', 'model.activate')
			.executeTakeFirstOrThrow()
		expect(JSON.parse(audit.before_json!)).toEqual({ active: before.label })
		expect(JSON.parse(audit.after_json!)).toEqual({ active: 'test-2027.1' })
	})

	test('an activation from a stale page is a conflict and changes nothing', async () => {
		const active = (await findActiveModelVersion(ctx.db))!
		const old = (await listModelVersions(ctx.db)).find(v => !v.isActive && v.activatedAt)!
		const draft = await draftModelVersion(ctx.db, admin, context, {
			label: 'test-2027.2',
			settings: settings('test-2027.2'),
			basedOn: active.id,
		})
		if (!draft.ok) throw new Error(draft.message)
		const stale = await activateModelVersion(ctx.db, admin, context, { id: draft.value.id, expectedActiveId: old.id })
		expect(stale.ok ? 200 : statusOf(stale.code)).toBe(409)
		expect((await findActiveModelVersion(ctx.db))!.id).toBe(active.id)
		expect((await listModelVersions(ctx.db)).find(v => v.id === draft.value.id)).toMatchObject({ isActive: false, activatedAt: null })
		const replaced = await activateModelVersion(ctx.db, admin, context, { id: old.id, expectedActiveId: active.id })
		expect(replaced.ok ? 200 : statusOf(replaced.code)).toBe(409) // only a draft can be activated
		expect(await ctx.db.selectFrom('audit_event').select('id').where('action', '=', 'model.activate').execute()).toHaveLength(1)
	})
})

describe.each(testDialects())('$name: stored model versions read the compliance audit as "more than 10 million"', dialect => {
	let ctx: DbContext
	beforeAll(async () => {
		ctx = await createTestDb(dialect, '2026_12_01_1600_mfa_and_throttle')
		const old = (label: string, steps: number[]) => ({
			label,
			settings: JSON.stringify({
				...DEFAULT_MODEL_SETTINGS,
				version: label,
				enforcement: { ...DEFAULT_MODEL_SETTINGS.enforcement, volumeSteps: steps },
			}),
			is_active: label === '2025.1' ? 1 : 0,
			created_by: null,
			created_at: '2025-01-08 09:00:00',
			activated_at: '2025-01-08 09:00:00',
		})
		await ctx.db
			.insertInto('model_version')
			.values([old('2025.1', [1_000_000, 10_000_000]), old('custom', [500_000, 2_000_000])])
			.execute()
		await migrateToLatest(ctx.db)
	})
	afterAll(async () => ctx?.db.destroy())

	test('a version stored with 10,000,000 (10 million or more) is corrected to 10,000,001; other steps are kept', async () => {
		const versions = await listModelVersions(ctx.db)
		const steps = (label: string) =>
			(versions.find(v => v.label === label)!.settings as typeof DEFAULT_MODEL_SETTINGS).enforcement.volumeSteps
		expect(steps('2025.1')).toEqual([1_000_000, 10_000_001])
		expect(steps('custom')).toEqual([500_000, 2_000_000])
	})

	test('every version the seed writes already reads it so', async () => {
		await seed(ctx.db, { demo: true, quiet: true, snapshots: false })
		for (const v of await listModelVersions(ctx.db)) {
			const { volumeSteps } = (v.settings as typeof DEFAULT_MODEL_SETTINGS).enforcement
			expect(volumeSteps).not.toContain(10_000_000)
			expect(volumeSteps).toContain(10_000_001)
		}
	})
})
