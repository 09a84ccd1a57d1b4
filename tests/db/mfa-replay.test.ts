// A TOTP code is accepted once (ASVS V2.8.4, RFC 6238 §5.2), on both dialects: the same code again within its window,
// or a code of an earlier step, gets the wrong-code answer; two requests with one code sign in once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { confirmEnrolment, offerEnrolment } from '#app/services/mfa.server.ts'
import { signInWithPassword, WRONG_CODE } from '#app/services/sign-in.server.ts'
import { newTotpSecret, totpCode } from '#app/utils/totp.server.ts'
import { type DbContext } from '#db/client.server.ts'
import { findUserById, insertUser } from '#db/repositories/users.ts'
import { createTestDb, testDialects } from './setup.ts'

const PASSWORD = 'correct horse battery staple 42'
const at = (iso: string) => new Date(iso)

describe.each(testDialects())('$name: a TOTP code is accepted once', dialect => {
	let ctx: DbContext
	const secret = newTotpSecret()
	beforeAll(async () => {
		ctx = await createTestDb(dialect)
		await insertUser(ctx.db, { email: 'replay@example.test', name: 'Replay', role: 'analyst', password: PASSWORD, totpSecret: secret })
	})
	afterAll(async () => ctx?.db.destroy())

	// Each attempt from its own address, so the (account, address) throttle never pauses this test.
	let n = 0
	const signIn = (code: string, now: Date) =>
		signInWithPassword(
			ctx.db,
			null,
			{ requestId: null, now },
			{ email: 'replay@example.test', address: `192.0.2.${++n}`, password: PASSWORD, code },
		)

	test('the same code twice: the first signs in, the replay is refused with the wrong-code message', async () => {
		const now = at('2026-12-02T09:00:10Z')
		const code = totpCode(secret, now)
		const first = await signIn(code, now)
		expect(first.ok && first.value.kind).toBe('signed-in')
		const replay = await signIn(code, at('2026-12-02T09:00:25Z')) // same step, still inside its window
		expect(replay).toMatchObject({ ok: false, code: 'invalid', message: WRONG_CODE })
	})

	test('a code of an earlier step than the last accepted one is refused; the next step is accepted', async () => {
		const earlier = await signIn(totpCode(secret, at('2026-12-02T08:59:45Z')), at('2026-12-02T09:00:05Z')) // window -1
		expect(earlier).toMatchObject({ ok: false, message: WRONG_CODE })
		const next = await signIn(totpCode(secret, at('2026-12-02T09:00:35Z')), at('2026-12-02T09:00:35Z'))
		expect(next.ok).toBe(true)
	})

	test('two requests with one code at the same time: exactly one signs in (the write is conditional)', async () => {
		const now = at('2026-12-02T09:05:00Z')
		const code = totpCode(secret, now)
		const results = await Promise.all([signIn(code, now), signIn(code, now)])
		expect(results.filter(r => r.ok)).toHaveLength(1)
		expect(results.find(r => !r.ok)).toMatchObject({ message: WRONG_CODE })
	})

	test('the code that confirms an enrolment does not also sign in', async () => {
		const id = await insertUser(ctx.db, { email: 'enrol@example.test', name: 'Enrol', role: 'analyst', password: PASSWORD })
		const user = (await findUserById(ctx.db, id))!
		const now = at('2026-12-02T10:00:05Z')
		const offer = await offerEnrolment(ctx.db, user, { requestId: null, now }, {})
		expect(offer.ok).toBe(true)
		const pending = offer.ok ? offer.value.secret : ''
		const code = totpCode(pending, now)
		expect((await confirmEnrolment(ctx.db, user, { requestId: null, now }, { code })).ok).toBe(true)
		const again = await signInWithPassword(
			ctx.db,
			null,
			{ requestId: null, now: at('2026-12-02T10:00:15Z') },
			{ email: 'enrol@example.test', address: '198.51.100.7', password: PASSWORD, code },
		)
		expect(again).toMatchObject({ ok: false, message: WRONG_CODE })
	})
})
