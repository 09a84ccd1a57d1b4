// Pilot free-trade zones whose data-export negative list (数据出境管理清单（负面清单）) is in force, and since when.
//
// 2024 Provisions (CAC Order No. 16) art. 6: a data processor registered in a pilot free-trade zone that provides
// abroad data NOT on its zone's negative list needs no security assessment, standard contract or certification. The
// list is the zone's own (approved by the provincial cyberspace commission, filed with the CAC and the National Data
// Administration), so the exemption needs (1) a unit registered in the zone, (2) a list in force there on the date
// scored, and (3) data the list does not cover. (3) is a fact about the flow the user states; (1) and (2) are checked
// here. A zone not in this table has no list in force that this product knows of (e.g. Guangdong/Qianhai, where
// Shenzhen announced a pilot but no list was found): its units cannot claim art. 6.
//
// The same rows, with their sources, are in the reference facts (seed/reference/ftz-zones.ts) so the pages can show
// them; decision 034 says how the dates were read and what is unverified.

import { toDayNumber } from './dates.ts'

export interface FtzZone {
	/** Stored on the unit (`ftz_zone`) and written in CSV; lower case. */
	id: string
	name: string
	list: string
	/** First day the list applied ('YYYY-MM-DD'); the exemption is read only on this day or later. */
	since: string
	source: string
	/** True when the date was read in the source cited; false: the month is sourced, the day is not (check it). */
	verified: boolean
	note: string
}

export const FTZ_ZONES: readonly FtzZone[] = [
	{
		id: 'tianjin',
		name: 'China (Tianjin) Pilot Free Trade Zone',
		list: '中国（天津）自由贸易试验区数据出境管理清单（负面清单）（2024版）',
		since: '2024-05-09',
		source: 'http://www.sdzjhg.com/CN/10475/fe9b1389770f49df.aspx',
		verified: false,
		note: 'Sources (law-firm notes) give May 2024 and call it the first FTZ list; the day (9 May) is not confirmed in them.',
	},
	{
		id: 'beijing',
		name: 'China (Beijing) Pilot Free Trade Zone',
		list: '中国（北京）自由贸易试验区数据出境管理清单（负面清单）（2024版）',
		since: '2024-08-30',
		source: 'http://www.handmsg.com/page/2025/0713/29014244.shtml',
		verified: false,
		note: 'Sources give August 2024; the day (30 August) is not confirmed in them.',
	},
	{
		id: 'hainan',
		name: 'Hainan Free Trade Port',
		list: '海南自由贸易港数据出境管理清单（负面清单）（2024版）',
		since: '2025-02-19',
		source: 'http://big5.news.cn/gate/big5/hq.news.cn/20250220/a4da56abf5da4cb3a54de87684a99b6e/c.html',
		verified: true,
		note: 'Xinhua, 2025-02-20: filed with the CAC and the National Data Administration and published, announced at the press briefing of 19 February 2025.',
	},
	{
		id: 'shanghai',
		name: 'China (Shanghai) Pilot Free Trade Zone and Lingang Special Area',
		list: '中国（上海）自由贸易试验区及临港新片区数据出境管理清单（负面清单）（2024版）',
		since: '2025-05-16',
		source:
			'https://www.kwm.com/cn/zh/insights/latest-thinking/negative-list-for-data-exit-in-shanghai-ftz-exploration-practice-and-outlook.html',
		verified: false,
		note: 'King & Wood Mallesons dates it 16 May but writes 2024 while calling it the third list after Beijing (August 2024); read as 2025-05-16, to be checked. Applies to processors registered in the Shanghai FTZ or Lingang.',
	},
]

/** The zone with this id, or undefined ('' and unknown ids: no zone). */
export function ftzZone(id: string | null | undefined): FtzZone | undefined {
	const key = (id ?? '').trim().toLowerCase()
	return key ? FTZ_ZONES.find(z => z.id === key) : undefined
}

/** Whether a unit registered in `zoneId` can claim art. 6 on `asOf`: its zone's list is in force that day. */
export function ftzListInForce(zoneId: string | null | undefined, asOf: string): boolean {
	const zone = ftzZone(zoneId)
	if (!zone) return false
	const day = toDayNumber(asOf)
	const since = toDayNumber(zone.since)
	return day !== null && since !== null && day >= since
}

/** Why art. 6 does not apply to a unit on `asOf`, in words; null when it may apply. */
export function ftzRefusal(zoneId: string | null | undefined, asOf: string): string | null {
	const zone = ftzZone(zoneId)
	if (!zone)
		return `Art. 6 does not apply: the unit is not registered in a free-trade zone whose negative list is in force (zones with a list: ${FTZ_ZONES.map(z => z.name).join('; ')}).`
	if (ftzListInForce(zone.id, asOf)) return null
	return `Art. 6 does not apply on ${asOf}: the negative list of the ${zone.name} applies from ${zone.since}.`
}

/**
 * The message refusing a flow's "outside the FTZ negative list" flag for a unit not registered in a zone with a
 * list (form, CSV and import share it; the field is named first); null when the unit has such a zone.
 */
export function ftzFlagError(unit: { code: string; ftzZone: string | null }): string | null {
	if (ftzZone(unit.ftzZone)) return null
	return `Outside an FTZ negative list: unit "${unit.code}" is not registered in a free-trade zone whose negative list is in force (${FTZ_ZONES.map(z => z.id).join(', ')}), so art. 6 of the 2024 Provisions cannot apply. Answer no, or first set the unit's free-trade zone.`
}
