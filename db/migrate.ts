import fs from 'node:fs'
import { type Kysely } from 'kysely'
import { type Migration, Migrator } from 'kysely/migration' // kysely >= 0.29: importing it from 'kysely' crashes at start-up

// Every file in db/migrations is a migration, applied in the order of its name (YYYY_MM_DD_HHMM_name.ts): adding one
// is adding the file, with nothing to register. This module runs under tsx and vitest only (the server, the CLIs and
// the tests import it; the Remix build does not), so reading the folder at run time is safe.
const FOLDER = new URL('./migrations/', import.meta.url)
const NAME = /^(\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+)\.ts$/

async function readMigrations(): Promise<Record<string, Migration>> {
	const files = fs.readdirSync(FOLDER).filter(file => file.endsWith('.ts'))
	const misnamed = files.filter(file => !NAME.test(file))
	if (misnamed.length) throw new Error(`db/migrations: ${misnamed.join(', ')} not named YYYY_MM_DD_HHMM_name.ts`)
	const names = files.map(file => file.slice(0, -3)).sort()
	const modules = await Promise.all(names.map(name => import(new URL(`${name}.ts`, FOLDER).href) as Promise<Migration>))
	return Object.fromEntries(names.map((name, i) => [name, modules[i]!]))
}

/** A migration's name: its file name without `.ts`. */
export type MigrationName = string

/**
 * The migrator over this project's migrations (migrateTo a named one lets tests build an older schema). Migrations
 * written side by side are named in separate time blocks, so one merged later can sort before one a database has
 * already run (2026_12_02_1000 arrived after 2026_12_02_1300 had run): such a migration is run, not refused. Each
 * migration touches only its own columns and rows, so the order they run in does not change the schema.
 */
export function migrator(db: Kysely<any>) {
	return new Migrator({ db, provider: { getMigrations: readMigrations }, allowUnorderedMigrations: true })
}

export async function migrateToLatest(db: Kysely<any>) {
	const { error, results } = await migrator(db).migrateToLatest()
	for (const it of results ?? []) {
		if (it.status === 'Error') console.error(`failed to execute migration "${it.migrationName}"`)
	}
	if (error) throw error
	return (results ?? []).filter(r => r.status === 'Success').map(r => r.migrationName)
}
