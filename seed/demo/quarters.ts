// Eight past quarters of Meridian Holdings (./group.ts), frozen as snapshots with the real hash chain. Each quarter's
// inventory is the current demo inventory with the later changes undone, so the history ends where the live
// inventory stands and every date in it is consistent with the dates in group.ts:
// - MLPS: a system graded or filed after the quarter's end is ungraded or unfiled in it; an assessment dated after
//   it is replaced by the one before (by the level's cycle, or the late dates below: assessments catching up);
//   systems, flows and staffing lines that came later are absent (the consumer app, the wealth onboarding platform,
//   the KYC screening system, the test data lab, the wearable);
// - cross-border: a mechanism dated after the quarter's end was not yet in place (standard contracts, certifications,
//   security assessments); FLW-BANK-RISK's assessment expires by itself on 2025-09-14; volumes rise on the flows
//   below (the app's profiles past 100,000, card-fraud screening past 1,000,000, device telemetry past 100,000).
//   Volumes are kept as the analysts recorded them each quarter: the reset of the "since 1 January" counts at each
//   new year is not modelled, flows not listed below keep their current figures;
// - Meridian Payments notified as a CIIO in 2025-Q3; the consumer app set up in 2025-Q4 and launched in 2026-Q1;
//   a Shanghai consumer-insights JV wound down after 2025-Q1 (a unit that is no longer in the live inventory);
// - model version 2025.1 until 2026.1 was adopted in January 2026 (the 2025-Q4 freeze is the first under it);
// - the approved relocation of the Shanghai client data team (decided 2026-10-15, moves in 2027-Q1) is recorded as a
//   decision in the 2026-Q3 snapshot; its staffing is unchanged, as in the live inventory.
// Everything is fixed: quarters and freeze times follow the seed's clock, never the wall clock.

import { type Kysely } from 'kysely'
import { sqlNow } from '#db/mappers.ts'
import { loadPortfolio } from '#db/repositories/portfolio.ts'
import { appendSnapshot, countSnapshots, listDecisionNotes } from '#db/repositories/snapshots.ts'
import { type Database } from '#db/schema.ts'
import { addDays, addMonths } from '#models/dates.ts'
import {
	type BusinessUnit,
	type DataFlow,
	type InfoSystem,
	type PortfolioInventory,
	type StaffingLine,
	type UnitInventory,
} from '#models/domain.ts'
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '#models/exposure/settings.ts'
import { MLPS_RULES } from '#models/mlps-obligations.ts'
import { compareQuarters, previousQuarter, quarterEndDate, quarterOf } from '#models/quarter.ts'
import { DEMO_AS_OF } from './group.ts'

export const DEMO_QUARTER_COUNT = 8

/** The eight quarters before the clock's quarter, oldest first (2024-Q4 to 2026-Q3 for the seed's clock). */
export function demoQuarters(clock: Date, count = DEMO_QUARTER_COUNT): string[] {
	const out: string[] = []
	let q = quarterOf(clock)
	for (let i = 0; i < count; i++) {
		q = previousQuarter(q)
		out.unshift(q)
	}
	return out
}

/** When the board pack of a quarter was frozen: 20 days after the quarter's end, 10:00 UTC. */
export function demoFrozenAt(quarter: string): Date {
	return new Date(`${addDays(quarterEndDate(quarter), 20)}T10:00:00Z`)
}

// ---------------------------------------------------------------------------------------------------------------
// Model versions

/**
 * The model before 2026.1: a milder enforcement climate (0.9), escalation from four coinciding gaps rather than
 * three, a severely overdue assessment rated 4 rather than 5, and expiry warnings 90 days ahead rather than 120.
 */
export const DEMO_MODEL_2025: ModelSettings = {
	...DEFAULT_MODEL_SETTINGS,
	version: '2025.1',
	escalation: { ...DEFAULT_MODEL_SETTINGS.escalation, gapCount: 4 },
	crossBorder: { ...DEFAULT_MODEL_SETTINGS.crossBorder, expiryWarningDays: 90 },
	mlps: {
		...DEFAULT_MODEL_SETTINGS.mlps,
		likelihood: { ...DEFAULT_MODEL_SETTINGS.mlps.likelihood, assessmentSeverelyOverdue: 4 },
	},
	enforcement: { ...DEFAULT_MODEL_SETTINGS.enforcement, climateFactor: 0.9 },
}

