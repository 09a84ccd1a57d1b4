// The registry reachable here lacks some platforms' optional binaries (rollup's), so `npm install` writes a
// lockfile without their entries and `npm ci` then refuses it ("Missing: @rollup/rollup-… from lock file").
// This adds each missing optional platform package with its os/cpu/libc, so npm ci skips it on other
// platforms instead of failing. Run it after `npm install <something>`: node .ci/lock-optional-platforms.mjs
import fs from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
const pk = lock.packages
const platformOf = name => {
	const m = /rollup-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-([a-z0-9]+)(?:-(.*))?$/.exec(name)
	if (!m) return null
	const [, os, cpu, rest] = m
	return { os: [os], cpu: [cpu], ...(rest?.startsWith('gnu') ? { libc: ['glibc'] } : rest?.startsWith('musl') ? { libc: ['musl'] } : {}) }
}
let added = 0
for (const [key, entry] of Object.entries({ ...pk })) {
	for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
		if (pk[`${key ? `${key}/` : ''}node_modules/${dep}`] || pk[`node_modules/${dep}`]) continue
		const platform = platformOf(dep)
		if (!platform) continue
		pk[`node_modules/${dep}`] = { version, dev: true, optional: true, ...platform }
		added++
	}
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)))
fs.writeFileSync(file, `${JSON.stringify(lock, null, '\t')}\n`)
console.log(`package-lock.json: ${added} optional platform entries added`)
