// What changed in an inventory between two snapshots, in words a board member can read.

import { formatCount, TRANSFER_THRESHOLDS } from '../transfer-mechanism.ts'
import {
	type BusinessUnit,
	type DataFlow,
	type GroupFunctionHeadcount,
	type InfoSystem,
	type StaffingLine,
	type UnitInventory,
} from '../domain.ts'
import { canonicalJson } from './canonical-json.ts'
import { byCode } from './content.ts'

export interface InputChange {
	entity: 'unit' | 'system' | 'flow' | 'staffing' | 'group'
	code: string // the unit, system, flow or staffing line code; the function for group headcount
	change: 'added' | 'removed' | 'changed'
	field: string | null // the domain field, for 'changed'
	from: unknown
	to: unknown
	text: string
	/** false for fields the exposure rules do not read (names, wages, tenure): shown for completeness. */
	material: boolean
}

const MECHANISM_WORDS: Record<string, string> = {
	none: 'no mechanism',
	standard_contract: 'standard contract',
	certification: 'certification',
	security_assessment: 'security assessment',
}

const fmt = (n: number) => formatCount(n)
export const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null)

function changed<T extends object>(
	entity: InputChange['entity'],
	code: string,
	prev: T,
	curr: T,
	fields: readonly (keyof T & string)[],
	describe: (field: keyof T & string, from: unknown, to: unknown) => { text: string; material: boolean } | null,
): InputChange[] {
	const out: InputChange[] = []
	for (const field of fields) {
		const from = (prev as Record<string, unknown>)[field] ?? null
		const to = (curr as Record<string, unknown>)[field] ?? null
		if (same(from, to)) continue
		const d = describe(field, from, to)
		if (d) out.push({ entity, code, change: 'changed', field, from, to, ...d })
	}
	return out
}

const rmbOrUnknown = (x: unknown) => (x === null ? 'unknown' : fmt(x as number))

function volumeText(code: string, what: string, from: number | null, to: number | null, steps: readonly number[]): string {
	const label = what ? `${what} volume` : 'volume'
	if (from === null && to !== null) return `Flow ${code} ${label} now recorded: ${fmt(to)} individuals (was unknown)`
	if (to === null) return `Flow ${code} ${label} no longer known (was ${fmt(from ?? 0)} individuals)`
	if (from === null) return `Flow ${code} ${label} changed`
	const up = steps.filter(t => from < t && to >= t).pop()
	if (up !== undefined) return `Flow ${code} ${label} rose past ${fmt(up)} individuals (${fmt(from)} → ${fmt(to)})`
	const down = steps.find(t => from >= t && to < t)
	if (down !== undefined) return `Flow ${code} ${label} fell below ${fmt(down)} individuals (${fmt(from)} → ${fmt(to)})`
	return `Flow ${code} ${label} ${to > from ? 'rose' : 'fell'} from ${fmt(from)} to ${fmt(to)} individuals`
}

const PI_STEPS = [TRANSFER_THRESHOLDS.nonSensitiveStandardContract, TRANSFER_THRESHOLDS.nonSensitiveSecurityAssessment, 10_000_000]
const SPI_STEPS = [TRANSFER_THRESHOLDS.sensitiveSecurityAssessment, 100_000]

const UNIT_FIELDS = [
	'name',
	'segment',
	'legalEntityType',
	'city',
	'sector',
	'isCiio',
	'handlesConsumerData',
	'chinaRevenueRmb',
	'priorYearGlobalTurnoverRmb',
	'priorYearEntityTurnoverRmb',
	'distinctIndividualsAbroad',
	'distinctSensitiveIndividualsAbroad',
	'ftzZone',
	'piIndividualsProcessed',
	'piOfficerThresholdReachedOn',
] as const satisfies readonly (keyof BusinessUnit)[]