export interface DemoModelVersion {
	label: string
	settings: ModelSettings
	createdAt: Date
}

/** Oldest first; the last one is the active version after seeding. */
export const DEMO_MODEL_VERSIONS: DemoModelVersion[] = [
	{ label: DEMO_MODEL_2025.version, settings: DEMO_MODEL_2025, createdAt: new Date('2025-01-08T09:00:00Z') },
	{ label: DEFAULT_MODEL_SETTINGS.version, settings: DEFAULT_MODEL_SETTINGS, createdAt: new Date('2026-01-12T09:00:00Z') },
]

/** The label of the model version in force when a quarter was frozen. */
export function demoModelLabelAt(frozenAt: Date): string {
	const inForce = DEMO_MODEL_VERSIONS.filter(m => m.createdAt.getTime() <= frozenAt.getTime()).pop()
	if (!inForce) throw new Error(`seed: no demo model version existed on ${frozenAt.toISOString()}`)
	return inForce.label
}

// ---------------------------------------------------------------------------------------------------------------
// History: what came when, and the figures that moved

/** First quarter an entity is in the inventory (absent before). Units' children go with their unit. */
const SINCE: Record<string, string> = {
	'BU-SZ-APP': '2025-Q4', // company set up with a development team; the app launched in February 2026
	'SYS-APP-CORE': '2025-Q4',
	'SYS-APP-ANALYTICS': '2026-Q1',
	'SYS-APP-SUPPORT': '2026-Q2',
	'FLW-APP-PROFILES': '2026-Q1',
	'FLW-APP-SDK': '2026-Q1',
	'FLW-APP-LOCATION': '2026-Q2', // location-based offers launched in May 2026
	'SL-APP-RND-SZ': '2025-Q4',
	'SL-APP-MGMT-SZ': '2025-Q4',
	'SL-APP-OPS-SZ': '2026-Q1',
	'SL-APP-GROWTH-SZ': '2026-Q1',
	'SYS-HLT-WEARABLE': '2025-Q1', // launched in January 2025, graded only in April
	'FLW-HLT-WEARABLE': '2025-Q1',
	'SYS-RND-TESTLAB': '2025-Q4',
	'FLW-RND-TESTLAB-RA': '2025-Q4',
	'SYS-WLT-ONBOARD': '2026-Q3',
	'FLW-WLT-ACCOUNT-OPENING': '2026-Q3',
	'SYS-OPS-KYC': '2026-Q3',
	'FLW-OPS-KYC-RETURN': '2026-Q3',
}

/** Figures by quarter: each table lists every past quarter whose figure differs from the live inventory's. */
type ByQuarter<T> = Record<string, T>

const UNIT_FIELDS: Record<string, ByQuarter<Partial<BusinessUnit>>> = {
	// Notified by the sector's protection department in August 2025.
	'BU-SH-PAY': { '2024-Q4': { isCiio: false }, '2025-Q1': { isCiio: false }, '2025-Q2': { isCiio: false } },
	'BU-SZ-APP': {
		'2025-Q4': { chinaRevenueRmb: 0 },
		'2026-Q1': { chinaRevenueRmb: 60_000_000 },
		'2026-Q2': { chinaRevenueRmb: 190_000_000 },
		'2026-Q3': { chinaRevenueRmb: 310_000_000 },
	},
}

const volume = (pi: number, spi: number) => ({ personalInfoIndividuals: pi, sensitivePersonalInfoIndividuals: spi })

