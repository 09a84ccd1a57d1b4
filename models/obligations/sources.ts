// The legal source of every duty the register derives: instrument, article, where the text was read, as of when,
// and whether it was read in the primary text (or a verbatim reprint of it). `verified: false` is shown as such
// on every page that shows the duty: check it before relying on it.
//
// Checked for this register on 2026-12-01 (primary texts in Chinese):
// - CSL as amended 2025-10-28 (in force 2026-01-01), NPCSC Gazette 2025 No. 6: art. 23 (MLPS), art. 37 (a CIIO's
//   procurement that may affect national security passes the national security review; 2017 art. 35), art. 40
//   (a CIIO's yearly inspection and assessment, reported to its protection department; 2017 art. 38).
// - National Cybersecurity Incident Reporting Measures (CAC, 2025-09-11, in force 2025-11-01) art. 4: CII-related
//   events to the protection department and public security within 1 hour; other operators to the provincial CAC
//   within 4 hours (events of the 较大 grade and above).
// - PIPL art. 52 (officer; name and contact reported to the authorities), arts 55(4) and 56 (impact assessment
//   before providing PI abroad; report and records kept at least three years).
// - PI Protection Compliance Audit Measures (CAC, in force 2025-05-01): 超过1000万人 (more than ten million,
//   exclusive) audit at least every two years; art. 12 with the CAC announcement of 2025-07-18: 100万人以上
//   (one million inclusive) report the officer to the city-level CAC within 30 working days of reaching it.
// - Network Data Security Management Regulations (in force 2025-01-01) art. 33: important-data processors' yearly
//   risk assessment reported to the provincial-level authority.
// - 2024 Provisions art. 9 (assessment valid 3 years; extension applied for within 60 working days before expiry);
//   2023 Standard Contract Measures art. 7 (filing within 10 working days of taking effect).
// - MLPS: the 2007 Measures (models/mlps-obligations.ts carries the sources).

export type DutyLaw = 'CSL' | 'MLPS' | 'PIPL' | 'NDSMR' | 'CAC-2024' | 'Crypto' | 'Incidents' | 'Tech-export'

export interface DutySource {
	law: DutyLaw
	instrument: string
	article: string
	url: string
	asOf: string
	verified: boolean
	note?: string
}

const CSL_2025 = 'Cybersecurity Law (as amended 2025-10-28, in force 2026-01-01)'
// The amended text is in the NPCSC Gazette 2025 No. 6; the NPC's national database of laws is its official home.
const CSL_2025_URL = 'https://flk.npc.gov.cn/'
const PIPL = 'Personal Information Protection Law (2021)'
const PIPL_URL = 'https://www.gov.cn/xinwen/2021-08/20/content_5632486.htm'
const AUDIT = 'PI Protection Compliance Audit Measures (CAC, in force 2025-05-01)'
const NDSMR = 'Network Data Security Management Regulations (State Council Order No. 790, in force 2025-01-01)'
const NDSMR_URL = 'https://www.gov.cn/zhengce/content/202409/content_6977766.htm'
const PROVISIONS = 'Provisions on Promoting and Regulating Cross-Border Data Flows (CAC Order No. 16, 2024)'
const PROVISIONS_URL = 'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm'

