// Small builders shared by the rule modules: findings, entity references, level tables and the article registry.

import { PROVISIONS_2024, PROVISIONS_2024_SOURCE } from '../transfer-mechanism.ts'
import { type BusinessUnit, type DataFlow, type InfoSystem, type StaffingLine } from '../domain.ts'
import { type LevelStep } from './settings.ts'
import {
	type ArticleRef,
	type Dimension,
	type EntityRef,
	type Finding,
	type FindingCertainty,
	type FindingInputs,
	type FindingKind,
	type PenaltyRef,
} from './types.ts'

/** What a rule module returns for one unit and dimension. */
export interface DimensionFindings {
	applicable: boolean
	findings: Finding[]
}

export interface FindingSpec {
	ruleId: string
	dimension: Dimension
	kind: FindingKind
	certainty: FindingCertainty
	entity: EntityRef
	key?: string // when one rule can fire more than once for the same entity
	title: string
	detail: string
	remedy: string
	inputs: FindingInputs
	articles: ArticleRef[]
	likelihood: number // 1-5
	impact: number // 1-5
	penalties?: PenaltyRef[]
}

/** A finding from its spec; levels are clamped to 1-5 and `decisive` is set later by the dimension rating. */
export function finding(spec: FindingSpec): Finding {
	const id = `${spec.ruleId}:${spec.entity.kind}:${spec.entity.id}${spec.key === undefined ? '' : `:${spec.key}`}`
	return {
		id,
		ruleId: spec.ruleId,
		dimension: spec.dimension,
		kind: spec.kind,
		certainty: spec.certainty,
		title: spec.title,
		detail: spec.detail,
		remedy: spec.remedy,
		entity: spec.entity,
		inputs: spec.inputs,
		articles: spec.articles,
		contribution: CONTRIBUTIONS[clampLevel(spec.likelihood) - 1]![clampLevel(spec.impact) - 1]!,
		decisive: false,
		penalties: spec.penalties ?? NO_PENALTIES,
	}
}

// Findings are plain data that nothing mutates, so the parts most of them have in common are shared (frozen, so a
// mutation would throw): tens of thousands of findings at scale, 25 possible contributions.
const CONTRIBUTIONS = [1, 2, 3, 4, 5].map(likelihood => [1, 2, 3, 4, 5].map(impact => Object.freeze({ likelihood, impact })))
const NO_PENALTIES = Object.freeze([]) as unknown as PenaltyRef[]

/** A constant list of articles, shared by every finding that cites exactly these. */
export const articleList = (...refs: ArticleRef[]): ArticleRef[] => Object.freeze(refs) as unknown as ArticleRef[]

/**
 * A copy of a finding with `decisive` set. Written out field by field (same order as `finding`): an object spread
 * takes V8's slow copy path, and this runs for every finding of every unit.
 */
export function withDecisive(f: Finding, decisive: boolean): Finding {
	return {
		id: f.id,
		ruleId: f.ruleId,
		dimension: f.dimension,
		kind: f.kind,
		certainty: f.certainty,
		title: f.title,
		detail: f.detail,
		remedy: f.remedy,
		entity: f.entity,
		inputs: f.inputs,
		articles: f.articles,
		contribution: f.contribution,
		decisive,
		penalties: f.penalties,
	}
}

/** The highest level whose `min` the value reaches, or 0 when it reaches none. Monotonic in `value`. */
export function levelFor(value: number, table: readonly LevelStep[]): number {
	return table.reduce((best, step) => (value >= step.min && step.level > best ? step.level : best), 0)
}

/** A level in 1-5 (NaN reads as 1). */
export function clampLevel(value: number): number {
	return value >= 5 ? 5 : value >= 1 ? Math.round(value) : 1
}

export const unitRef = (u: BusinessUnit): EntityRef => ({ kind: 'unit', id: u.id, code: u.code })
export const systemRef = (s: InfoSystem): EntityRef => ({ kind: 'system', id: s.id, code: s.code })
export const flowRef = (f: DataFlow): EntityRef => ({ kind: 'flow', id: f.id, code: f.code })
export const staffingRef = (l: StaffingLine): EntityRef => ({ kind: 'staffing', id: l.id, code: l.code })

const PIPL = 'http://www.npc.gov.cn/npc/c2/c30834/202108/t20210820_313088.html'
const DSL = 'https://www.cac.gov.cn/2021-06/11/c_1624994566919140.htm'
const LCL = 'http://wenchang.hainan.gov.cn/wenchang/55892/201607/25348e7b95604df7ad1f58d5fda06b5d.shtml?ddtab=true'
const MEASURES_2007 = 'MLPS Administrative Measures 2007'

const ref = (law: string, article: string, verified: boolean, source: string): ArticleRef => ({
	law,
	article,
	verified,
	source,
})

/** 2024 Provisions article, e.g. provisions('Art. 7(2)'). */
export function provisions(article: string): ArticleRef {
	let r = PROVISION_REFS.get(article)
	if (!r) PROVISION_REFS.set(article, (r = ref(PROVISIONS_2024, article, true, PROVISIONS_2024_SOURCE)))
	return r
}
// One shared reference per article (they are plain data, never mutated): findings cite a handful of articles
// tens of thousands of times at scale.
const PROVISION_REFS = new Map<string, ArticleRef>()

/** Articles cited by the rules, with the `verified` flag regulations.json gives them. */
export const ARTICLES = {
	piplLegalBases: ref('PIPL', 'Art. 13', false, PIPL),
	piplTransferBases: ref('PIPL', 'Art. 38', false, PIPL),
	piplSeparateConsent: ref('PIPL', 'Art. 39', false, PIPL),
	piplLocalisation: ref('PIPL', 'Art. 40', false, PIPL),
	piplImpactAssessment: ref('PIPL', 'Art. 55', false, PIPL),
	piplPenalties: ref('PIPL', 'Art. 66', true, PIPL),
	dslImportantDataDuties: ref('DSL', 'Art. 27', false, DSL),
	dslRiskAssessment: ref('DSL', 'Art. 30', false, DSL),
	dslExport: ref('DSL', 'Art. 31', false, DSL),
	dslDataAccess: ref('DSL', 'Art. 35', false, DSL),
	dslExportPenalty: ref('DSL', 'Art. 46', true, DSL),
	mlpsAssessment: ref(MEASURES_2007, 'Art. 14', true, 'http://14919.com/n/2345431.html'),
	mlpsFiling: ref(MEASURES_2007, 'Art. 15', true, 'https://www.fudaoke.com/exam/2859164.html'),
	mlpsFilingReport: ref(MEASURES_2007, 'Art. 16(5)', false, 'https://www.fudaoke.com/exam/2859164.html'),
	psbInspection: ref(
		'PSB MLPS inspection norms 2008 (公信安[2008]736号)',
		'Level 3 yearly, level 4 half-yearly',
		false,
		'https://cn-sec.com/archives/1212006.html',
	),
	gbt22239: ref('GB/T 22239-2019', 'Clauses 6-10, Annexes D-H', true, 'https://www.guifanku.com/757492.html'),
	remoteAccess: ref(
		'CAC Standard Contract Filing Guide v2 (2024; unofficial copy, no official page found)',
		'Remote access is an export',
		true,
		'https://www.waitang.com/report/51485001.html',
	),
	lclMassLayoff: ref('Labour Contract Law', 'Art. 41', true, LCL),
	lclCompensation: ref('Labour Contract Law', 'Art. 47', true, LCL),
} satisfies Record<string, ArticleRef>