const FLOW_FIELDS: Record<string, ByQuarter<Partial<DataFlow>>> = {
	'FLW-APP-PROFILES': {
		'2026-Q1': volume(45_000, 0),
		'2026-Q2': volume(160_000, 0), // past 100,000: a standard contract (or certification) is now required
		'2026-Q3': volume(520_000, 0),
	},
	'FLW-APP-LOCATION': { '2026-Q2': volume(3_800, 3_800), '2026-Q3': volume(8_600, 8_600) },
	// Card-fraud screening extended to wallet users during 2025: past 1,000,000 in 2025-Q3.
	'FLW-PAY-FRAUD': {
		'2024-Q4': volume(760_000, 760_000),
		'2025-Q1': volume(820_000, 820_000),
		'2025-Q2': volume(940_000, 940_000),
		'2025-Q3': volume(1_080_000, 1_080_000),
		'2025-Q4': volume(1_350_000, 1_350_000),
		'2026-Q1': volume(1_700_000, 1_700_000),
		'2026-Q2': volume(2_050_000, 2_050_000),
		'2026-Q3': volume(2_300_000, 2_300_000),
	},
	// Device telemetry grew with the installed base: past 100,000 in 2026-Q2, still with no mechanism.
	'FLW-RND-TELEMETRY': {
		'2024-Q4': volume(62_000, 0),
		'2025-Q1': volume(68_000, 0),
		'2025-Q2': volume(74_000, 0),
		'2025-Q3': volume(81_000, 0),
		'2025-Q4': volume(88_000, 0),
		'2026-Q1': volume(96_000, 0),
		'2026-Q2': volume(128_000, 0),
		'2026-Q3': volume(185_000, 0),
	},
	'FLW-WLT-ACCOUNT-OPENING': { '2026-Q3': volume(4_100, 4_100) },
	'FLW-OPS-KYC-RETURN': { '2026-Q3': volume(85_000, 0) },
}

const STAFFING_HEADCOUNT: Record<string, ByQuarter<number>> = {
	'SL-APP-RND-SZ': { '2025-Q4': 30, '2026-Q1': 55, '2026-Q2': 72, '2026-Q3': 80 },
	'SL-APP-MGMT-SZ': { '2025-Q4': 3, '2026-Q1': 4, '2026-Q2': 5, '2026-Q3': 5 },
	'SL-APP-OPS-SZ': { '2026-Q1': 20, '2026-Q2': 42, '2026-Q3': 55 },
	'SL-APP-GROWTH-SZ': { '2026-Q1': 12, '2026-Q2': 26, '2026-Q3': 32 },
	// The test data lab's team grew as the lab was built.
	'SL-RND-DATA-BJ': {
		'2024-Q4': 205,
		'2025-Q1': 210,
		'2025-Q2': 218,
		'2025-Q3': 226,
		'2025-Q4': 235,
		'2026-Q1': 242,
		'2026-Q2': 250,
		'2026-Q3': 250,
	},
}

/** A young team: tenure counted back from the live figure (group.ts is as of DEMO_AS_OF). */
const YOUNG_TEAMS = new Set(['SL-APP-RND-SZ', 'SL-APP-MGMT-SZ', 'SL-APP-OPS-SZ', 'SL-APP-GROWTH-SZ'])

/**
 * Earlier MLPS assessments (latest first) where they were late: the yearly (level 3) or six-monthly (level 4)
 * cycle had lapsed before the assessment now on file caught up. Others are taken as on time, one cycle back.
 */
const EARLIER_ASSESSMENTS: Record<string, string[]> = {
	'SYS-RTL-ECOM': ['2025-02-17'], // overdue from 2026-02-17; assessed 2026-06-10
	'SYS-HQ-HRIS': ['2024-11-20'], // overdue from 2025-11-20; assessed 2026-05-12
	'SYS-LOG-TMS': ['2025-03-18'], // overdue from 2026-03-18; assessed 2026-08-25
	'SYS-MFG-SCADA': ['2025-06-12'], // overdue from 2026-06-12; assessed 2026-09-08
	'SYS-NRG-METER': ['2024-10-15'], // overdue from 2025-10-15; assessed 2026-01-08
	'SYS-PAY-SWITCH': ['2025-12-20', '2025-06-16'], // level 4: overdue from 2026-06-20; assessed 2026-07-15
}

/** The Shanghai consumer-insights JV, wound down after 2025-Q1: in the snapshots, not in the live inventory. */
const INSIGHT_UNTIL = '2025-Q1'
const INSIGHT_ID = 90_001