export const DUTY_SOURCES = {
	mlpsGrading: { law: 'MLPS', instrument: CSL_2025, article: 'Art. 23', url: CSL_2025_URL, asOf: '2026-01-01', verified: true },
	mlpsFiling: {
		law: 'MLPS',
		instrument: 'MLPS Administrative Measures 2007 (公通字[2007]43号)',
		article: 'Art. 15',
		url: 'https://www.fudaoke.com/exam/2859164.html',
		asOf: '2007-06-22',
		verified: true,
		note: 'Within 30 days of grading; the 2018 draft (10 working days) was never finalised.',
	},
	mlpsAssessment: {
		law: 'MLPS',
		instrument: 'MLPS Administrative Measures 2007 (公通字[2007]43号)',
		article: 'Art. 14',
		url: 'http://14919.com/n/2345431.html',
		asOf: '2007-06-22',
		verified: true,
	},
	mlpsPractice: {
		law: 'MLPS',
		instrument: 'Market practice (no legal source)',
		article: '-',
		url: 'http://yichen8.com/g79964201.html',
		asOf: '2026-12-01',
		verified: false,
		note: 'Level 2 has no mandatory assessment frequency; every 2 years is market practice.',
	},
	cryptoAssessment: {
		law: 'Crypto',
		instrument:
			'Commercial Cryptography Application Security Assessment Measures (State Cryptography Administration Order No. 3, in force 2023-11-01)',
		article: 'Arts 6-8 (frequency clause not read)',
		url: 'http://zhengpintx.com/home/article/index/article_id/155.html',
		asOf: '2023-11-01',
		verified: false,
		note: 'Arts 1-6 were read (art. 6: operators of important network and information systems protect them with commercial cryptography). The yearly frequency for MLPS level 3 and above is the reading of practitioners; the clause itself was not read.',
	},
	ciioInspection: {
		law: 'CSL',
		instrument: CSL_2025,
		article: 'Art. 40',
		url: CSL_2025_URL,
		asOf: '2026-01-01',
		verified: true,
		note: '2017 text: art. 38.',
	},
	ciioProcurementReview: {
		law: 'CSL',
		instrument: CSL_2025,
		article: 'Art. 37',
		url: CSL_2025_URL,
		asOf: '2026-01-01',
		verified: true,
		note: '2017 text: art. 35. Penalty: art. 67 (1-10 times the purchase amount).',
	},
	incidentReporting: {
		law: 'Incidents',
		instrument: 'National Cybersecurity Incident Reporting Measures (CAC, in force 2025-11-01)',
		article: 'Art. 4',
		url: 'http://www.qdubb.cn/html/2025/yunlingyaowen_0916/141638.html',
		asOf: '2025-11-01',
		verified: true,
		note: 'Reprint of the CAC text of 2025-09-11. Applies to events of the 较大 grade and above under the annexed grading guide.',
	},
	pipo: {
		law: 'PIPL',
		instrument: `${PIPL}; ${AUDIT}`,
		article: 'PIPL art. 52; Audit Measures art. 12; CAC announcement of 2025-07-18',
		url: 'https://www.163.com/dy/article/K4PF5J6B05129QAF.html',
		asOf: '2025-07-18',
		verified: true,
		note: '100万人以上 (1,000,000 included). From the announcement of 2025-07-18, report within 30 working days of the day the count reaches it (自数量达到之日起30个工作日内), to the city-level CAC; processors already above it before the announcement report by 2025-08-29. PIPL art. 52 text read in a verbatim copy.',
	},
	complianceAudit: {
		law: 'PIPL',
		instrument: AUDIT,
		article: 'Art. 3 (number from summaries); PIPL art. 54',
		url: 'http://m.hooverssubs.com/13/15130.html',
		asOf: '2025-05-01',
		verified: true,
		note: 'Rule read in the Xinhua release of 2025-02-14: 处理超过1000万人 (more than 10,000,000: exactly 10,000,000 is not caught) audit at least once every two years. The article number was not seen in the text.',
	},
	pipia: {
		law: 'PIPL',
		instrument: PIPL,
		article: 'Arts 55(4), 56',
		url: PIPL_URL,
		asOf: '2021-11-01',
		verified: true,
		note: 'Before providing PI abroad; the report and the processing records are kept at least three years (art. 56, read in a verbatim copy).',
	},
	importantDataRiskAssessment: {
		law: 'NDSMR',
		instrument: NDSMR,
		article: 'Art. 33',
		url: NDSMR_URL,
		asOf: '2025-01-01',
		verified: true,
		note: 'Text read in a verbatim copy.',
	},
	importantDataOfficer: {
		law: 'NDSMR',
		instrument: NDSMR,
		article: 'Art. 30',
		url: NDSMR_URL,
		asOf: '2025-01-01',
		verified: false,
		note: 'Responsible person and management body for network data security: from secondary summaries; the article text was not read.',
	},
	securityAssessment: {
		law: 'CAC-2024',
		instrument: PROVISIONS,
		article: 'Art. 7',
		url: PROVISIONS_URL,
		asOf: '2024-03-22',
		verified: true,
		note: 'CAC review: 45 working days from acceptance, extendable (2022 Measures art. 12, not re-read).',
	},
	assessmentRenewal: {
		law: 'CAC-2024',
		instrument: PROVISIONS,
		article: 'Art. 9',
		url: PROVISIONS_URL,
		asOf: '2024-03-22',
		verified: true,
		note: '有效期届满前60个工作日内 (within 60 working days before expiry) the exporter may apply for a 3-year extension.',
	},
	standardContractFiling: {
		law: 'CAC-2024',
		instrument: 'Measures on the Standard Contract for Outbound Transfer of PI (CAC Order No. 13, 2023)',
		article: 'Art. 7',
		url: 'https://www.cac.gov.cn/2023-02/24/c_1678884830036813.htm',
		asOf: '2023-06-01',
		verified: true,
		note: 'File with the provincial CAC within 10 working days of the contract taking effect, with the impact assessment report.',
	},
	certificationValidity: {
		law: 'CAC-2024',
		instrument: 'Measures for Certification of Outbound PI Transfers (CAC/SAMR Order No. 20, in force 2026-01-01)',
		article: 'Certificate validity 3 years',
		url: 'https://www.cac.gov.cn/2025-10/17/c_1762449728720008.htm',
		asOf: '2026-01-01',
		verified: true,
	},
	techExportLicence: {
		law: 'Tech-export',
		instrument:
			'Technology Import and Export Administration Regulations; Catalogue of Technologies Prohibited or Restricted from Export (MOFCOM/MOST 2023 No. 57, adjusted by 2025 No. 28)',
		article: 'Arts 29-30 (licence); review periods arts 32-37',
		url: 'http://xzfg.moj.gov.cn/front/law/detail?LawID=575',
		asOf: '2023-12-21',
		verified: false,
		note: 'Arts 29-30 read in a verbatim quotation (prohibited: no export; restricted: licence). The review periods (30 + 15 working days) were not read.',
	},
} as const satisfies Record<string, DutySource>

export type DutySourceKey = keyof typeof DUTY_SOURCES
