// The technology export licence step a relocation may need: moving R&D roles abroad while their unit's systems hold
// source code can export technology (the team abroad receives it). If that technology is in a category of the
// Catalogue of Technologies Prohibited or Restricted from Export (MOFCOM/MOST 2023 No. 57, revised 2025), a
// restricted one needs a licence before it leaves (Technology Import and Export Administration Regulations
// arts 29-30) and a prohibited one cannot leave at all. The inventory does not record catalogue categories, so the
// step is a check to make, with the licence lead time, not a finding that a licence is needed.
import { type SystemTechnology } from '../domain.ts'
import { DUTY_SOURCES } from './sources.ts'
import { shiftWorkingDays } from './working-days.ts'

/** Review periods (not read in the text: marked unverified): 30 working days for the application, 15 for the licence. */
export const TECH_EXPORT_REVIEW_WORKING_DAYS = 30 + 15

export interface TechExportStep {
	step: string
	/** The latest day to apply so the licence is held when the team abroad is in post. */
	applyBy: string
	neededBy: string
	reviewWorkingDays: number
	source: typeof DUTY_SOURCES.techExportLicence
	note: string
}

export interface TechExportFacts {
	kind: 'relocate' | 'cut'
	lineFunction: string
	destinationIsMainland: boolean
	systems: ReadonlyArray<{ code: string; holdsSourceCode: boolean; technologies: readonly SystemTechnology[] }>
	/** When the team abroad is in post (knowledge transfer starts), or the notice date if no hiring is planned. */
	neededBy: string
}

/** The licence check for one move, or null when no technology leaves (a cut, a move inside the mainland, no R&D, no source code). */
export function techExportStep(f: TechExportFacts): TechExportStep | null {
	if (f.kind !== 'relocate' || f.destinationIsMainland || f.lineFunction !== 'rnd') return null
	const holding = f.systems.filter(s => s.holdsSourceCode).map(s => s.code)
	if (!holding.length) return null
	const applyBy = shiftWorkingDays(f.neededBy, -TECH_EXPORT_REVIEW_WORKING_DAYS)
	if (!applyBy) return null
	return {
		step: 'Technology export licence check (Catalogue of Technologies Prohibited or Restricted from Export)',
		applyBy: applyBy.date,
		neededBy: f.neededBy,
		reviewWorkingDays: TECH_EXPORT_REVIEW_WORKING_DAYS,
		source: DUTY_SOURCES.techExportLicence,
		note: `R&D roles move abroad from a unit whose systems hold source code (${holding.join(', ')}). If that technology is in a restricted category of the Catalogue, apply for the licence by ${applyBy.date} (about ${TECH_EXPORT_REVIEW_WORKING_DAYS} working days of review, not verified); a prohibited category cannot be exported.`,
	}
}