function insightUnit(groupTurnover: number): UnitInventory {
	return {
		unit: {
			id: INSIGHT_ID,
			code: 'BU-SH-INSIGHT',
			name: 'Meridian Consumer Insights (Shanghai) JV',
			segment: 'consumer',
			legalEntityType: 'jv',
			city: 'Shanghai',
			sector: 'consumer_goods',
			isCiio: false,
			handlesConsumerData: true,
			chinaRevenueRmb: 95_000_000,
			priorYearGlobalTurnoverRmb: groupTurnover,
			priorYearEntityTurnoverRmb: 95_000_000,
			distinctIndividualsAbroad: null,
			distinctSensitiveIndividualsAbroad: null,
			ftzZone: null,
		},
		systems: [
			{
				id: INSIGHT_ID + 1,
				unitId: INSIGHT_ID,
				code: 'SYS-INS-PANEL',
				name: 'Consumer research panel platform',
				mlpsLevel: 2,
				gradedOn: '2021-03-01',
				filedOn: '2021-03-22',
				lastAssessedOn: '2023-05-10',
				technologies: ['cloud'],
				holdsPersonalData: true,
				holdsImportantData: false,
				holdsSourceCode: false,
			},
		],
		flows: [
			{
				id: INSIGHT_ID + 2,
				unitId: INSIGHT_ID,
				code: 'FLW-INS-PANEL-UK',
				name: 'Survey panel responses to the London analytics team',
				destinationCountry: 'GB',
				destinationEntity: 'Meridian Insights UK Ltd',
				personalInfoIndividuals: 140_000,
				sensitivePersonalInfoIndividuals: 0,
				includesImportantData: false,
				purpose: 'other',
				collectedInMainland: true,
				outsideFtzNegativeList: false,
				isRemoteAccess: false,
				mechanismInPlace: 'none',
				mechanismSince: null,
				mechanismExpiresOn: null,
			},
		],
		staffing: [
			{
				id: INSIGHT_ID + 3,
				unitId: INSIGHT_ID,
				code: 'SL-INS-RES-SH',
				function: 'operations',
				city: 'Shanghai',
				headcount: 38,
				avgMonthlyWageRmb: 16_000,
				avgTenureMonths: 52,
				accessToPersonalData: true,
			},
		],
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Reconstruction

const present = (code: string, quarter: string) => {
	const since = SINCE[code]
	return since === undefined || compareQuarters(quarter, since) >= 0
}

/** The figures listed for exactly this quarter; a quarter not listed keeps the live figures. */
function at<T>(table: ByQuarter<T> | undefined, quarter: string): T | undefined {
	return table?.[quarter]
}

/** The assessment on file at `asOf`: the live one if not later, else an earlier one (listed, or one cycle back). */
function assessmentAt(system: InfoSystem, asOf: string): string | null {
	const live = system.lastAssessedOn
	if (live === null || live <= asOf) return live
	const months = system.mlpsLevel === null ? undefined : MLPS_RULES.assessmentMonths[system.mlpsLevel]
	const history = [live, ...(EARLIER_ASSESSMENTS[system.code] ?? [])]
	let date: string | null = history.find(d => d <= asOf) ?? null
	if (date === null && months !== undefined) {
		let d: string | null = history[history.length - 1]!
		while (d !== null && d > asOf) d = addMonths(d, -months)
		date = d
	}
	// Nothing before the system was graded (a pre-filing assessment counts from the grading's year).
	if (date === null || system.gradedOn === null || addMonths(system.gradedOn, -1)! > date) return null
	return date
}

function systemAt(s: InfoSystem, asOf: string): InfoSystem {
	const graded = s.gradedOn !== null && s.gradedOn <= asOf
	return {
		...s,
		mlpsLevel: graded ? s.mlpsLevel : null,
		gradedOn: graded ? s.gradedOn : null,
		filedOn: graded && s.filedOn !== null && s.filedOn <= asOf ? s.filedOn : null,
		lastAssessedOn: graded ? assessmentAt(s, asOf) : null,
	}
}

function flowAt(f: DataFlow, quarter: string, asOf: string): DataFlow {
	const inPlace = f.mechanismSince === null || f.mechanismSince <= asOf
	const base: DataFlow = inPlace ? { ...f } : { ...f, mechanismInPlace: 'none', mechanismSince: null, mechanismExpiresOn: null }
	return { ...base, ...at(FLOW_FIELDS[f.code], quarter) }
}

function monthsBetween(from: string, to: string): number {
	return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7))
}

