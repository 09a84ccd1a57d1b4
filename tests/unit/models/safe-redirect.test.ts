import { describe, expect, test } from 'vitest'
import { safeRedirect } from '#models/safe-redirect.ts'

describe('safeRedirect', () => {
	test.each(['/', '/units?sort=name.desc&page=2', '/snapshots/2026-Q3#integrity', '/units/%E4%B8%8A%E6%B5%B7'])('keeps the path %j', to => {
		expect(safeRedirect(to)).toBe(to)
	})

	test.each([
		'/\t/other.example/x',
		'/\n/other.example',
		'/\r\nSet-Cookie: a=b',
		'/%09/other.example/x',
		'/%0d%0aLocation:%20x',
		'/%2F/other.example',
		'//other.example',
		'/\\other.example',
		'/%5Cother.example',
		'https://other.example/',
		'javascript:alert(1)',
		'units',
		'/%E0%A4%A',
		'/x\u0000',
		'',
		null,
		undefined,
		42,
		`/${'a'.repeat(2048)}`,
	])('falls back to home for %j', to => {
		expect(safeRedirect(to)).toBe('/')
		expect(safeRedirect(to, '/snapshots')).toBe('/snapshots')
	})
})
