// Links to law texts go to the official publishers wherever one exists (NPC, the CAC, the State Council and the
// ministries, all under gov.cn); an unofficial copy is linked only where no official text was found, and the pages
// label it. The allowed copies are listed here, so a new one is a decision, not an accident.
import { describe, expect, test } from 'vitest'
import { CSL_2017_SOURCE, CSL_2025_SOURCE } from '#models/exposure/csl.ts'
import { ARTICLES } from '#models/exposure/finding.ts'
import { isOfficialLawSource } from '#models/law-links.ts'
import { DUTY_SOURCES } from '#models/obligations/sources.ts'
import { PROVISIONS_2024_SOURCE } from '#models/transfer-mechanism.ts'

/** Instruments with no official text found (the MLPS measures and standard, some CAC and SCA notices, the Filing Guide). */
const NO_OFFICIAL_TEXT_FOUND = /MLPS|Cryptography|GB\/T 22239|PSB|Filing Guide|Incident|Audit Measures|Market practice|announcement/i

describe('official publishers', () => {
	test('npc.gov.cn, flk.npc.gov.cn, cac.gov.cn, gov.cn and ministries are official; mirrors are not', () => {
		for (const url of [
			'http://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html',
			'https://flk.npc.gov.cn/',
			'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm',
			'https://www.gov.cn/zhengce/content/202409/content_6977766.htm',
			'http://www.mohrss.gov.cn/',
		])
			expect(isOfficialLawSource(url), url).toBe(true)
		for (const url of ['https://www.fudaoke.com/exam/2859164.html', 'https://evilgov.cn.example.com/', 'gov.cn', 'ftp://cac.gov.cn/x'])
			expect(isOfficialLawSource(url), url).toBe(false)
	})

	test('the laws the engines cite link to their official texts', () => {
		expect(isOfficialLawSource(PROVISIONS_2024_SOURCE)).toBe(true)
		expect(isOfficialLawSource(CSL_2017_SOURCE)).toBe(true)
		expect(isOfficialLawSource(CSL_2025_SOURCE)).toBe(true)
		for (const [key, a] of Object.entries(ARTICLES))
			if (!isOfficialLawSource(a.source)) expect(`${a.law} ${a.article}`, key).toMatch(NO_OFFICIAL_TEXT_FOUND)
	})

	test('every duty of the register links officially, except where no official text was found', () => {
		for (const [key, s] of Object.entries(DUTY_SOURCES))
			if (!isOfficialLawSource(s.url)) expect(`${s.instrument} ${s.article}`, key).toMatch(NO_OFFICIAL_TEXT_FOUND)
	})
})
