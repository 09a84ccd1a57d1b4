// Real databases for the db suite: SQLite always (a fresh file per test file), MySQL/MariaDB when
// TEST_MYSQL_URL is set. With CI=true an unreachable MySQL fails the run instead of skipping it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { createDb, type DbContext } from '#db/client.server.ts'
import { MUTABLE_TABLES_CHILD_FIRST } from '#db/schema.ts'
import { type MigrationName, migrateToLatest, migrator } from '#db/migrate.ts'

export interface TestDialect {
	name: 'sqlite' | 'mysql'
	url: () => string
}

export function testDialects(): TestDialect[] {
	const list: TestDialect[] = [
		{
			name: 'sqlite',
			url: () => `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ced-db-')), 'test.db')}`,
		},
	]
	const mysql = process.env.TEST_MYSQL_URL
	if (mysql) list.push({ name: 'mysql', url: () => mysql })
	else if (process.env.CI === 'true') throw new Error('CI=true but TEST_MYSQL_URL is not set: the MySQL suite must run in CI')
	return list
}

/**
 * A migrated, empty database (migrated up to `upTo` only, for tests of a migration). On MySQL the schema is
 * dropped and recreated first, so every test file starts from the same state (the append-only tables cannot be
 * emptied by DELETE).
 */
export async function createTestDb(dialect: TestDialect, upTo?: MigrationName): Promise<DbContext> {
	const url = dialect.url()
	if (dialect.name === 'mysql') await resetMysql(url)
	const ctx = createDb(url)
	if (!upTo) await migrateToLatest(ctx.db)
	else {
		const { error } = await migrator(ctx.db).migrateTo(upTo)
		if (error) throw error
	}
	return ctx
}

async function resetMysql(url: string) {
	const u = new URL(url)
	const name = u.pathname.slice(1)
	u.pathname = '/'
	const admin = createDb(u.toString())
	try {
		await sql.raw(`DROP DATABASE IF EXISTS \`${name}\``).execute(admin.db)
		await sql.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`).execute(admin.db)
	} catch (error) {
		throw new Error(`MySQL at ${u.host} is not reachable or refused the reset: ${(error as Error).message}`)
	} finally {
		await admin.db.destroy()
	}
}

/** Empties the mutable tables (child first); the append-only ones need a fresh database. */
export async function clearTables(ctx: DbContext) {
	for (const t of MUTABLE_TABLES_CHILD_FIRST) await ctx.db.deleteFrom(t).execute()
}
