import { describe, expect, test } from 'vitest'
import { type ExporterFlowFacts, requiredTransferMechanisms } from '#models/transfer-mechanism.ts'

// Flows of one exporter; the volume tests of the 2024 Provisions read the exporter's totals since 1 January.
const flow = (code: string, over: Partial<ExporterFlowFacts> = {}): ExporterFlowFacts => ({
	code,
	personalInfoIndividuals: 0,
	sensitivePersonalInfoIndividuals: 0,
	includesImportantData: false,
	purpose: 'other',
	collectedInMainland: true,
	outsideFtzNegativeList: false,
	...over,
})
const nonCiio = { isCiio: false }
const mechanisms = (exporter: { isCiio: boolean }, flows: ExporterFlowFacts[]) =>
	requiredTransferMechanisms(exporter, flows).map(r => r.mechanism)

describe('thresholds reached only in total, over two or more flows', () => {
	test('60,000 + 40,000 non-sensitive is exactly 100,000: both flows need a standard contract (art. 8)', () => {
		const r = requiredTransferMechanisms(nonCiio, [
			flow('A', { personalInfoIndividuals: 60_000 }),
			flow('B', { personalInfoIndividuals: 40_000 }),
		])
		expect(r.map(x => x.mechanism)).toEqual(['standard_contract_or_certification', 'standard_contract_or_certification'])
		expect(r[0]!.articles).toEqual(['Art. 8'])
		expect(r[0]!.cumulative).toEqual({ personalInfoIndividuals: 100_000, sensitivePersonalInfoIndividuals: 0, unknownVolumes: 0 })
		expect(r[1]!.reasons[0]).toContain("the exporter's total of 100,000")
	})

	test('60,000 + 39,999 stays exempt under art. 5(4)', () => {
		expect(mechanisms(nonCiio, [flow('A', { personalInfoIndividuals: 60_000 }), flow('B', { personalInfoIndividuals: 39_999 })])).toEqual([
			'exempt',
			'exempt',
		])
	})

	test('999,999 + 1 is exactly 1,000,000: security assessment for both (art. 7(2))', () => {
		const r = requiredTransferMechanisms(nonCiio, [
			flow('A', { personalInfoIndividuals: 999_999 }),
			flow('B', { personalInfoIndividuals: 1 }),
		])
		expect(r.map(x => x.mechanism)).toEqual(['security_assessment', 'security_assessment'])
		expect(r[0]!.articles).toEqual(['Art. 7(2)'])
	})

	test('a 999,999 flow while the same unit sends another 1,000,000 is not satisfied by a standard contract', () => {
		expect(
			mechanisms(nonCiio, [flow('A', { personalInfoIndividuals: 999_999 }), flow('B', { personalInfoIndividuals: 1_000_000 })]),
		).toEqual(['security_assessment', 'security_assessment'])
	})

	test('a 45,000 flow of a unit exporting 640,000 over several flows is not exempt', () => {
		const flows = [45_000, 200_000, 395_000].map((n, i) => flow(`F${i}`, { personalInfoIndividuals: n }))
		expect(mechanisms(nonCiio, flows)).toEqual(Array(3).fill('standard_contract_or_certification'))
	})

	test('6,000 + 4,000 sensitive is exactly 10,000: security assessment (art. 7(2)); 9,999 in total is art. 8', () => {
		const at = [flow('A', { sensitivePersonalInfoIndividuals: 6_000 }), flow('B', { sensitivePersonalInfoIndividuals: 4_000 })]
		expect(mechanisms(nonCiio, at)).toEqual(['security_assessment', 'security_assessment'])
		const below = [flow('A', { sensitivePersonalInfoIndividuals: 6_000 }), flow('B', { sensitivePersonalInfoIndividuals: 3_999 })]
		expect(mechanisms(nonCiio, below)).toEqual(['standard_contract_or_certification', 'standard_contract_or_certification'])
	})

	test('the sensitive total does not raise a flow that carries only non-sensitive information below 100,000', () => {
		const flows = [flow('A', { personalInfoIndividuals: 5_000 }), flow('B', { sensitivePersonalInfoIndividuals: 20_000 })]
		expect(mechanisms(nonCiio, flows)).toEqual(['exempt', 'security_assessment'])
	})

	test('results keep the input order and codes', () => {
		const r = requiredTransferMechanisms(nonCiio, [flow('Z'), flow('A')])
		expect(r.map(x => x.code)).toEqual(['Z', 'A'])
	})
})

