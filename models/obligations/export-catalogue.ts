// The Catalogue of Technologies Prohibited or Restricted from Export (中国禁止出口限制出口技术目录): the items a
// system's technology may fall under, as reference data with their sources. A prohibited technology may not be
// exported; a restricted one needs a licence before it leaves; anything else is freely exportable and only its
// contract is registered (Technology Import and Export Administration Regulations; MOFCOM's explanation of the
// 2025 adjustment).
//
// Editions: MOFCOM/MOST Order 2008 No. 12, adjusted by announcement 2020 No. 38 (2020-08-28), revised by
// announcement 2023 No. 57 (2023-12-21: 134 items, 24 prohibited and 110 restricted) and adjusted by announcement
// 2025 No. 28 (2025-07-15: 3 items deleted, 1 added, 1 modified).
//
// Item numbers end in J (禁止, prohibited) or X (限制, restricted): seen in the 2020 announcement's text (e.g.
// 050302J under 禁止出口部分) and in a commentary quoting the 2023 catalogue (086501X). Only items read in a source
// are listed; the catalogue itself was not read in full, so a system's item may be one not listed here.

import { type TechExportCategory } from '../domain.ts'

export interface CatalogueItem {
	/** The item number where it was seen, else null. */
	number: string | null
	name: string
	category: Exclude<TechExportCategory, 'none'>
	/** What the item covers that matters to a software or data business. */
	covers: string
	source: string
	asOf: string
	verified: boolean
	note: string
}

export const CATALOGUE_EDITION = {
	instrument:
		'Catalogue of Technologies Prohibited or Restricted from Export (MOFCOM/MOST announcement 2023 No. 57, adjusted by 2025 No. 28)',
	revisedOn: '2023-12-21',
	amendedOn: '2025-07-15',
	source: 'http://www.zhenghe.cn/ZCT/PolicyReadDetail?id=3e948e48-36e0-4a20-af2c-33eb471eb4b2',
	sourceOfRevision: 'http://www.shixunjie.cn/weishangzixun/35458.html',
	verified: true,
	note: 'MOFCOM spokesperson on the 2025 adjustment (reprinted): prohibited items may not be exported, restricted items need a licence, others are free with contract registration. The 2023 revision (Chinanews wire): 134 items, 24 prohibited, 110 restricted.',
} as const

export const CATALOGUE_ITEMS: readonly CatalogueItem[] = [
	{
		number: '086501X',
		name: 'Information processing technology (信息处理技术)',
		category: 'restricted',
		covers:
			'Control point 18: personalised information push based on data analysis (recommendation: preference learning on large data sets, real-time preference sensing, content feature modelling, matching, large-scale distributed real-time computing for recommendation algorithms)',
		source: 'https://wxredian.com/art?id=b56ccff9ec4c0de9cd69be511aaf81b8',
		asOf: '2023-12-21',
		verified: false,
		note: 'Number and control point from a commentary that quotes the 2023 catalogue; the catalogue text itself was not read. The 2020 adjustment also added artificial-intelligence interaction interface technology to the restricted list (from summaries; its number not seen).',
	},
	{
		number: null,
		name: 'Lidar systems (激光雷达系统)',
		category: 'restricted',
		covers: 'Added as a restricted item by the 2023 revision',
		source: 'http://www.shixunjie.cn/weishangzixun/35458.html',
		asOf: '2023-12-21',
		verified: true,
		note: 'Chinanews wire of 2023-12-21 names the item; its number was not seen.',
	},
	{
		number: null,
		name: 'Battery cathode material preparation technology (电池正极材料制备技术)',
		category: 'restricted',
		covers: 'Added as a restricted item by the 2025 adjustment',
		source: 'http://www.zhenghe.cn/ZCT/PolicyReadDetail?id=3e948e48-36e0-4a20-af2c-33eb471eb4b2',
		asOf: '2025-07-15',
		verified: true,
		note: 'MOFCOM spokesperson on the 2025 adjustment names the item; its number was not seen.',
	},
	{
		number: null,
		name: 'Cell cloning and gene editing technology for human use (用于人的细胞克隆和基因编辑技术)',
		category: 'prohibited',
		covers: 'Added as a prohibited item by the 2023 revision',
		source: 'http://www.shixunjie.cn/weishangzixun/35458.html',
		asOf: '2023-12-21',
		verified: true,
		note: 'Chinanews wire of 2023-12-21 names the item; its number was not seen.',
	},
]

const NUMBER = /^(\d{6})([JX])\b/i

/** The catalogue item a system's item text names by number, if it is one of those listed. */
export function catalogueItemFor(itemText: string | null | undefined): CatalogueItem | undefined {
	const m = NUMBER.exec((itemText ?? '').trim())
	if (!m) return undefined
	const number = `${m[1]}${m[2]!.toUpperCase()}`
	return CATALOGUE_ITEMS.find(i => i.number === number)
}

/**
 * Why a category and item do not go together, or null: restricted and prohibited need the item; none and "not
 * determined" take none; an item number's suffix must agree with the category (J prohibited, X restricted).
 */
export function techExportItemProblem(category: TechExportCategory | null, item: string | null): string | null {
	if ((category === 'restricted' || category === 'prohibited') && !item)
		return `Export catalogue item is required when the category is ${category}: give the item number and name`
	if ((category === 'none' || category === null) && item)
		return `Export catalogue item must be empty when the category is ${category ?? 'not determined'}`
	const m = NUMBER.exec(item ?? '')
	if (m && category) {
		const suffix = m[2]!.toUpperCase()
		if (suffix === 'J' && category !== 'prohibited')
			return `Export catalogue item ${m[1]}J is a prohibited item (J): set the category to prohibited`
		if (suffix === 'X' && category !== 'restricted')
			return `Export catalogue item ${m[1]}X is a restricted item (X): set the category to restricted`
	}
	return null
}
