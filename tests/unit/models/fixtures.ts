// Builders for exposure tests: a plain non-CIIO unit in Shanghai and records with nothing risky unless overridden.
import { type BusinessUnit, type DataFlow, type InfoSystem, type StaffingLine, type UnitInventory } from '#models/domain.ts'
import { type PortfolioInventory } from '#models/domain.ts'
import { DEFAULT_MODEL_SETTINGS, type ScoringContext } from '#models/exposure/index.ts'
import { DEMO_FLOWS, DEMO_GROUP_HEADCOUNT, DEMO_STAFFING, DEMO_SYSTEMS, DEMO_UNITS } from '#seed/demo/group.ts'

export const AS_OF = '2026-06-30'

export function unit(overrides: Partial<BusinessUnit> = {}): BusinessUnit {
	return {
		id: 1,
		code: 'BU-SH-OPS',
		name: 'Shanghai Operations',
		segment: 'services',
		legalEntityType: 'wfoe',
		city: 'Shanghai',
		sector: 'professional_services',
		isCiio: false,
		handlesConsumerData: false,
		chinaRevenueRmb: 50_000_000,
		priorYearGlobalTurnoverRmb: 100_000_000,
		priorYearEntityTurnoverRmb: null,
		distinctIndividualsAbroad: null,
		distinctSensitiveIndividualsAbroad: null,
		ftzZone: null,
		...overrides,
	}
}

export function flow(overrides: Partial<DataFlow> = {}): DataFlow {
	return {
		id: 10,
		unitId: 1,
		code: 'FL-HR-SG',
		name: 'Customer records to Singapore',
		destinationCountry: 'SG',
		destinationEntity: 'Group Services Pte Ltd',
		personalInfoIndividuals: 0,
		sensitivePersonalInfoIndividuals: 0,
		includesImportantData: false,
		purpose: 'other',
		collectedInMainland: true,
		outsideFtzNegativeList: false,
		isRemoteAccess: false,
		mechanismInPlace: 'none',
		mechanismSince: null,
		mechanismExpiresOn: null,
		...overrides,
	}
}

export function system(overrides: Partial<InfoSystem> = {}): InfoSystem {
	return {
		id: 20,
		unitId: 1,
		code: 'SYS-CRM',
		name: 'CRM',
		mlpsLevel: 2,
		gradedOn: '2025-01-06',
		filedOn: '2025-01-20',
		lastAssessedOn: '2025-03-01',
		technologies: [],
		holdsPersonalData: false,
		holdsImportantData: false,
		holdsSourceCode: false,
		...overrides,
	}
}

export function staffing(overrides: Partial<StaffingLine> = {}): StaffingLine {
	return {
		id: 30,
		unitId: 1,
		code: 'ST-SH-BO',
		function: 'back_office',
		city: 'Shanghai',
		headcount: 150,
		avgMonthlyWageRmb: 15_000,
		avgTenureMonths: 50,
		accessToPersonalData: false,
		...overrides,
	}
}

export function inventory(parts: Partial<UnitInventory> = {}): UnitInventory {
	return { unit: unit(), systems: [], flows: [], staffing: [], ...parts }
}

export const ctx: ScoringContext = {
	settings: DEFAULT_MODEL_SETTINGS,
	asOf: AS_OF,
	groupHeadcount: [
		{ function: 'back_office', globalHeadcount: 1_000 },
		{ function: 'rnd', globalHeadcount: 2_000 },
		{ function: 'it', globalHeadcount: 800 },
	],
}

/** A unit with something in every dimension, for property tests. */
export function busyInventory(): UnitInventory {
	return {
		unit: unit({ isCiio: false, handlesConsumerData: true, sector: 'finance', chinaRevenueRmb: 2_000_000_000 }),
		systems: [
			system({ technologies: ['cloud', 'big_data'], holdsPersonalData: true }),
			system({
				id: 21,
				code: 'SYS-CORE',
				name: 'Core ledger',
				mlpsLevel: 3,
				lastAssessedOn: '2025-01-15',
				holdsImportantData: true,
			}),
			system({
				id: 22,
				code: 'SYS-GIT',
				name: 'Source repository',
				mlpsLevel: null,
				gradedOn: null,
				filedOn: null,
				holdsSourceCode: true,
			}),
		],
		flows: [
			flow({ personalInfoIndividuals: 250_000, mechanismInPlace: 'standard_contract' }),
			flow({
				id: 11,
				code: 'FL-ID',
				name: 'Risk data to Hong Kong',
				destinationCountry: 'HK',
				includesImportantData: true,
				personalInfoIndividuals: null,
			}),
			flow({
				id: 12,
				code: 'FL-HR',
				name: 'HR records by remote access',
				purpose: 'hr_management',
				personalInfoIndividuals: 900,
				isRemoteAccess: true,
			}),
		],
		staffing: [staffing(), staffing({ id: 31, code: 'ST-SH-RD', function: 'rnd', headcount: 300 })],
	}
}

/** The demo group as a portfolio, codes resolved to ids (1, 2, … in file order) the way the seeder does. */
export function demoPortfolio(): PortfolioInventory {
	const unitIds = new Map(DEMO_UNITS.map((u, i) => [u.code, i + 1]))
	const units = DEMO_UNITS.map((u, i) => inventory({ unit: { ...u, id: i + 1 } }))
	const at = (code: string) => units[unitIds.get(code)! - 1]!
	DEMO_SYSTEMS.forEach(({ unitCode, ...s }, i) => at(unitCode).systems.push({ ...s, id: i + 1, unitId: unitIds.get(unitCode)! }))
	DEMO_FLOWS.forEach(({ unitCode, ...f }, i) => at(unitCode).flows.push({ ...f, id: i + 1, unitId: unitIds.get(unitCode)! }))
	DEMO_STAFFING.forEach(({ unitCode, ...l }, i) => at(unitCode).staffing.push({ ...l, id: i + 1, unitId: unitIds.get(unitCode)! }))
	return { units, groupHeadcount: DEMO_GROUP_HEADCOUNT }
}

/** A flow as its form posts it (and a CSV row carries it): valid, a standard contract from 2025-01-10 to 2028-01-10. */
export function flowFormFields(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		code: 'FL-1',
		unit_code: 'BU-1',
		name: 'Orders to Singapore',
		destination_country: 'SG',
		destination_entity: 'Group Services',
		pi_individuals: '1000',
		sensitive_pi_individuals: '0',
		includes_important_data: 'no',
		purpose: 'other',
		collected_in_mainland: 'yes',
		outside_ftz_negative_list: 'no',
		is_remote_access: 'no',
		mechanism_in_place: 'standard_contract',
		mechanism_since: '2025-01-10',
		mechanism_expires_on: '2028-01-10',
		...overrides,
	}
}