describe('what counts toward the totals (decision 014)', () => {
	test('flows exempt by purpose (art. 5(1)-(3)) stay exempt and do not count', () => {
		const r = requiredTransferMechanisms(nonCiio, [
			flow('HR', { personalInfoIndividuals: 900_000, purpose: 'hr_management' }),
			flow('A', { personalInfoIndividuals: 99_999 }),
		])
		expect(r.map(x => x.mechanism)).toEqual(['exempt', 'exempt'])
		expect(r[0]!.counted).toBe(false)
		expect(r[1]!.cumulative.personalInfoIndividuals).toBe(99_999)
	})

	test('information collected abroad (art. 4) and FTZ-exempt data (art. 6) do not count', () => {
		const r = requiredTransferMechanisms(nonCiio, [
			flow('ABROAD', { personalInfoIndividuals: 500_000, collectedInMainland: false }),
			flow('FTZ', { personalInfoIndividuals: 500_000, outsideFtzNegativeList: true }),
			flow('A', { personalInfoIndividuals: 50_000 }),
		])
		expect(r.map(x => x.mechanism)).toEqual(['exempt', 'exempt', 'exempt'])
		expect(r[2]!.cumulative.personalInfoIndividuals).toBe(50_000)
	})

	test('important data needs a security assessment whatever the totals', () => {
		expect(mechanisms(nonCiio, [flow('ID', { includesImportantData: true }), flow('A', { personalInfoIndividuals: 10 })])).toEqual([
			'security_assessment',
			'exempt',
		])
	})
})

describe('unknown volumes are never zero', () => {
	test('non-CIIO: a flow of unknown volume needs at least a standard contract', () => {
		const r = requiredTransferMechanisms(nonCiio, [flow('U', { personalInfoIndividuals: null })])
		expect(r[0]!.mechanism).toBe('standard_contract_or_certification')
		expect(r[0]!.cumulative.unknownVolumes).toBe(1)
		expect(r[0]!.reasons[0]).toMatch(/unknown/)
	})

	test('non-CIIO: and at least what the known totals require', () => {
		const r = requiredTransferMechanisms(nonCiio, [
			flow('U', { personalInfoIndividuals: null }),
			flow('A', { personalInfoIndividuals: 1_200_000 }),
		])
		expect(r.map(x => x.mechanism)).toEqual(['security_assessment', 'security_assessment'])
	})

	test('non-CIIO: an unknown sensitive count needs at least a standard contract', () => {
		expect(mechanisms(nonCiio, [flow('U', { sensitivePersonalInfoIndividuals: null })])).toEqual(['standard_contract_or_certification'])
	})

	test('CIIO: personal information of unknown volume needs a security assessment (art. 7(1))', () => {
		const r = requiredTransferMechanisms({ isCiio: true }, [
			flow('U', { personalInfoIndividuals: null, sensitivePersonalInfoIndividuals: null }),
		])
		expect(r[0]!.mechanism).toBe('security_assessment')
		expect(r[0]!.articles).toEqual(['Art. 7(1)'])
	})

	test('CIIO: an exempt purpose still applies to CIIOs (art. 5(1)-(3))', () => {
		expect(mechanisms({ isCiio: true }, [flow('U', { personalInfoIndividuals: null, purpose: 'contract_with_individual' })])).toEqual([
			'exempt',
		])
	})
})

describe('distinct individuals given for the unit', () => {
	test('replaces the sum when set', () => {
		const flows = [flow('A', { personalInfoIndividuals: 60_000 }), flow('B', { personalInfoIndividuals: 50_000 })]
		const r = requiredTransferMechanisms({ isCiio: false, distinctIndividualsAbroad: 80_000 }, flows)
		expect(r.map(x => x.mechanism)).toEqual(['exempt', 'exempt'])
		expect(r[0]!.cumulative.personalInfoIndividuals).toBe(80_000)
		expect(r[0]!.totalsBasis).toContain('distinct count given')
	})

	test('is never below the largest single flow', () => {
		const r = requiredTransferMechanisms({ isCiio: false, distinctIndividualsAbroad: 10 }, [
			flow('A', { personalInfoIndividuals: 150_000 }),
		])
		expect(r[0]!.cumulative.personalInfoIndividuals).toBe(150_000)
		expect(r[0]!.mechanism).toBe('standard_contract_or_certification')
	})
})
