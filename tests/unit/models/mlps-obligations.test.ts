import { describe, expect, test } from 'vitest'
import { mlpsObligations, type MlpsSystemFacts } from '#models/mlps-obligations.ts'

const system: MlpsSystemFacts = {
	mlpsLevel: 3,
	gradedOn: '2026-01-05', // a Monday
	filedOn: '2026-01-20',
	lastAssessedOn: '2025-03-01',
	technologies: [],
}

const obligation = (facts: Partial<MlpsSystemFacts>, asOf: string, kind: 'grading' | 'filing' | 'assessment') =>
	mlpsObligations({ ...system, ...facts }, asOf).obligations.find(o => o.kind === kind)

describe('filing with the PSB', () => {
	test('is due 30 days after grading', () => {
		// 2026-01-05 + 30 days = 2026-02-04
		expect(obligation({ filedOn: null }, '2026-01-10', 'filing')?.dueOn).toBe('2026-02-04')
	})

	test('shows the 10-working-day date of the 2018 draft next to it', () => {
		// Mon 2026-01-05 + 10 working days = Mon 2026-01-19
		expect(obligation({ filedOn: null }, '2026-01-10', 'filing')?.alternativeDueOn).toBe('2026-01-19')
	})

	test('has an uncertain deadline', () => {
		expect(obligation({ filedOn: null }, '2026-01-10', 'filing')?.certainty).toBe('uncertain')
	})

	test('is overdue the day after the deadline', () => {
		expect(obligation({ filedOn: null }, '2026-02-05', 'filing')).toMatchObject({ state: 'overdue', daysOverdue: 1 })
	})

	test('is not overdue on the deadline', () => {
		expect(obligation({ filedOn: null }, '2026-02-04', 'filing')).toMatchObject({ state: 'scheduled', daysUntilDue: 0 })
	})

	test('is met once filed', () => {
		expect(obligation({}, '2026-06-01', 'filing')?.state).toBe('met')
	})

	test('is undated without a grading date', () => {
		expect(obligation({ filedOn: null, gradedOn: null }, '2026-06-01', 'filing')?.state).toBe('undated')
	})

	test('is not owed at level 1', () => {
		expect(mlpsObligations({ ...system, mlpsLevel: 1 }, '2026-06-01').obligations).toEqual([])
	})

	test('is owed from level 2', () => {
		expect(obligation({ mlpsLevel: 2, filedOn: null }, '2026-06-01', 'filing')?.state).toBe('overdue')
	})
})

describe('assessment', () => {
	test('level 3 is due a year after the last one', () => {
		expect(obligation({}, '2026-01-10', 'assessment')?.dueOn).toBe('2026-03-01')
	})

	test('level 3 is overdue the day after', () => {
		expect(obligation({}, '2026-03-02', 'assessment')).toMatchObject({ state: 'overdue', daysOverdue: 1 })
	})

	test('level 3 rests on law', () => {
		expect(obligation({}, '2026-03-02', 'assessment')?.certainty).toBe('law')
	})

	test('level 4 is due six months after the last one', () => {
		expect(obligation({ mlpsLevel: 4, lastAssessedOn: '2025-09-30' }, '2026-01-10', 'assessment')?.dueOn).toBe('2026-03-30')
	})

	test('level 5 is treated like level 4 and flagged uncertain', () => {
		expect(obligation({ mlpsLevel: 5, lastAssessedOn: '2025-09-30' }, '2026-01-10', 'assessment')).toMatchObject({
			dueOn: '2026-03-30',
			certainty: 'uncertain',
		})
	})

	test('level 2 every 2 years is practice, not law', () => {
		expect(obligation({ mlpsLevel: 2, lastAssessedOn: '2024-01-10' }, '2026-01-10', 'assessment')).toMatchObject({
			dueOn: '2026-01-10',
			certainty: 'practice',
		})
	})

	test('an overdue practice assessment does not make the system overdue', () => {
		expect(mlpsObligations({ ...system, mlpsLevel: 2, lastAssessedOn: '2023-01-01' }, '2026-01-10').overdue).toBe(false)
	})

	test('an overdue level-3 assessment makes the system overdue', () => {
		expect(mlpsObligations(system, '2026-03-02').overdue).toBe(true)
	})

	test('a never-assessed level-3 system is due with the filing', () => {
		expect(obligation({ lastAssessedOn: null }, '2026-01-10', 'assessment')).toMatchObject({
			dueOn: '2026-02-04',
			certainty: 'uncertain',
		})
	})

	test('days overdue grow with time', () => {
		expect(obligation({}, '2026-03-31', 'assessment')?.daysOverdue).toBe(30)
	})
})

describe('grading', () => {
	test('an ungraded system owes grading under the law', () => {
		expect(obligation({ mlpsLevel: null }, '2026-01-10', 'grading')).toMatchObject({
			state: 'undated',
			certainty: 'law',
		})
	})
})

describe('extension technologies', () => {
	test('cloud at level 3 points to clause 8.2', () => {
		const [ext] = mlpsObligations({ ...system, technologies: ['cloud'] }, '2026-01-10').extensions
		expect(ext).toMatchObject({ technology: 'cloud', normative: true, clause: '8.2' })
	})

	test('industrial control at level 2 points to clause 7.5', () => {
		const [ext] = mlpsObligations({ ...system, mlpsLevel: 2, technologies: ['industrial_control'] }, '2026-01-10').extensions
		expect(ext?.clause).toBe('7.5')
	})

	test('big data is not a normative extension', () => {
		const [ext] = mlpsObligations({ ...system, technologies: ['big_data'] }, '2026-01-10').extensions
		expect(ext?.normative).toBe(false)
	})

	test('extensions follow the standard order', () => {
		const exts = mlpsObligations({ ...system, technologies: ['big_data', 'iot', 'cloud'] }, '2026-01-10').extensions
		expect(exts.map(e => e.technology)).toEqual(['cloud', 'iot', 'big_data'])
	})
})