function staffingAt(l: StaffingLine, quarter: string, asOf: string): StaffingLine {
	const headcount = at(STAFFING_HEADCOUNT[l.code], quarter) ?? l.headcount
	const avgTenureMonths = YOUNG_TEAMS.has(l.code) ? Math.max(1, l.avgTenureMonths - monthsBetween(asOf, DEMO_AS_OF)) : l.avgTenureMonths
	return { ...l, headcount, avgTenureMonths }
}

/**
 * The demo inventory as it stood at the end of `quarter`, from the live inventory (as loaded from the database,
 * with its ids). Pure; quarters after the live inventory's are refused.
 */
export function demoInventoryAt(current: PortfolioInventory, quarter: string): PortfolioInventory {
	const asOf = quarterEndDate(quarter)
	if (asOf > DEMO_AS_OF) throw new Error(`seed: ${quarter} ends after the demo inventory's date ${DEMO_AS_OF}`)
	const units: UnitInventory[] = current.units
		.filter(u => present(u.unit.code, quarter))
		.map(u => ({
			unit: { ...u.unit, ...at(UNIT_FIELDS[u.unit.code], quarter) },
			systems: u.systems.filter(s => present(s.code, quarter)).map(s => systemAt(s, asOf)),
			flows: u.flows.filter(f => present(f.code, quarter)).map(f => flowAt(f, quarter, asOf)),
			staffing: u.staffing.filter(l => present(l.code, quarter)).map(l => staffingAt(l, quarter, asOf)),
		}))
	if (compareQuarters(quarter, INSIGHT_UNTIL) <= 0) {
		const turnover = current.units[0]?.unit.priorYearGlobalTurnoverRmb ?? 0
		units.push(insightUnit(turnover))
	}
	return { units, groupHeadcount: current.groupHeadcount.map(g => ({ ...g })) }
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding

export interface SeedQuartersResult {
	inserted: string[]
	/** Snapshots already in the table: the history is append-only, so the seed leaves it as it is. */
	kept: number
}

/**
 * Freezes the eight past quarters, oldest first, through the same appendSnapshot the app's freeze uses (scoring,
 * canonical content, hash chain), with the model version in force at each freeze and the scenario decisions taken
 * since the previous one. Only into an empty snapshot table: snapshots cannot be deleted (the database refuses), so a
 * second seed keeps the chain the first one wrote, and a database with real snapshots never gets demo history.
 * Call it in the seed's transaction, after the demo inventory, model versions, users and scenarios.
 */
export async function seedDemoQuarters(
	db: Kysely<Database>,
	options: { clock: Date; frozenBy: number | null; modelIds: Map<string, number> },
): Promise<SeedQuartersResult> {
	const kept = await countSnapshots(db)
	if (kept > 0) return { inserted: [], kept }
	const live = await loadPortfolio(db)
	const inserted: string[] = []
	let previousFrozenAt: string | null = null
	for (const quarter of demoQuarters(options.clock)) {
		const frozenAt = demoFrozenAt(quarter)
		if (frozenAt.getTime() > options.clock.getTime()) throw new Error(`seed: ${quarter} would be frozen after the seed's clock`)
		const label = demoModelLabelAt(frozenAt)
		const model = DEMO_MODEL_VERSIONS.find(m => m.label === label)!
		const id = options.modelIds.get(label)
		if (id === undefined) throw new Error(`seed: model version ${label} was not seeded`)
		await appendSnapshot(db, {
			quarter,
			asOf: quarterEndDate(quarter),
			frozenAt,
			frozenBy: options.frozenBy,
			model: { id, label, settings: model.settings },
			inventory: demoInventoryAt(live, quarter),
			decisions: await listDecisionNotes(db, previousFrozenAt, sqlNow(frozenAt)),
		})
		previousFrozenAt = sqlNow(frozenAt)
		inserted.push(quarter)
	}
	return { inserted, kept: 0 }
}