function unitChanges(prev: BusinessUnit, curr: BusinessUnit): InputChange[] {
	const code = curr.code
	return changed('unit', code, prev, curr, UNIT_FIELDS, (field, from, to) => {
		switch (field) {
			case 'isCiio':
				return {
					text: to ? `${code} notified as a critical information infrastructure operator (CIIO)` : `${code} no longer a CIIO`,
					material: true,
				}
			case 'handlesConsumerData':
				return { text: to ? `${code} now handles consumer data` : `${code} no longer handles consumer data`, material: true }
			case 'chinaRevenueRmb':
				return { text: `${code} China revenue RMB ${fmt(from as number)} → ${fmt(to as number)}`, material: true }
			case 'priorYearGlobalTurnoverRmb':
				return { text: `${code} prior-year group turnover RMB ${fmt(from as number)} → ${fmt(to as number)}`, material: true }
			case 'priorYearEntityTurnoverRmb':
				return { text: `${code} entity's prior-year turnover RMB ${rmbOrUnknown(from)} → ${rmbOrUnknown(to)}`, material: true }
			case 'distinctIndividualsAbroad':
			case 'distinctSensitiveIndividualsAbroad': {
				const what = field === 'distinctIndividualsAbroad' ? 'non-sensitive' : 'sensitive'
				const v = (x: unknown) => (x === null ? 'not given (sum over flows)' : fmt(x as number))
				return { text: `${code} distinct ${what} individuals abroad since 1 January ${v(from)} → ${v(to)}`, material: true }
			}
			case 'ftzZone': {
				const v = (x: unknown) => (x === null ? 'none' : String(x))
				return { text: `${code} free-trade zone with a negative list ${v(from)} → ${v(to)}`, material: true }
			}
			case 'piIndividualsProcessed':
				return {
					text: `${code} individuals whose personal information is processed ${rmbOrUnknown(from)} → ${rmbOrUnknown(to)}`,
					material: true,
				}
			case 'piOfficerThresholdReachedOn':
				return { text: `${code} day 1,000,000 individuals was reached ${from ?? 'not recorded'} → ${to ?? 'not recorded'}`, material: true }
			case 'name':
				return { text: `${code} renamed from '${from}' to '${to}'`, material: false }
			default:
				return { text: `${code} ${words(field)} ${String(from)} → ${String(to)}`, material: field !== 'legalEntityType' }
		}
	})
}

const SYSTEM_FIELDS = [
	'name',
	'mlpsLevel',
	'gradedOn',
	'filedOn',
	'lastAssessedOn',
	'technologies',
	'holdsPersonalData',
	'holdsImportantData',
	'holdsSourceCode',
	'techExportCategory',
	'techExportItem',
] as const satisfies readonly (keyof InfoSystem)[]

function systemChanges(prev: InfoSystem, curr: InfoSystem): InputChange[] {
	const code = curr.code
	const levelChanged = prev.mlpsLevel !== curr.mlpsLevel
	return changed('system', code, prev, curr, SYSTEM_FIELDS, (field, from, to) => {
		switch (field) {
			case 'mlpsLevel':
				if (from === null) return { text: `${code} graded MLPS level ${to}${curr.gradedOn ? ` (${curr.gradedOn})` : ''}`, material: true }
				if (to === null) return { text: `${code} grading withdrawn: now ungraded (was level ${from})`, material: true }
				return { text: `${code} regraded from MLPS level ${from} to ${to}`, material: true }
			case 'gradedOn':
				if (levelChanged) return null // told with the level
				return { text: `${code} grading date ${from ?? 'none'} → ${to ?? 'none'}`, material: true }
			case 'filedOn':
				if (from === null) return { text: `MLPS filing for ${code} recorded (filed ${to})`, material: true }
				if (to === null) return { text: `MLPS filing for ${code} removed (was filed ${from})`, material: true }
				return { text: `MLPS filing date for ${code} corrected from ${from} to ${to}`, material: true }
			case 'lastAssessedOn':
				if (from === null) return { text: `First MLPS assessment of ${code} recorded (${to})`, material: true }
				if (to === null) return { text: `MLPS assessment of ${code} removed (was ${from})`, material: true }
				return (to as string) > (from as string)
					? { text: `MLPS assessment of ${code} recorded (${to}; previous ${from})`, material: true }
					: { text: `MLPS assessment date of ${code} corrected from ${from} to ${to}`, material: true }
			case 'technologies': {
				const list = (v: unknown) => ((v as string[]).length ? (v as string[]).join(', ') : 'none')
				return { text: `${code} technologies ${list(from)} → ${list(to)}`, material: true }
			}
			case 'holdsPersonalData':
				return { text: `${code} ${to ? 'now holds' : 'no longer holds'} personal data`, material: true }
			case 'holdsImportantData':
				return { text: `${code} ${to ? 'now holds' : 'no longer holds'} important data`, material: true }
			case 'holdsSourceCode':
				return { text: `${code} ${to ? 'now holds' : 'no longer holds'} source code`, material: true }
			case 'techExportCategory':
				return { text: `${code} export catalogue category ${from ?? 'not determined'} → ${to ?? 'not determined'}`, material: true }
			case 'techExportItem':
				return { text: `${code} export catalogue item ${from ?? 'none'} → ${to ?? 'none'}`, material: true }
			default:
				return { text: `${code} renamed from '${from}' to '${to}'`, material: false }
		}
	})
}

