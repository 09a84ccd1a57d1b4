// Frozen in time: takes Kysely<any>, imports nothing from the project.
// A snapshot's three texts become bytes with a per-row `content_encoding`: 'identity' (the UTF-8 canonical JSON,
// which is what every row frozen before this migration holds) or 'br' (Brotli of it, what freezes write from now
// on; see docs/decisions/008-compact-snapshots.md). The rows already frozen keep their bytes: only the declared
// type of the columns changes, nothing is re-encoded, and their hashes verify as before.
import { type Kysely, MysqlAdapter, sql } from 'kysely'

function isMysql(db: Kysely<any>) {
	return db.getExecutor().adapter instanceof MysqlAdapter
}

export async function up(db: Kysely<any>): Promise<void> {
	if (isMysql(db)) {
		// longtext to longblob keeps the stored utf8mb4 bytes as they are (no conversion into a binary type). The
		// default labels the existing rows and is then dropped: every insert must say how its bytes are encoded.
		// ALTER is not an UPDATE, so the append-only triggers neither fire nor go away.
		await sql`alter table snapshot
			add column content_encoding varchar(16) not null default 'identity' after prev_hash,
			modify model_settings longblob not null,
			modify inputs longblob not null,
			modify results longblob not null`.execute(db)
		await sql`alter table snapshot alter column content_encoding drop default`.execute(db)
		return
	}
	// SQLite cannot change a column's type in place: the table is rebuilt (SQLite's documented procedure), in one
	// transaction. The large columns go last, so reading a row's quarter and hash no longer walks the overflow
	// pages of the texts before them. Dropping the old table drops its triggers; they are created again.
	await db.transaction().execute(async trx => {
		await sql`create table snapshot_rebuilt (
			id integer primary key autoincrement,
			quarter varchar(7) not null unique,
			frozen_at datetime not null,
			frozen_by integer,
			model_version_id integer not null,
			model_label varchar(64) not null,
			content_hash varchar(64) not null,
			prev_hash varchar(64),
			content_encoding varchar(16) not null,
			model_settings blob not null,
			inputs blob not null,
			results blob not null
		)`.execute(trx)
		await sql`insert into snapshot_rebuilt
			(id, quarter, frozen_at, frozen_by, model_version_id, model_label, content_hash, prev_hash, content_encoding, model_settings, inputs, results)
			select id, quarter, frozen_at, frozen_by, model_version_id, model_label, content_hash, prev_hash, 'identity',
				cast(model_settings as blob), cast(inputs as blob), cast(results as blob)
			from snapshot order by id`.execute(trx)
		await sql`drop table snapshot`.execute(trx)
		await sql`alter table snapshot_rebuilt rename to snapshot`.execute(trx)
		for (const op of ['UPDATE', 'DELETE']) {
			await sql
				.raw(`CREATE TRIGGER snapshot_no_${op.toLowerCase()} BEFORE ${op} ON snapshot BEGIN SELECT RAISE(ABORT, 'snapshot is append-only: ${op} refused'); END`)
				.execute(trx)
		}
	})
}

export async function down(): Promise<void> {
	// Rows frozen after this migration hold Brotli bytes that the old text columns cannot represent, and snapshots
	// are never rewritten: there is no way back.
	throw new Error('2026_11_24_0900_snapshot_content_bytes cannot be undone: snapshots frozen since hold compressed bytes')
}
