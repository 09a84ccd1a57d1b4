// Sessions and sign-in throttling against the real databases, with the clock passed in.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type DbContext } from '#db/client.server.ts'
import { clearLoginFailures, readThrottle, recordLoginFailure } from '#db/repositories/login-throttle.ts'
import { createSession, deleteSessionsOfUser, resolveSession } from '#db/repositories/sessions.ts'
import { insertUser } from '#db/repositories/users.ts'
import { hashPassword, verifyPassword } from '#db/password.ts'
import { LOGIN_LIMITS, lockedMinutes } from '#models/login-policy.ts'
import { createTestDb, testDialects } from './setup.ts'

const T = { idleMinutes: 30, absoluteHours: 12 }
const at = (iso: string) => new Date(`${iso}Z`)

describe.each(testDialects())('$name: sessions and throttling', dialect => {
	let ctx: DbContext
	let userId: number
	beforeAll(async () => {
		ctx = await createTestDb(dialect)
		userId = await insertUser(ctx.db, {
			email: 'someone@example.com',
			name: 'Someone',
			role: 'analyst',
			password: 'long-enough-passphrase-1',
		})
	})
	afterAll(async () => {
		await ctx?.db.destroy()
	})

	test('a session lives while used, ends after 30 idle minutes, and ends at 12 hours however busy', async () => {
		const token = await createSession(ctx.db, userId, T, at('2026-11-23T08:00:00'))
		expect(await resolveSession(ctx.db, token, T, at('2026-11-23T08:29:00'))).toEqual({ userId })
		// Busy all day: touched every 20 minutes, still cut at the absolute limit.
		for (let m = 40; m < 12 * 60; m += 20) {
			const now = new Date(at('2026-11-23T08:00:00').getTime() + m * 60_000)
			expect(await resolveSession(ctx.db, token, T, now), `minute ${m}`).toEqual({ userId })
		}
		expect(await resolveSession(ctx.db, token, T, at('2026-11-23T20:00:01'))).toBeUndefined()

		const idle = await createSession(ctx.db, userId, T, at('2026-11-23T08:00:00'))
		expect(await resolveSession(ctx.db, idle, T, at('2026-11-23T08:31:00'))).toBeUndefined()
		// Once expired it is gone from the table, not merely refused.
		expect(await resolveSession(ctx.db, idle, T, at('2026-11-23T08:05:00'))).toBeUndefined()
	})

	test('tokens are stored hashed, and ending a user’s sessions ends all of them', async () => {
		const a = await createSession(ctx.db, userId, T)
		const b = await createSession(ctx.db, userId, T)
		const ids = (await ctx.db.selectFrom('app_session').select('id').execute()).map(r => r.id)
		expect(ids).not.toContain(a)
		expect(ids.every(id => /^[0-9a-f]{64}$/.test(id))).toBe(true)
		await deleteSessionsOfUser(ctx.db, userId)
		expect(await resolveSession(ctx.db, a, T)).toBeUndefined()
		expect(await resolveSession(ctx.db, b, T)).toBeUndefined()
	})

	test('five failures lock an account for 15 minutes; the lock then lifts by itself', async () => {
		const key = 'account:someone@example.com'
		let state
		for (let i = 0; i < 4; i++) state = await recordLoginFailure(ctx.db, key, LOGIN_LIMITS.pair, at(`2026-11-23T09:0${i}:00`))
		expect(lockedMinutes(state, at('2026-11-23T09:04:00'))).toBe(0)
		state = await recordLoginFailure(ctx.db, key, LOGIN_LIMITS.pair, at('2026-11-23T09:04:00'))
		expect(lockedMinutes(state, at('2026-11-23T09:04:00'))).toBe(15)
		const stored = await readThrottle(ctx.db, key)
		expect(lockedMinutes(stored, at('2026-11-23T09:18:30'))).toBe(1)
		expect(lockedMinutes(stored, at('2026-11-23T09:19:00'))).toBe(0)
		await clearLoginFailures(ctx.db, key)
		expect(await readThrottle(ctx.db, key)).toBeUndefined()
	})
})

describe('password hashing', () => {
	test('scrypt with a salt per hash: the same password hashes differently and verifies; a wrong one does not', async () => {
		const a = await hashPassword('copper lantern tide harbour')
		const b = await hashPassword('copper lantern tide harbour')
		expect(a).not.toBe(b)
		expect(a).toMatch(/^scrypt\$/)
		expect(await verifyPassword('copper lantern tide harbour', a)).toBe(true)
		expect(await verifyPassword('copper lantern tide harbouR', a)).toBe(false)
	})
})
