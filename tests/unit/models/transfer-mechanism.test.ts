import { describe, expect, test } from 'vitest'
import {
	effectiveMechanismInPlace,
	formatCount,
	mechanismSatisfies,
	requiredTransferMechanism,
	type TransferFacts,
} from '#models/transfer-mechanism.ts'

// A non-CIIO on the mainland, outside any FTZ, exporting for an ordinary business purpose.
const base: TransferFacts = {
	exporterIsCiio: false,
	includesImportantData: false,
	personalInfoIndividuals: 0,
	sensitivePersonalInfoIndividuals: 0,
	purpose: 'other',
	collectedInMainland: true,
	outsideFtzNegativeList: false,
}

const mechanismOf = (facts: Partial<TransferFacts>) => requiredTransferMechanism({ ...base, ...facts }).mechanism
const articlesOf = (facts: Partial<TransferFacts>) => requiredTransferMechanism({ ...base, ...facts }).articles

describe('non-sensitive volume thresholds (non-CIIO)', () => {
	test('99,999 is exempt under art. 5(4)', () => {
		expect(requiredTransferMechanism({ ...base, personalInfoIndividuals: 99_999 })).toMatchObject({
			mechanism: 'exempt',
			articles: ['Art. 5(4)'],
		})
	})

	test('exactly 100,000 needs a standard contract or certification (10万人以上 includes it)', () => {
		expect(requiredTransferMechanism({ ...base, personalInfoIndividuals: 100_000 })).toMatchObject({
			mechanism: 'standard_contract_or_certification',
			articles: ['Art. 8'],
		})
	})

	test('999,999 needs a standard contract or certification', () => {
		expect(mechanismOf({ personalInfoIndividuals: 999_999 })).toBe('standard_contract_or_certification')
	})

	test('exactly 1,000,000 needs a security assessment under art. 7(2)', () => {
		expect(requiredTransferMechanism({ ...base, personalInfoIndividuals: 1_000_000 })).toMatchObject({
			mechanism: 'security_assessment',
			articles: ['Art. 7(2)'],
		})
	})

	test('1 individual is exempt under art. 5(4)', () => {
		expect(mechanismOf({ personalInfoIndividuals: 1 })).toBe('exempt')
	})
})

describe('sensitive volume thresholds (non-CIIO)', () => {
	test('1 sensitive individual needs a standard contract or certification under art. 8', () => {
		expect(requiredTransferMechanism({ ...base, sensitivePersonalInfoIndividuals: 1 })).toMatchObject({
			mechanism: 'standard_contract_or_certification',
			articles: ['Art. 8'],
		})
	})

	test('9,999 sensitive needs a standard contract or certification', () => {
		expect(mechanismOf({ sensitivePersonalInfoIndividuals: 9_999 })).toBe('standard_contract_or_certification')
	})

	test('exactly 10,000 sensitive needs a security assessment under art. 7(2)', () => {
		expect(requiredTransferMechanism({ ...base, sensitivePersonalInfoIndividuals: 10_000 })).toMatchObject({
			mechanism: 'security_assessment',
			articles: ['Art. 7(2)'],
		})
	})
})

describe('mixed flows', () => {
	test('exempt non-sensitive plus a few sensitive needs a standard contract', () => {
		expect(mechanismOf({ personalInfoIndividuals: 50_000, sensitivePersonalInfoIndividuals: 10 })).toBe(
			'standard_contract_or_certification',
		)
	})

	test('the deciding article comes first and every part is cited', () => {
		expect(articlesOf({ personalInfoIndividuals: 50_000, sensitivePersonalInfoIndividuals: 10 })).toEqual(['Art. 8', 'Art. 5(4)'])
	})

	test('reasons mention each part', () => {
		const { reasons } = requiredTransferMechanism({
			...base,
			personalInfoIndividuals: 50_000,
			sensitivePersonalInfoIndividuals: 10,
		})
		expect(reasons).toHaveLength(2)
	})

	test('reasons name the instrument', () => {
		const { reasons } = requiredTransferMechanism({ ...base, personalInfoIndividuals: 100_000 })
		expect(reasons[0]).toContain('CAC Order No. 16')
	})

	test('standard-contract non-sensitive plus 10,000 sensitive needs a security assessment', () => {
		expect(mechanismOf({ personalInfoIndividuals: 200_000, sensitivePersonalInfoIndividuals: 10_000 })).toBe('security_assessment')
	})
})

describe('important data', () => {
	test('a non-CIIO exporting important data needs a security assessment under art. 7(2)', () => {
		expect(requiredTransferMechanism({ ...base, includesImportantData: true })).toMatchObject({
			mechanism: 'security_assessment',
			articles: ['Art. 7(2)'],
		})
	})

	test('a CIIO exporting important data needs a security assessment under art. 7(1)', () => {
		expect(articlesOf({ exporterIsCiio: true, includesImportantData: true })).toEqual(['Art. 7(1)'])
	})

	test('an HR-purpose exemption does not reach important data', () => {
		expect(
			requiredTransferMechanism({
				...base,
				includesImportantData: true,
				personalInfoIndividuals: 500,
				purpose: 'hr_management',
			}),
		).toMatchObject({ mechanism: 'security_assessment', articles: ['Art. 7(2)', 'Art. 5(2)'] })
	})

	test('data collected abroad does not exempt important data in the flow', () => {
		expect(mechanismOf({ includesImportantData: true, personalInfoIndividuals: 5, collectedInMainland: false })).toBe('security_assessment')
	})
})

