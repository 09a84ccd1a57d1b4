import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// scrypt from node:crypto: a slow, memory-hard KDF with no 72-byte limit (bcrypt's would cut a
// passphrase of 24 Chinese characters). Parameters live in the stored string so they can be raised later.
const N = 2 ** 15
const r = 8
const p = 1
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number) {
	return new Promise<Buffer>((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: 128 * 1024 * 1024 }, (err, key) =>
			err ? reject(err) : resolve(key),
		),
	)
}

/** Returns 'scrypt$N$r$p$salt$hash' (base64). */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16)
	const key = await derive(password, salt, { N, r, p }, KEY_LENGTH)
	return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, rr, pp, salt, hash] = stored.split('$')
	if (scheme !== 'scrypt' || !salt || !hash) return false
	const expected = Buffer.from(hash, 'base64')
	const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(rr), p: Number(pp) }, expected.length)
	return timingSafeEqual(key, expected)
}

/** A hash of nothing in particular, to spend the same time when the account does not exist. */
let dummy: Promise<string> | undefined
export function dummyPasswordHash() {
	dummy ??= hashPassword(randomBytes(16).toString('hex'))
	return dummy
}