const FLOW_FIELDS = [
	'name',
	'destinationCountry',
	'destinationEntity',
	'personalInfoIndividuals',
	'sensitivePersonalInfoIndividuals',
	'includesImportantData',
	'purpose',
	'collectedInMainland',
	'outsideFtzNegativeList',
	'isRemoteAccess',
	'mechanismInPlace',
	'mechanismSince',
	'mechanismExpiresOn',
] as const satisfies readonly (keyof DataFlow)[]

function flowChanges(prev: DataFlow, curr: DataFlow): InputChange[] {
	const code = curr.code
	const mechanismChanged = prev.mechanismInPlace !== curr.mechanismInPlace
	return changed('flow', code, prev, curr, FLOW_FIELDS, (field, from, to) => {
		switch (field) {
			case 'personalInfoIndividuals':
				return { text: volumeText(code, '', from as number | null, to as number | null, PI_STEPS), material: true }
			case 'sensitivePersonalInfoIndividuals':
				return { text: volumeText(code, 'sensitive-PI', from as number | null, to as number | null, SPI_STEPS), material: true }
			case 'mechanismInPlace': {
				const since = curr.mechanismSince ? ` (${curr.mechanismSince})` : ''
				if (from === 'none') {
					const verb = to === 'standard_contract' ? 'filed' : to === 'certification' ? 'obtained' : 'passed'
					return { text: `${cap(MECHANISM_WORDS[to as string] ?? String(to))} ${verb} for flow ${code}${since}`, material: true }
				}
				if (to === 'none')
					return {
						text: `Flow ${code} no longer has a transfer mechanism (was ${MECHANISM_WORDS[from as string] ?? from})`,
						material: true,
					}
				return {
					text: `Flow ${code} mechanism changed from ${MECHANISM_WORDS[from as string] ?? from} to ${MECHANISM_WORDS[to as string] ?? to}${since}`,
					material: true,
				}
			}
			case 'mechanismSince':
				if (mechanismChanged) return null
				return {
					text: `Flow ${code} ${MECHANISM_WORDS[curr.mechanismInPlace] ?? 'mechanism'} renewed (${to ?? 'date removed'})`,
					material: true,
				}
			case 'mechanismExpiresOn':
				if (mechanismChanged) return null
				return {
					text: `Flow ${code} ${MECHANISM_WORDS[curr.mechanismInPlace] ?? 'mechanism'} now expires ${to ?? 'never'} (was ${from ?? 'never'})`,
					material: true,
				}
			case 'includesImportantData':
				return { text: `Flow ${code} ${to ? 'now includes' : 'no longer includes'} important data`, material: true }
			case 'isRemoteAccess':
				return { text: `Flow ${code} ${to ? 'is now' : 'is no longer'} remote access from abroad`, material: true }
			case 'collectedInMainland':
				return { text: `Flow ${code} data ${to ? 'now' : 'no longer'} collected in mainland China`, material: true }
			case 'outsideFtzNegativeList':
				return { text: `Flow ${code} ${to ? 'now' : 'no longer'} outside the free-trade-zone negative list`, material: true }
			case 'purpose':
				return { text: `Flow ${code} purpose ${words(String(from))} → ${words(String(to))}`, material: true }
			case 'destinationCountry':
				return { text: `Flow ${code} destination ${from} → ${to}`, material: true }
			case 'destinationEntity':
				return { text: `Flow ${code} recipient '${from}' → '${to}'`, material: false }
			default:
				return { text: `Flow ${code} renamed from '${from}' to '${to}'`, material: false }
		}
	})
}

const STAFFING_FIELDS = [
	'function',
	'city',
	'headcount',
	'avgMonthlyWageRmb',
	'avgTenureMonths',
	'accessToPersonalData',
] as const satisfies readonly (keyof StaffingLine)[]

