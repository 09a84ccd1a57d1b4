import { type Band, type Dimension } from '#models/exposure/index.ts'

export const DIMENSION_LABELS: Record<Dimension, string> = {
	cross_border: 'Cross-border transfer',
	cybersecurity_mlps: 'Cybersecurity / MLPS',
	data_localisation: 'Data localisation',
	ip_inspection: 'IP & inspection',
	enforcement: 'Enforcement likelihood',
	workforce_concentration: 'Workforce concentration',
}

export const DIMENSION_SHORT: Record<Dimension, string> = {
	cross_border: 'Cross-border',
	cybersecurity_mlps: 'MLPS',
	data_localisation: 'Localisation',
	ip_inspection: 'IP / inspection',
	enforcement: 'Enforcement',
	workforce_concentration: 'Workforce',
}

export const BAND_LABELS: Record<Band, string> = {
	none: 'None',
	low: 'Low',
	medium: 'Medium',
	high: 'High',
	critical: 'Critical',
}

export const MECHANISM_LABELS: Record<string, string> = {
	none: 'None',
	standard_contract: 'Standard contract',
	certification: 'Certification',
	security_assessment: 'Security assessment',
	standard_contract_or_certification: 'Standard contract or certification',
	exempt: 'Exempt',
}
