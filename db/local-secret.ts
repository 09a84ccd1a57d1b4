import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * A secret kept in a file under data/ (git-ignored, readable by the owner only), generated on first use: what the
 * embedded default uses when the environment gives none. `what` names it in the line printed when it is created.
 */
export function localSecretFile(name: string, bytes: number, what: string): Buffer {
	const file = path.resolve('data', name)
	if (!fs.existsSync(file)) {
		fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
		try {
			fs.writeFileSync(file, randomBytes(bytes).toString('base64url'), { mode: 0o600, flag: 'wx' })
			console.warn(`${what} is not set: generated a local one in ${path.relative(process.cwd(), file)}`)
		} catch (error) {
			// Another process starting at the same moment wrote it first: use theirs.
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
		}
	}
	return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url')
}