describe('CIIO', () => {
	test('a CIIO exporting one individual needs a security assessment under art. 7(1)', () => {
		expect(requiredTransferMechanism({ ...base, exporterIsCiio: true, personalInfoIndividuals: 1 })).toMatchObject({
			mechanism: 'security_assessment',
			articles: ['Art. 7(1)'],
		})
	})

	test('a CIIO gets no art. 5(4) exemption below 100,000', () => {
		expect(mechanismOf({ exporterIsCiio: true, personalInfoIndividuals: 99_999 })).toBe('security_assessment')
	})

	test('a CIIO with sensitive data below 10,000 needs a security assessment', () => {
		expect(mechanismOf({ exporterIsCiio: true, sensitivePersonalInfoIndividuals: 9_999 })).toBe('security_assessment')
	})

	test('a CIIO transferring for a contract with the individual is exempt under art. 5(1)', () => {
		expect(
			requiredTransferMechanism({
				...base,
				exporterIsCiio: true,
				personalInfoIndividuals: 2_000_000,
				purpose: 'contract_with_individual',
			}),
		).toMatchObject({ mechanism: 'exempt', articles: ['Art. 5(1)'] })
	})
})

describe('exemptions (arts 3-6) take precedence over arts 7 and 8', () => {
	test('contract with the individual is exempt under art. 5(1) at any volume', () => {
		expect(
			articlesOf({
				personalInfoIndividuals: 5_000_000,
				sensitivePersonalInfoIndividuals: 50_000,
				purpose: 'contract_with_individual',
			}),
		).toEqual(['Art. 5(1)'])
	})

	test('HR management is exempt under art. 5(2)', () => {
		expect(requiredTransferMechanism({ ...base, sensitivePersonalInfoIndividuals: 20_000, purpose: 'hr_management' })).toMatchObject({
			mechanism: 'exempt',
			articles: ['Art. 5(2)'],
		})
	})

	test('an emergency is exempt under art. 5(3)', () => {
		expect(requiredTransferMechanism({ ...base, personalInfoIndividuals: 1_500_000, purpose: 'emergency' })).toMatchObject({
			mechanism: 'exempt',
			articles: ['Art. 5(3)'],
		})
	})

	test('the HR exemption applies to a CIIO', () => {
		expect(mechanismOf({ exporterIsCiio: true, personalInfoIndividuals: 3_000, purpose: 'hr_management' })).toBe('exempt')
	})

	test('personal information not collected in mainland China is exempt under art. 4', () => {
		expect(requiredTransferMechanism({ ...base, personalInfoIndividuals: 3_000_000, collectedInMainland: false })).toMatchObject({
			mechanism: 'exempt',
			articles: ['Art. 4'],
		})
	})

	test('art. 4 applies to a CIIO', () => {
		expect(mechanismOf({ exporterIsCiio: true, personalInfoIndividuals: 10, collectedInMainland: false })).toBe('exempt')
	})

	test('data outside the FTZ negative list is exempt under art. 6', () => {
		expect(requiredTransferMechanism({ ...base, personalInfoIndividuals: 2_000_000, outsideFtzNegativeList: true })).toMatchObject({
			mechanism: 'exempt',
			articles: ['Art. 6'],
		})
	})

	test('the FTZ exemption covers important data outside the list', () => {
		expect(mechanismOf({ includesImportantData: true, exporterIsCiio: true, outsideFtzNegativeList: true })).toBe('exempt')
	})

	test('a flow with no personal information and no important data is exempt under art. 3', () => {
		expect(requiredTransferMechanism(base)).toMatchObject({ mechanism: 'exempt', articles: ['Art. 3'] })
	})
})

describe('malformed counts', () => {
	test('negative counts read as zero', () => {
		expect(mechanismOf({ personalInfoIndividuals: -5 })).toBe('exempt')
	})

	test('NaN counts read as zero', () => {
		expect(mechanismOf({ sensitivePersonalInfoIndividuals: Number.NaN })).toBe('exempt')
	})
})

describe('mechanism sufficiency', () => {
	test('a security assessment satisfies a standard-contract requirement', () => {
		expect(mechanismSatisfies('standard_contract_or_certification', 'security_assessment')).toBe(true)
	})

	test('certification satisfies a standard-contract requirement', () => {
		expect(mechanismSatisfies('standard_contract_or_certification', 'certification')).toBe(true)
	})

	test('a standard contract does not satisfy a security-assessment requirement', () => {
		expect(mechanismSatisfies('security_assessment', 'standard_contract')).toBe(false)
	})

	test('an exempt flow needs nothing', () => {
		expect(mechanismSatisfies('exempt', 'none')).toBe(true)
	})

	test('a mechanism that expired before the date counts as none', () => {
		const flow = { mechanismInPlace: 'security_assessment', mechanismExpiresOn: '2026-03-31' } as const
		expect(effectiveMechanismInPlace(flow, '2026-04-01')).toBe('none')
	})

	test('a mechanism is still valid on its expiry day', () => {
		const flow = { mechanismInPlace: 'security_assessment', mechanismExpiresOn: '2026-03-31' } as const
		expect(effectiveMechanismInPlace(flow, '2026-03-31')).toBe('security_assessment')
	})
})

describe('formatCount', () => {
	test.each([
		[0, '0'],
		[999, '999'],
		[1000, '1,000'],
		[99_999, '99,999'],
		[100_000, '100,000'],
		[1_000_000, '1,000,000'],
		[-1234, '-1,234'],
		[Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
		[1234.5, '1,234.5'],
	])('%s reads %s', (value, text) => expect(formatCount(value)).toBe(text))
})
