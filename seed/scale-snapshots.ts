// Past quarters for the large group, frozen through the same append path as real freezes (hash chain and
// all), each scored at its quarter's end: SCALE.snapshots of them (SCALE_SNAPSHOTS overrides the count). A quarter
// of 1,000 units is about 54 MB of canonical JSON but about 1.4 MB stored (Brotli, see db/snapshot-encoding.ts),
// well inside MySQL's default 16 MB max_allowed_packet.
import { type Kysely } from 'kysely'
import { findActiveModelVersion } from '#db/repositories/model-versions.ts'
import { loadPortfolio } from '#db/repositories/portfolio.ts'
import { appendSnapshot } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { parseModelSettings } from '#models/exposure/settings.ts'
import { previousQuarter, quarterEndDate, quarterOf } from '#models/quarter.ts'
import { SEED_CLOCK } from './index.ts'

export async function freezeScaleSnapshots(
	db: Kysely<Database>,
	count: number,
	onFrozen: (quarter: string) => void = () => {},
): Promise<{ frozen: number }> {
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
			appendSnapshot(trx, {
				quarter,
				asOf,
				frozenAt: new Date(`${asOf}T12:00:00Z`),
				frozenBy: null,
				model: { id: model.id, label: model.label, settings: settings.value },
				inventory,
				decisions: [],
			}),
		)
		onFrozen(quarter)
	}
	return { frozen: quarters.length }
}
