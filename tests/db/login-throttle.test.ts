// Throttle rows on both dialects: pair, address and account keys counted in one transaction, a lock reported once
// when it starts, and rows whose window and lock have passed purged.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type DbContext } from '#db/client.server.ts'
import { countFailure, listThrottles, purgeThrottles, readThrottle } from '#db/repositories/login-throttle.ts'
import { inTransaction } from '#db/sql/transaction.ts'
import { accountDelaySeconds, LOGIN_LIMITS, lockStarted, throttleKeys, throttlePurgeBefore } from '#models/login-policy.ts'
import { createTestDb, testDialects } from './setup.ts'

const at = (iso: string) => new Date(`${iso}Z`)

describe.each(testDialects())('$name: sign-in throttle rows', dialect => {
	let ctx: DbContext
	beforeAll(async () => {
		ctx = await createTestDb(dialect)
	})
	afterAll(async () => ctx?.db.destroy())

	test('the fifth failure of a pair starts its lock (reported once); the account is counted, never locked', async () => {
		const keys = throttleKeys('victim@example.com', '203.0.113.9')
		const started: boolean[] = []
		for (let i = 0; i < 7; i++) {
			const now = at(`2026-11-23T09:0${i}:00`)
			await inTransaction(ctx.db, async trx => {
				const pair = await countFailure(trx, keys.pair, LOGIN_LIMITS.pair, now)
				await countFailure(trx, keys.account, LOGIN_LIMITS.account, now)
				started.push(lockStarted(pair.before, pair.after, now))
			})
		}
		expect(started).toEqual([false, false, false, false, true, false, false])
		const account = await readThrottle(ctx.db, keys.account)
		expect(account?.lockedUntil).toBeNull()
		expect(accountDelaySeconds(account, at('2026-11-23T09:07:00'))).toBe(4)
	})

	test('rows past every window and lock are purged; live ones stay', async () => {
		await countFailure(ctx.db, 'address:198.51.100.1', LOGIN_LIMITS.address, at('2026-11-23T08:00:00'))
		const now = at('2026-11-23T09:10:00')
		const purged = await purgeThrottles(ctx.db, throttlePurgeBefore(now))
		expect(purged).toBe(1)
		expect((await listThrottles(ctx.db)).map(t => t.key).sort()).toEqual([
			'account:victim@example.com',
			'pair:victim@example.com 203.0.113.9',
		])
		expect(await purgeThrottles(ctx.db, throttlePurgeBefore(at('2026-11-23T10:00:00')))).toBe(2)
	})
})
