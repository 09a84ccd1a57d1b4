// Past quarters for the large group, frozen through the same append path as real freezes (hash chain and
// all), each scored at its quarter's end. A quarter of 1,000 units is ~50 MB of canonical JSON, so the count
// defaults to 4 (SCALE_SNAPSHOTS overrides it, up to the 40 the benchmark brief names); on MySQL the server's
// max_allowed_packet must hold one snapshot, or none are frozen and the reason is printed.
import { type Kysely, sql } from 'kysely'
import { findActiveModelVersion } from '#db/repositories/model-versions.ts'
import { loadPortfolio } from '#db/repositories/portfolio.ts'
import { appendSnapshot } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { parseModelSettings } from '#models/exposure/settings.ts'
import { previousQuarter, quarterEndDate, quarterOf } from '#models/snapshot.ts'
import { SEED_CLOCK } from './index.ts'

export async function freezeScaleSnapshots(db: Kysely<Database>, max: number, mysql: boolean): Promise<{ frozen: number; note?: string }> {
	const count = Math.min(max, Number(process.env.SCALE_SNAPSHOTS ?? 4))
	if (mysql) {
		const packet = Number((await sql<{ p: number }>`select @@max_allowed_packet as p`.execute(db)).rows[0]?.p ?? 0)
		if (packet < 128 * 1024 * 1024)
			return { frozen: 0, note: `max_allowed_packet is ${Math.round(packet / 1024 / 1024)} MB; a 1,000-unit snapshot needs about 64 MB per statement (SET GLOBAL max_allowed_packet=268435456)` }
	}
	const model = await findActiveModelVersion(db)
	if (!model) throw new Error('no active model version')
	const settings = parseModelSettings(model.settings)
	if (!settings.ok) throw new Error(settings.errors.join('; '))
	const inventory = await loadPortfolio(db)
	const quarters: string[] = []
	for (let q = previousQuarter(quarterOf(SEED_CLOCK)); quarters.length < count; q = previousQuarter(q)) quarters.unshift(q)
	for (const quarter of quarters) {
		const asOf = quarterEndDate(quarter)
		await db.transaction().execute(trx =>
			appendSnapshot(trx, { quarter, asOf, frozenAt: new Date(`${asOf}T12:00:00Z`), frozenBy: null, model: { id: model.id, label: model.label, settings: settings.value }, inventory, decisions: [] }),
		)
	}
	return { frozen: quarters.length }
}
