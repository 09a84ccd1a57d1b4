// The lockfile holds no version with a published advisory we know of, and what the server imports at run time
// is a runtime dependency (npm ci --omit=dev must still print PDFs). The list below is kept by hand from the
// advisory database before each release (README, "Dependencies"); add a row when an advisory is published.
import fs from 'node:fs'
import { describe, expect, test } from 'vitest'

interface Advisory {
	id: string
	name: string
	/** Affected versions, inclusive. */
	from: string
	to: string
	fixed: string
}

export const KNOWN_ADVISORIES: Advisory[] = [
	// Open redirect leading to XSS (CVE-2026-53668), fixed in 6.30.6 on the 6.x line.
	{ id: 'GHSA-jjmj-jmhj-qwj2', name: 'react-router', from: '6.30.2', to: '6.30.4', fixed: '6.30.6' },
	{ id: 'GHSA-jjmj-jmhj-qwj2', name: 'react-router-dom', from: '6.30.2', to: '6.30.4', fixed: '6.30.6' },
	// Open redirect through a protocol-relative path (CVE-2026-40181), fixed in 6.30.4.
	{ id: 'GHSA-2j2x-hqr9-3h42', name: 'react-router', from: '6.7.0', to: '6.30.3', fixed: '6.30.4' },
]

const parts = (v: string) => v.split(/[.-]/).slice(0, 3).map(Number)
export function compareVersions(a: string, b: string) {
	const [x, y] = [parts(a), parts(b)]
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0)
	return 0
}

/** Every locked package version that falls in a known advisory's range. */
export function lockedAdvisories(lock: { packages: Record<string, { version?: string }> }) {
	const found: string[] = []
	for (const [key, entry] of Object.entries(lock.packages)) {
		const name = key.replace(/^.*node_modules\//, '')
		for (const a of KNOWN_ADVISORIES)
			if (name === a.name && entry.version && compareVersions(entry.version, a.from) >= 0 && compareVersions(entry.version, a.to) <= 0)
				found.push(`${key}@${entry.version} (${a.id}, fixed in ${a.fixed})`)
	}
	return found
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))

describe('dependencies', () => {
	test('no locked version falls in a known advisory', () => {
		expect(lockedAdvisories(readJson('package-lock.json'))).toEqual([])
	})

	test('the check finds an affected version (react-router 6.30.4, as @remix-run/react 2.17.5 pulls in)', () => {
		const lock = {
			packages: { 'node_modules/react-router': { version: '6.30.4' }, 'node_modules/react-router-dom': { version: '6.30.6' } },
		}
		expect(lockedAdvisories(lock)).toEqual(['node_modules/react-router@6.30.4 (GHSA-jjmj-jmhj-qwj2, fixed in 6.30.6)'])
	})

	test('what the server imports at run time is a runtime dependency, not a dev one', () => {
		const pkg = readJson('package.json')
		for (const name of ['playwright-core', 'otpauth', 'qrcode', 'express', '@remix-run/node']) {
			expect(pkg.dependencies[name], name).toBeDefined()
			expect(pkg.devDependencies[name], name).toBeUndefined()
		}
	})
})
