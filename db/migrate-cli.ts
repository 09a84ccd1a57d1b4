// `npm run db:migrate`: brings the database named by DATABASE_URL (default: the SQLite file) up to date, and seals
// second-factor secrets stored before they were sealed at rest.
import { closeDb, getDbContext } from './client.server.ts'
import { migrateToLatest } from './migrate.ts'
import { sealPlainSecrets } from './repositories/mfa.ts'

const ctx = getDbContext()
const applied = await migrateToLatest(ctx.db)
console.log(`${ctx.describe}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`)
const sealed = await sealPlainSecrets(ctx.db)
if (sealed) console.log(`sealed ${sealed} second-factor secret(s) stored in plain text`)
await closeDb()
