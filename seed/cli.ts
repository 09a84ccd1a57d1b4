// `npm run seed`: migrate, then replace the reference data and the demo group (DATABASE_URL or the SQLite default).
import { closeDb, getDbContext } from '#db/client.server.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { seed } from './index.ts'

const ctx = getDbContext()
console.log(`Seeding ${ctx.describe}`)
await migrateToLatest(ctx.db)
await seed(ctx.db, { demo: !process.argv.includes('--no-demo') })
await closeDb()
