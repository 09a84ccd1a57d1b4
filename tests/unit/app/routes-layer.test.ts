// Routes parse, call one service and answer (docs/decisions/011): the transaction, the audit entry and the cache
// invalidation of a use case live in app/services. This reads every route module and fails on a transaction opened
// or an audit entry written there, or on an import of the helpers that do either.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const ROUTES = 'app/routes'
const routeFiles = (dir: string): string[] =>
	fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap(e => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
		.filter(f => /\.tsx?$/.test(f))

/** What a route must not do, each with the pattern that finds it in source (comments stripped first). */
const FORBIDDEN: Array<[string, RegExp]> = [
	['opens a transaction', /\b(?:\w*[tT]ransaction)\s*\(/],
	['writes audit', /\b(?:recordAudit|recordAuditMany|audit|auditMany)\s*\(/],
	['imports the transaction helper', /from\s+['"]#db\/sql\/transaction\.ts['"]/],
	['imports the audit writer', /import\s*\{[^}]*\b(?:recordAudit|recordAuditMany)\b[^}]*\}\s*from/],
	['imports the services’ audit helper', /from\s+['"]#app\/services\/audit\.server\.ts['"]/],
]

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')

function routeLayerViolations(files: Array<{ file: string; source: string }>) {
	return files.flatMap(({ file, source }) =>
		FORBIDDEN.filter(([, pattern]) => pattern.test(withoutComments(source))).map(([what]) => `${file} ${what}`),
	)
}

test('no route under app/routes opens a transaction or writes audit', () => {
	const files = routeFiles(ROUTES).map(file => ({ file, source: fs.readFileSync(file, 'utf8') }))
	expect(files.length).toBeGreaterThan(30)
	expect(routeLayerViolations(files)).toEqual([])
})

test('the scan finds each kind of offence (so a clean result means something)', () => {
	const found = routeLayerViolations([
		{ file: 'a.tsx', source: "import { writeTransaction } from '#db/sql/transaction.ts'\nawait writeTransaction(db, f)" },
		{ file: 'b.tsx', source: 'await db.transaction().execute(async trx => {})' },
		{ file: 'c.tsx', source: "import { recordAudit } from '#db/repositories/audit.ts'\nawait recordAudit(db, u, e)" },
		{ file: 'd.tsx', source: 'await audit(trx, request, user, { action: "x" })' },
		{ file: 'e.tsx', source: "import { listAuditEvents } from '#db/repositories/audit.ts'\n// audit( in a comment is fine" },
	])
	expect(found).toEqual([
		'a.tsx opens a transaction',
		'a.tsx imports the transaction helper',
		'b.tsx opens a transaction',
		'c.tsx writes audit',
		'c.tsx imports the audit writer',
		'd.tsx writes audit',
	])
})
