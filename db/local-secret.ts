import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * A secret (`bytes` random bytes, base64url) kept in a file under data/ (git-ignored, readable by the owner only),
 * generated on first use: what the embedded default uses when the environment gives none (`what`, the variable's
 * name, is in the line printed when it is created). On MySQL in production the environment must give it: every
 * instance must hold the same secret, and a file on one machine is not shared. Processes starting together (test
 * workers, instances) end up with one secret: each writes a file of its own and links it into place, which only
 * the first can do, so nobody ever reads a file half-written.
 */
export function localSecretFile(name: string, bytes: number, what: string): string {
	if (process.env.DATABASE_URL?.startsWith('mysql://') && process.env.NODE_ENV === 'production')
		throw new Error(`${what} is required when running on MySQL in production`)
	const file = path.resolve('data', name)
	if (!fs.existsSync(file)) {
		fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
		const own = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
		fs.writeFileSync(own, randomBytes(bytes).toString('base64url'), { mode: 0o600 })
		try {
			fs.linkSync(own, file)
			console.warn(`${what} is not set: generated a local one in ${path.relative(process.cwd(), file)}`)
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error // another process put theirs first
		} finally {
			fs.rmSync(own, { force: true })
		}
	}
	return fs.readFileSync(file, 'utf8').trim() // base64url
}
