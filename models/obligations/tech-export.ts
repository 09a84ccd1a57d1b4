// The technology export licence step a relocation may need: moving R&D roles abroad while their unit's systems hold
// source code can export technology (the team abroad receives it). A technology in a restricted category of the
// Catalogue of Technologies Prohibited or Restricted from Export (MOFCOM/MOST 2023 No. 57, adjusted 2025 No. 28)
// needs a licence before it leaves (Technology Import and Export Administration Regulations arts 29-30); a
// prohibited one cannot leave at all. Each system records its category (or not): where every system concerned has
// one, the step is a determination (licence required, export prohibited, or no step when none is listed); where
// any is not determined, the step is a check to make, with the licence lead time.
import { type SystemTechnology, type TechExportCategory } from '../domain.ts'
import { catalogueItemFor, type CatalogueItem } from './export-catalogue.ts'
import { DUTY_SOURCES } from './sources.ts'
import { shiftWorkingDays } from './working-days.ts'

/** Review periods (not read in the text: marked unverified): 30 working days for the application, 15 for the licence. */
export const TECH_EXPORT_REVIEW_WORKING_DAYS = 30 + 15

/** 'prohibited': the technology may not go; 'licence_required': restricted, licence first; 'check': a category is not determined. */
export type TechExportDetermination = 'prohibited' | 'licence_required' | 'check'

export interface TechExportSystem {
	code: string
	category: TechExportCategory | null
	item: string | null
	/** The reference entry for the item, when its number is one the catalogue data lists. */
	catalogue: CatalogueItem | null
}

export interface TechExportStep {
	step: string
	determination: TechExportDetermination
	/** The latest day to apply so the licence is held when the team abroad is in post (null: prohibited, no licence). */
	applyBy: string | null
	neededBy: string
	reviewWorkingDays: number
	systems: TechExportSystem[]
	source: typeof DUTY_SOURCES.techExportLicence
	note: string
}

export interface TechExportFacts {
	kind: 'relocate' | 'cut'
	lineFunction: string
	destinationIsMainland: boolean
	systems: ReadonlyArray<{
		code: string
		holdsSourceCode: boolean
		technologies: readonly SystemTechnology[]
		techExportCategory?: TechExportCategory | null
		techExportItem?: string | null
	}>
	/** When the team abroad is in post (knowledge transfer starts), or the notice date if no hiring is planned. */
	neededBy: string
}

const listed = (c: TechExportCategory | null | undefined) => c === 'restricted' || c === 'prohibited'

/**
 * The licence step for one move, or null when no technology leaves (a cut, a move inside the mainland, no R&D, no
 * system holding source code or a listed technology) or every system concerned is determined not listed.
 */
export function techExportStep(f: TechExportFacts): TechExportStep | null {
	if (f.kind !== 'relocate' || f.destinationIsMainland || f.lineFunction !== 'rnd') return null
	const systems: TechExportSystem[] = f.systems
		.filter(s => s.holdsSourceCode || listed(s.techExportCategory))
		.map(s => ({
			code: s.code,
			category: s.techExportCategory ?? null,
			item: s.techExportItem ?? null,
			catalogue: catalogueItemFor(s.techExportItem) ?? null,
		}))
	if (!systems.length) return null
	const prohibited = systems.filter(s => s.category === 'prohibited')
	const restricted = systems.filter(s => s.category === 'restricted')
	const unknown = systems.filter(s => s.category === null)
	if (!prohibited.length && !restricted.length && !unknown.length) return null // every one determined not listed
	const applyBy = shiftWorkingDays(f.neededBy, -TECH_EXPORT_REVIEW_WORKING_DAYS)
	if (!applyBy) return null
	const named = (list: TechExportSystem[]) => list.map(s => (s.item ? `${s.code} (${s.item})` : s.code)).join(', ')
	const review = `about ${TECH_EXPORT_REVIEW_WORKING_DAYS} working days of review, not verified`
	const base = { neededBy: f.neededBy, reviewWorkingDays: TECH_EXPORT_REVIEW_WORKING_DAYS, systems, source: DUTY_SOURCES.techExportLicence }
	const pending = unknown.length ? ` Not determined yet: ${named(unknown)}; record their Catalogue category on the system.` : ''
	if (prohibited.length)
		return {
			...base,
			step: 'Technology export prohibited (Catalogue of Technologies Prohibited or Restricted from Export)',
			determination: 'prohibited',
			applyBy: null,
			note: `The technology of ${named(prohibited)} is in a prohibited category: it may not be exported, so the R&D work on it cannot move abroad with these roles (no licence can be granted).${pending}`,
		}
	if (restricted.length)
		return {
			...base,
			step: 'Technology export licence required (Catalogue of Technologies Prohibited or Restricted from Export)',
			determination: 'licence_required',
			applyBy: applyBy.date,
			note: `The technology of ${named(restricted)} is in a restricted category: apply to the provincial commerce department for the export licence by ${applyBy.date} (${review}) so it is held when the team abroad is in post on ${f.neededBy}.${pending}`,
		}
	return {
		...base,
		step: 'Technology export licence check (Catalogue of Technologies Prohibited or Restricted from Export)',
		determination: 'check',
		applyBy: applyBy.date,
		note: `R&D roles move abroad from a unit whose systems hold source code whose Catalogue category is not recorded (${named(unknown)}). If that technology is in a restricted category, apply for the licence by ${applyBy.date} (${review}); a prohibited category cannot be exported. Record the category on each system to turn this check into a determination.`,
	}
}
