import { expect, test } from 'vitest'
import { DEFAULT_MODEL_SETTINGS, modelSettingsSchema, parseModelSettings } from '#models/exposure/index.ts'

const clone = () => structuredClone(DEFAULT_MODEL_SETTINGS)

test('the default settings are valid', () => {
	expect(modelSettingsSchema.safeParse(DEFAULT_MODEL_SETTINGS).success).toBe(true)
})

test('the default settings survive a JSON round trip', () => {
	expect(parseModelSettings(JSON.parse(JSON.stringify(DEFAULT_MODEL_SETTINGS)))).toEqual({
		ok: true,
		value: DEFAULT_MODEL_SETTINGS,
	})
})

test('a risk matrix whose band falls as the score rises is rejected', () => {
	const s = clone()
	s.riskMatrix[4]![4] = 'low' // 5 x 5 = 25 rated below 4 x 5 = 20 (critical)
	expect(parseModelSettings(s).ok).toBe(false)
})

test('a matrix that is not 5 x 5 is rejected', () => {
	const s = clone()
	s.riskMatrix = s.riskMatrix.slice(0, 4)
	expect(parseModelSettings(s).ok).toBe(false)
})

test('a likelihood outside 1-5 is rejected', () => {
	const s = clone()
	s.crossBorder.likelihood.missing = 6
	expect(parseModelSettings(s).ok).toBe(false)
})

test('a weight above 1 is rejected', () => {
	const s = clone()
	s.dimensionWeights.enforcement = 1.5
	expect(parseModelSettings(s).ok).toBe(false)
})

test('a missing sector factor is rejected', () => {
	const s = clone() as unknown as { enforcement: { sectorFactors: Record<string, number> } }
	delete s.enforcement.sectorFactors.finance
	expect(parseModelSettings(s).ok).toBe(false)
})

test('an unknown key is rejected', () => {
	expect(parseModelSettings({ ...clone(), extra: 1 }).ok).toBe(false)
})

test('errors name the path', () => {
	const s = clone()
	s.mlps.dueSoonDays = -1
	expect(parseModelSettings(s)).toEqual({ ok: false, errors: [expect.stringContaining('mlps.dueSoonDays')] })
})