function staffingChanges(prev: StaffingLine, curr: StaffingLine): InputChange[] {
	const code = curr.code
	return changed('staffing', code, prev, curr, STAFFING_FIELDS, (field, from, to) => {
		switch (field) {
			case 'headcount': {
				const d = (to as number) - (from as number)
				return {
					text: `${code} headcount ${fmt(from as number)} → ${fmt(to as number)} (${d > 0 ? '+' : '−'}${fmt(Math.abs(d))})`,
					material: true,
				}
			}
			case 'accessToPersonalData':
				return { text: `${code} ${to ? 'now has' : 'no longer has'} access to personal data`, material: true }
			case 'avgMonthlyWageRmb':
				return { text: `${code} average monthly wage RMB ${fmt(from as number)} → ${fmt(to as number)}`, material: false }
			case 'avgTenureMonths':
				return { text: `${code} average tenure ${from} → ${to} months`, material: false }
			default:
				return { text: `${code} ${words(field)} ${words(String(from))} → ${words(String(to))}`, material: true }
		}
	})
}

function words(s: string): string {
	return s
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replaceAll('_', ' ')
		.toLowerCase()
}

function cap(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1)
}

function diffByCode<T extends { code: string }>(
	entity: InputChange['entity'],
	prev: readonly T[],
	curr: readonly T[],
	added: (x: T) => string,
	removed: (x: T) => string,
	fields: (a: T, b: T) => InputChange[],
): InputChange[] {
	const before = new Map(prev.map(x => [x.code, x]))
	const after = new Map(curr.map(x => [x.code, x]))
	const out: InputChange[] = []
	for (const x of byCode(curr)) {
		const p = before.get(x.code)
		if (!p) out.push({ entity, code: x.code, change: 'added', field: null, from: null, to: x, text: added(x), material: true })
		else out.push(...fields(p, x))
	}
	for (const x of byCode(prev))
		if (!after.has(x.code))
			out.push({ entity, code: x.code, change: 'removed', field: null, from: x, to: null, text: removed(x), material: true })
	return out
}

/** What changed in one unit's inventory, in words a board member can read. */
export function unitInputChanges(prev: UnitInventory, curr: UnitInventory): InputChange[] {
	return [
		...unitChanges(prev.unit, curr.unit),
		...diffByCode(
			'system',
			prev.systems,
			curr.systems,
			s =>
				`System ${s.code} (${s.name}) added, ${s.mlpsLevel === null ? 'not yet graded' : `MLPS level ${s.mlpsLevel}${s.filedOn ? ', filed' : ', not filed'}`}`,
			s => `System ${s.code} (${s.name}) removed`,
			systemChanges,
		),
		...diffByCode(
			'flow',
			prev.flows,
			curr.flows,
			f =>
				`Flow ${f.code} (${f.name}) to ${f.destinationCountry} added: ${f.personalInfoIndividuals === null ? 'volume unknown' : `${fmt(f.personalInfoIndividuals)} individuals`}, ${MECHANISM_WORDS[f.mechanismInPlace] ?? f.mechanismInPlace}`,
			f => `Flow ${f.code} (${f.name}) to ${f.destinationCountry} removed`,
			flowChanges,
		),
		...diffByCode(
			'staffing',
			prev.staffing,
			curr.staffing,
			l => `Staffing line ${l.code} (${words(l.function)}, ${l.city}) added: ${fmt(l.headcount)} people`,
			l => `Staffing line ${l.code} (${words(l.function)}, ${l.city}) removed (was ${fmt(l.headcount)} people)`,
			staffingChanges,
		),
	]
}

export function groupChanges(prev: readonly GroupFunctionHeadcount[], curr: readonly GroupFunctionHeadcount[]): InputChange[] {
	const out: InputChange[] = []
	const before = new Map(prev.map(g => [g.function, g.globalHeadcount]))
	const after = new Map(curr.map(g => [g.function, g.globalHeadcount]))
	for (const fn of [...new Set([...before.keys(), ...after.keys()])]) {
		const from = before.get(fn) ?? null
		const to = after.get(fn) ?? null
		if (from === to) continue
		out.push({
			entity: 'group',
			code: fn,
			change: from === null ? 'added' : to === null ? 'removed' : 'changed',
			field: 'globalHeadcount',
			from,
			to,
			text: `Group ${words(fn)} headcount ${from === null ? 'unknown' : fmt(from)} → ${to === null ? 'unknown' : fmt(to)}`,
			material: true,
		})
	}
	return out
}
