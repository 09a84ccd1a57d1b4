import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { localSecretFile } from './local-secret.ts'

// Secrets the app must read back (a user's TOTP seed) are stored sealed: AES-256-GCM under MFA_SECRET_KEY, with the
// column's name as associated data, so a copy of the database alone does not give anyone's second factor
// (docs/decisions/043). Stored form: `v1.` + base64url(iv 12 bytes | tag 16 bytes | ciphertext).
const PREFIX = 'v1.'
const IV_BYTES = 12
const TAG_BYTES = 16

let key: Buffer | undefined

/**
 * MFA_SECRET_KEY: 32 bytes, base64 or base64url (`openssl rand -base64 32`). On the embedded default without one,
 * a random key is generated once into data/mfa-secret-key beside the database file; on MySQL in production it is
 * required, since every instance must hold the same key and a lost key means every second factor must be reset.
 */
export function mfaSecretKey(): Buffer {
	if (key) return key
	const fromEnv = process.env.MFA_SECRET_KEY
	if (fromEnv) {
		const decoded = Buffer.from(fromEnv, 'base64')
		if (decoded.length !== 32) throw new Error('MFA_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)')
		return (key = decoded)
	}
	const local = Buffer.from(localSecretFile('mfa-secret-key', 32, 'MFA_SECRET_KEY'), 'base64url')
	if (local.length !== 32) throw new Error('data/mfa-secret-key does not hold a key of 32 bytes (base64url): set MFA_SECRET_KEY instead')
	return (key = local)
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX)

export function sealSecret(plain: string, column: string): string {
	const iv = randomBytes(IV_BYTES)
	const cipher = createCipheriv('aes-256-gcm', mfaSecretKey(), iv)
	cipher.setAAD(Buffer.from(column))
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
	return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

/**
 * The plain secret. A value stored before secrets were sealed is returned as it is (start-up seals those:
 * sealPlainSecrets). A sealed value that does not open (another key, or altered) throws: a second factor that
 * cannot be read must never count as no second factor.
 */
export function openSecret(stored: string, column: string): string {
	if (!isSealed(stored)) return stored
	const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url')
	try {
		const decipher = createDecipheriv('aes-256-gcm', mfaSecretKey(), raw.subarray(0, IV_BYTES))
		decipher.setAAD(Buffer.from(column))
		decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
		return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
	} catch {
		throw new Error(
			`a sealed ${column} does not open with this MFA_SECRET_KEY: the key differs from the one it was sealed with, or the value was altered`,
		)
	}
}

export const openNullable = (stored: string | null, column: string) => (stored === null ? null : openSecret(stored, column))
