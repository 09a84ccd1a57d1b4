import { expect, test } from 'vitest'
import { DEFAULT_MODEL_SETTINGS } from '#models/exposure/settings.ts'
import { DIMENSIONS, type PortfolioExposure } from '#models/exposure/types.ts'
import { overallBandChanges, parseModelDraft } from '#models/model-draft.ts'

const base = DEFAULT_MODEL_SETTINGS
function form(over: Record<string, string> = {}) {
	const f: Record<string, string> = { label: '2027.1', penaltyTier: 'base', 'band.medium': '5', 'band.high': '10', 'band.critical': '16' }
	for (const d of DIMENSIONS) f[`weight.${d}`] = String(base.dimensionWeights[d])
	for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) f[`matrix.${l}.${i}`] = base.riskMatrix[l - 1]![i - 1]!
	return { ...f, ...over }
}

test('a draft takes the form and carries every other setting over', () => {
	const r = parseModelDraft(base, form())
	if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors))
	expect(r.value.label).toBe('2027.1')
	expect(r.value.settings.version).toBe('2027.1')
	expect(r.value.settings.overallBands).toEqual({ medium: 5, high: 10, critical: 16 })
	expect(r.value.settings.penalties.tier).toBe('base')
	expect(r.value.settings.crossBorder).toEqual(base.crossBorder)
})

test('bad fields are named', () => {
	const r = parseModelDraft(base, form({ label: '', 'weight.enforcement': '2', 'band.high': '20', 'matrix.3.3': 'purple' }))
	expect(r.ok).toBe(false)
	if (r.ok) return
	expect(Object.keys(r.fieldErrors).sort()).toEqual(['band.high', 'label', 'matrix.3.3', 'weight.enforcement'])
})

test('a matrix whose bands fall as the score rises is refused', () => {
	const r = parseModelDraft(base, form({ 'matrix.5.5': 'low' }))
	expect(r.ok).toBe(false)
})

test('band changes list only units whose overall band moves, worst new band first', () => {
	const unit = (unitId: number, band: 'low' | 'high' | 'critical', score: number) => ({
		unitId,
		unitName: `U${unitId}`,
		overall: { band, score },
	})
	const active = { units: [unit(1, 'low', 4), unit(2, 'high', 12), unit(3, 'high', 12)] } as unknown as PortfolioExposure
	const draft = { units: [unit(1, 'high', 4), unit(2, 'high', 12), unit(3, 'critical', 12)] } as unknown as PortfolioExposure
	expect(overallBandChanges(active, draft).map(c => [c.unitId, c.before.band, c.after.band])).toEqual([
		[3, 'high', 'critical'],
		[1, 'low', 'high'],
	])
})
