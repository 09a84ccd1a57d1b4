// The scoring model's page: a draft version from a form (the settings an administrator weighs: dimension weights,
// overall band thresholds, the risk matrix, the penalty tier; everything else is carried over from the version the
// draft starts from), and a draft's effect on the portfolio before it is activated.
import { DIMENSIONS, type Band, type Dimension, type PortfolioExposure, RATED_BANDS, type RatedBand } from './exposure/types.ts'
import { type ModelSettings, parseModelSettings } from './exposure/settings.ts'

export type DraftResult =
	{ ok: true; value: { label: string; settings: ModelSettings } } | { ok: false; fieldErrors: Record<string, string[]> }

const LABEL = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/

/** Form fields: label, weight.<dimension>, band.medium|high|critical, matrix.<likelihood>.<impact> (1-5), penaltyTier. */
export function parseModelDraft(base: ModelSettings, form: Record<string, string | undefined>): DraftResult {
	const errors: Record<string, string[]> = {}
	const add = (field: string, message: string) => (errors[field] ??= []).push(message)
	const number = (field: string, min: number, max: number) => {
		const raw = (form[field] ?? '').trim()
		const n = Number(raw)
		if (raw === '' || !Number.isFinite(n)) add(field, 'Enter a number.')
		else if (n < min || n > max) add(field, `Enter a number from ${min} to ${max}.`)
		return n
	}
	const label = (form.label ?? '').trim()
	if (!LABEL.test(label)) add('label', 'Name the version: 1 to 40 letters, digits, spaces, dots, dashes or underscores (e.g. 2027.1).')
	const dimensionWeights = Object.fromEntries(DIMENSIONS.map(d => [d, number(`weight.${d}`, 0, 1)])) as Record<Dimension, number>
	const overallBands = {
		medium: number('band.medium', 0.1, 25),
		high: number('band.high', 0.1, 25),
		critical: number('band.critical', 0.1, 25),
	}
	if (
		!errors['band.medium'] &&
		!errors['band.high'] &&
		!errors['band.critical'] &&
		!(overallBands.medium <= overallBands.high && overallBands.high <= overallBands.critical)
	)
		add('band.high', 'Thresholds must rise: medium ≤ high ≤ critical.')
	const riskMatrix: RatedBand[][] = [1, 2, 3, 4, 5].map(l =>
		[1, 2, 3, 4, 5].map(i => {
			const v = form[`matrix.${l}.${i}`]
			if (!RATED_BANDS.includes(v as RatedBand)) add(`matrix.${l}.${i}`, 'Choose a band.')
			return v as RatedBand
		}),
	)
	const tier = form.penaltyTier
	if (tier !== 'maximum' && tier !== 'base') add('penaltyTier', 'Choose the maximum or the base tier.')
	if (Object.keys(errors).length) return { ok: false, fieldErrors: errors }
	const parsed = parseModelSettings({
		...base,
		version: label,
		dimensionWeights,
		overallBands,
		riskMatrix,
		penalties: { ...base.penalties, tier },
	})
	if (!parsed.ok) return { ok: false, fieldErrors: { matrix: parsed.errors } }
	return { ok: true, value: { label, settings: parsed.value } }
}

export interface BandChange {
	unitId: number
	unitName: string
	before: { band: Band; score: number }
	after: { band: Band; score: number }
}

/** Units whose overall band differs between two scorings of the same portfolio, worst new band first. */
export function overallBandChanges(active: PortfolioExposure, draft: PortfolioExposure): BandChange[] {
	const byId = new Map(draft.units.map(u => [u.unitId, u]))
	const rank = (b: Band) => ['none', ...RATED_BANDS].indexOf(b)
	const changes: BandChange[] = []
	for (const u of active.units) {
		const d = byId.get(u.unitId)
		if (!d || d.overall.band === u.overall.band) continue
		changes.push({
			unitId: u.unitId,
			unitName: u.unitName,
			before: { band: u.overall.band, score: u.overall.score },
			after: { band: d.overall.band, score: d.overall.score },
		})
	}
	return changes.sort(
		(a, b) => rank(b.after.band) - rank(a.after.band) || b.after.score - a.after.score || a.unitName.localeCompare(b.unitName),
	)
}
