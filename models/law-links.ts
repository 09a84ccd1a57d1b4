// Whether a link to a law's text goes to its official publisher. The official places are the NPC and its national
// database of laws (npc.gov.cn, flk.npc.gov.cn), the CAC (cac.gov.cn) and the State Council and ministries (gov.cn,
// e.g. mohrss.gov.cn, moj.gov.cn, samr.gov.cn, and provincial or city governments). Anything else is a copy: the pages
// link it only where no official text was found (the MLPS measures and standard, some CAC notices), labelled so.

const OFFICIAL_SUFFIXES = ['gov.cn'] // npc.gov.cn, flk.npc.gov.cn, cac.gov.cn, www.gov.cn, mohrss.gov.cn, ...

/** True for an http(s) address on an official publisher's host. */
export function isOfficialLawSource(url: string): boolean {
	const m = /^https?:\/\/([^/?#:]+)/i.exec(url.trim())
	if (!m) return false
	const host = m[1]!.toLowerCase()
	return OFFICIAL_SUFFIXES.some(s => host === s || host.endsWith(`.${s}`))
}

/** The words shown after a link that is not to an official publisher. */
export const UNOFFICIAL_LABEL = 'unofficial copy'
