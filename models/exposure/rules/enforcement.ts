// Dimension 'enforcement': how likely regulators are to act against the unit, and how much it would hurt. A model
// judgement built from consumer data, the individuals it exports (the inventory's only volume of personal data),
// its sector and a configurable climate factor; the impact follows its scale in China. PIPL art. 66 is the tool.

import { formatCount } from '../../transfer-mechanism.ts'
import { type UnitInventory } from '../../domain.ts'
import { ARTICLES, clampLevel, type DimensionFindings, finding, levelFor, unitRef } from '../finding.ts'
import { type ScoringContext } from '../types.ts'
import { exportFlows } from './cross-border.ts'

const dimension = 'enforcement' as const

/** The enforcement profile of a unit (one finding); applies when the unit handles any personal data. */
export function enforcementFindings(inv: UnitInventory, ctx: ScoringContext): DimensionFindings {
	const { unit } = inv
	const s = ctx.settings.enforcement
	const individuals = exportFlows(inv.flows).reduce(
		(n, f) => n + (f.personalInfoIndividuals ?? 0) + (f.sensitivePersonalInfoIndividuals ?? 0),
		0,
	)
	const personalData =
		unit.handlesConsumerData ||
		individuals > 0 ||
		inv.systems.some(sys => sys.holdsPersonalData) ||
		inv.staffing.some(l => l.accessToPersonalData && l.headcount > 0)
	if (!personalData) return { applicable: false, findings: [] }

	const base = unit.handlesConsumerData ? s.consumerDataBase : s.otherBase
	const steps = s.volumeSteps.filter(v => individuals >= v).length
	const sectorFactor = s.sectorFactors[unit.sector] ?? 1
	// Rounded half up; the tiny epsilon keeps 2.5 from landing on 2.4999999 after the multiplications.
	const likelihood = clampLevel(Math.floor((base + steps) * sectorFactor * s.climateFactor + 0.5 + 1e-9))
	const impact = Math.max(1, levelFor(unit.chinaRevenueRmb, s.impactByChinaRevenueRmb), unit.isCiio ? s.ciioImpact : 0)
	const profile = finding({
		ruleId: 'ENF-PROFILE',
		dimension,
		kind: 'exposure',
		certainty: 'model',
		entity: unitRef(unit),
		title: `Enforcement profile: ${unit.handlesConsumerData ? 'consumer data' : 'personal data'}, ${unit.sector.replaceAll('_', ' ')}`,
		detail: `${unit.handlesConsumerData ? 'Handles consumer data. ' : ''}${formatCount(individuals)} individuals exported since 1 January (known counts). Sector factor ${sectorFactor}, climate factor ${s.climateFactor}: (${base} + ${steps}) x ${sectorFactor} x ${s.climateFactor} gives likelihood ${likelihood}. Impact follows China revenue of RMB ${formatCount(unit.chinaRevenueRmb)}${unit.isCiio ? ' and CIIO status' : ''}. Foreign firms handling consumer data have been inspected (2019).`,
		remedy: 'Close the gaps in the other dimensions first; they are what an inspection would find.',
		inputs: {
			handlesConsumerData: unit.handlesConsumerData,
			individualsExported: individuals,
			volumeSteps: steps,
			sector: unit.sector,
			sectorFactor,
			climateFactor: s.climateFactor,
			chinaRevenueRmb: unit.chinaRevenueRmb,
			isCiio: unit.isCiio,
		},
		articles: [ARTICLES.piplPenalties],
		likelihood,
		impact,
	})
	return { applicable: true, findings: [profile] }
}
