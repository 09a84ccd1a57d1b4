// `npm run snapshots:verify`: checks every frozen quarter in the database named by DATABASE_URL (default: the
// SQLite file): each content hash, each link to the previous snapshot, and each quarter's results re-scored from its
// frozen inputs and settings with today's scoring code; then every stored board view (a cache of what the quarter's
// page shows) against its own SHA-256. One line per quarter, then a summary; exit code 0 when all is well, 1 on any
// problem (2 when the database cannot be read).
//   --allow-rules-drift  exit 0 when the only problems are results that differ because the snapshot was frozen under
//                        an earlier RULES_VERSION (content and chain intact): expected after a change of rules.
import { closeDb, getDbContext } from './client.server.ts'
import { checkStoredSnapshotViews } from './repositories/snapshot-views.ts'
import { verifyStoredChain } from './repositories/snapshots.ts'

const allowRulesDrift = process.argv.includes('--allow-rules-drift')
const ctx = getDbContext()
let exitCode = 0
try {
	const started = performance.now()
	const report = await verifyStoredChain(ctx.db)
	const ms = Math.round(performance.now() - started)
	console.log(`Verifying ${report.quarters.length} snapshot(s) in ${ctx.describe} (scoring rules ${report.rulesVersion})`)
	for (const q of report.quarters) {
		const head = `${q.quarter.padEnd(8)} ${q.contentHash.slice(0, 16)}  model ${q.modelLabel.padEnd(8)}`
		if (q.ok) console.log(`${head} OK`)
		else for (const p of q.problems) console.log(`${head} ${p.kind.toUpperCase()}: ${p.message}`)
	}
	const bad = report.quarters.filter(q => !q.ok)
	const driftOnly = bad.every(q => q.problems.every(p => p.kind === 'not_reproducible' && p.rulesChanged))
	if (report.quarters.length === 0) console.log('No quarter has been frozen yet: nothing to verify.')
	else
		console.log(
			`Summary: ${report.quarters.length} quarter(s), ${report.quarters.length - bad.length} OK, ${bad.length} with problems; chain head ${report.head}; ${ms} ms.`,
		)
	if (bad.length > 0 && !(allowRulesDrift && driftOnly)) exitCode = 1
	else if (bad.length > 0)
		console.log('Only results frozen under earlier scoring rules differ (--allow-rules-drift): content and chain are intact.')
	// A damaged view is not a damaged record (a reader derives it again), but something altered the database.
	const views = await checkStoredSnapshotViews(ctx.db)
	for (const v of views.damaged)
		console.log(`VIEW     ${v.contentHash.slice(0, 16)}  against ${(v.comparedHash ?? 'none').slice(0, 16)}  ${v.derivation}: ${v.reason}`)
	console.log(
		`Stored board views: ${views.checked} checked, ${views.damaged.length} damaged${views.damaged.length ? ' (each is derived again when next read)' : ''}.`,
	)
	if (views.damaged.length > 0) exitCode = 1
} catch (error) {
	const message = (error as Error).message
	const hint = /no such table|doesn't exist/i.test(message) ? ' (the database is not migrated: run npm run db:migrate)' : ''
	console.error(`Could not verify the snapshots in ${ctx.describe}: ${message}${hint}`)
	exitCode = 2
} finally {
	await closeDb()
}
process.exit(exitCode)
