// The pilot free-trade zones whose data-export negative list is in force: which zone, which list, since when and
// the source, one row each. The rows themselves live with the law engine (models/ftz-zones.ts), which reads each
// zone's date against the date scored; this file gives them their provenance for the reference facts, and lists the
// zones reported with a list whose date was not found (they are NOT in the table: their units cannot claim art. 6
// until the date is confirmed and a row added). Decision 034.
import { FTZ_ZONES, type FtzZone } from '#models/ftz-zones.ts'
import { type Provenance, type Sourced } from './provenance.ts'

export type FtzZoneFact = FtzZone & Provenance

export const FTZ_ZONE_FACTS: readonly FtzZoneFact[] = FTZ_ZONES.map(z => ({ ...z, asOf: z.since }))

/** Reported with a list, but with no date found in the stored sources: not in the table (unknown is not "in force"). */
export const FTZ_ZONES_DATE_UNCONFIRMED = {
	text: 'Zhejiang FTZ (2024 edition list reported by Zhong Lun and secrss.com) and Guangxi FTZ (a 2025 list reported by secrss.com): the day each list took effect was not found. Guangdong FTZ (incl. Qianhai, Nansha, Hengqin): Shenzhen announced a negative-list pilot for Qianhai and Hetao; no list in force was found.',
	source:
		'https://www.zhonglun.com/research/articles/54634.html; https://www.secrss.com/articles/81909; https://m.yicai.com/news/102647065.html',
	asOf: '2025',
	verified: false,
} as const satisfies Sourced
