import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import QRCode from 'qrcode'
import { Secret, TOTP } from 'otpauth'

// TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step either side for clock drift) with otpauth, the enrolment QR code
// with qrcode, and recovery codes: 10 of 10 characters (~50 bits each), stored as a salted SHA-256 (ASVS 2.6.2).
const ISSUER = 'China Exposure Dashboard'
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789' // no 0/o, 1/l/i
export const RECOVERY_CODE_COUNT = 10
const PERIOD_SECONDS = 30

const totp = (secret: string, email = '') =>
	new TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) })

export const newTotpSecret = () => new Secret({ size: 20 }).base32

/**
 * The time step (Unix seconds / 30) whose code `code` is, when it is the secret's code for now or one step either
 * side; null otherwise. The caller accepts each step once (db/repositories/mfa.ts acceptTotpStep).
 */
export function matchTotp(secret: string, code: string, now = new Date()): number | null {
	const token = code.replace(/\s/g, '')
	if (!/^\d{6}$/.test(token)) return null
	const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: 1 })
	return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta
}

export const totpCode = (secret: string, now = new Date()) => totp(secret).generate({ timestamp: now.getTime() })

export const otpauthUri = (secret: string, email: string) => totp(secret, email).toString()

/** The otpauth:// URI as a PNG data URL (the CSP allows data: images). */
export const qrDataUrl = (uri: string) => QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 })

export function newRecoveryCodes(): string[] {
	const one = () => Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('')
	return Array.from({ length: RECOVERY_CODE_COUNT }, () => one().replace(/^(.{5})/, '$1-'))
}

const normalize = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '')
const digest = (salt: string, code: string) =>
	createHash('sha256')
		.update(`${salt}:${normalize(code)}`)
		.digest('hex')

export function hashRecoveryCode(code: string) {
	const salt = randomBytes(16).toString('hex')
	return `sha256$${salt}$${digest(salt, code)}`
}

export function recoveryCodeMatches(code: string, stored: string) {
	const [scheme, salt, hash] = stored.split('$')
	if (scheme !== 'sha256' || !salt || !hash || normalize(code).length !== 10) return false
	return timingSafeEqual(Buffer.from(digest(salt, code), 'hex'), Buffer.from(hash, 'hex'))
}
