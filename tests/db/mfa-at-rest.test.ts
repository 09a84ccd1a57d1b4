// Second-factor secrets are sealed at rest (decision 043), on both dialects: the stored value never holds the
// secret, the user still signs in with their code, a value sealed under another key or altered is refused (never
// read as "no second factor"), and secrets stored in plain text before this are sealed once at start-up.
import { createCipheriv, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { offerEnrolment } from '#app/services/mfa.server.ts'
import { signInWithPassword } from '#app/services/sign-in.server.ts'
import { newTotpSecret, totpCode } from '#app/utils/totp.server.ts'
import { type DbContext } from '#db/client.server.ts'
import { readMfa, sealPlainSecrets } from '#db/repositories/mfa.ts'
import { findUserById, insertUser } from '#db/repositories/users.ts'
import { openSecret, sealSecret } from '#db/sealed-secret.ts'
import { createTestDb, testDialects } from './setup.ts'

const PASSWORD = 'correct horse battery staple 42'

describe.each(testDialects())('$name: second-factor secrets sealed at rest', dialect => {
	let ctx: DbContext
	const stored = async (email: string) =>
		ctx.db.selectFrom('app_user').select(['id', 'mfa_secret', 'mfa_pending_secret']).where('email', '=', email).executeTakeFirstOrThrow()
	let n = 0
	const signIn = (email: string, code: string, now = new Date()) =>
		signInWithPassword(ctx.db, null, { requestId: null, now }, { email, address: `198.51.100.${++n}`, password: PASSWORD, code })

	beforeAll(async () => {
		ctx = await createTestDb(dialect)
	})
	afterAll(async () => ctx?.db.destroy())

	test('the stored value is sealed, differs for the same secret, and the user signs in with their code', async () => {
		const secret = newTotpSecret()
		await insertUser(ctx.db, { email: 'sealed@example.test', name: 'Sealed', role: 'analyst', password: PASSWORD, totpSecret: secret })
		const row = await stored('sealed@example.test')
		expect(row.mfa_secret).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
		expect(row.mfa_secret).not.toContain(secret)
		expect(sealSecret(secret, 'mfa_secret')).not.toBe(row.mfa_secret) // a fresh IV each time
		expect((await readMfa(ctx.db, row.id))?.secret).toBe(secret)
		const result = await signIn('sealed@example.test', totpCode(secret))
		expect(result.ok && result.value.kind).toBe('signed-in')
	})

	test('the secret offered during enrolment is sealed too', async () => {
		const id = await insertUser(ctx.db, { email: 'offer@example.test', name: 'Offer', role: 'analyst', password: PASSWORD })
		const offer = await offerEnrolment(ctx.db, (await findUserById(ctx.db, id))!, { requestId: null }, {})
		expect(offer.ok).toBe(true)
		const row = await stored('offer@example.test')
		expect(row.mfa_pending_secret).toMatch(/^v1\./)
		expect(row.mfa_pending_secret).not.toContain(offer.ok ? offer.value.secret : '?')
		expect((await readMfa(ctx.db, id))?.pendingSecret).toBe(offer.ok && offer.value.secret)
	})

	test('a value sealed under another key, altered, or moved to another column is refused, not read as no factor', async () => {
		const secret = newTotpSecret()
		const iv = randomBytes(12)
		const cipher = createCipheriv('aes-256-gcm', randomBytes(32), iv)
		cipher.setAAD(Buffer.from('mfa_secret'))
		const body = Buffer.concat([cipher.update(secret), cipher.final()])
		const otherKey = `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
		expect(() => openSecret(otherKey, 'mfa_secret')).toThrow(/does not open with this MFA_SECRET_KEY/)
		const sealed = sealSecret(secret, 'mfa_secret')
		const altered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BA' : 'AA')
		expect(() => openSecret(altered, 'mfa_secret')).toThrow(/does not open/)
		expect(() => openSecret(sealed, 'mfa_pending_secret')).toThrow(/does not open/)

		await insertUser(ctx.db, { email: 'wrongkey@example.test', name: 'Wrong key', role: 'analyst', password: PASSWORD })
		await ctx.db.updateTable('app_user').set({ mfa_secret: otherKey }).where('email', '=', 'wrongkey@example.test').execute()
		await expect(signIn('wrongkey@example.test', totpCode(secret))).rejects.toThrow(/does not open/)
	})

	test('secrets stored in plain text before sealing are sealed once at start-up; the users still sign in', async () => {
		const secret = newTotpSecret()
		const pending = newTotpSecret()
		const id = await insertUser(ctx.db, { email: 'legacy@example.test', name: 'Legacy', role: 'analyst', password: PASSWORD })
		await ctx.db.updateTable('app_user').set({ mfa_secret: secret, mfa_pending_secret: pending }).where('id', '=', id).execute()
		await ctx.db.updateTable('app_user').set({ mfa_secret: null }).where('email', '=', 'wrongkey@example.test').execute()
		expect((await readMfa(ctx.db, id))?.secret).toBe(secret) // read as it is until sealed
		expect(await sealPlainSecrets(ctx.db)).toBe(2)
		expect(await sealPlainSecrets(ctx.db)).toBe(0) // once
		const row = await stored('legacy@example.test')
		expect(row.mfa_secret).toMatch(/^v1\./)
		expect(row.mfa_pending_secret).toMatch(/^v1\./)
		expect(await readMfa(ctx.db, id)).toMatchObject({ secret, pendingSecret: pending })
		const result = await signIn('legacy@example.test', totpCode(secret))
		expect(result.ok && result.value.kind).toBe('signed-in')
	})
})
