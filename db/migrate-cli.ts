// `npm run db:migrate`: brings the database named by DATABASE_URL (default: the SQLite file) up to date.
import { closeDb, getDbContext } from './client.server.ts'
import { migrateToLatest } from './migrate.ts'

const ctx = getDbContext()
const applied = await migrateToLatest(ctx.db)
console.log(`${ctx.describe}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`)
await closeDb()
