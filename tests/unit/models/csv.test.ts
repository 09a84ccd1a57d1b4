import { describe, expect, test } from 'vitest'
import { unescapeFormula } from '#models/csv-import.ts'
import { decodeCsvBytes, parseCsvText, toCsv } from '#models/csv.ts'
import { applyListQuery } from '#models/list-query.ts'

describe('parseCsvText', () => {
	test('gives each record the line it starts on, across blank lines and quoted line breaks', () => {
		const parsed = parseCsvText('\uFEFFcode,name\r\nA,one\r\n\r\n"B","two\r\nlines"\r\nC,three', 100)
		expect(parsed).toEqual({
			ok: true,
			header: ['code', 'name'],
			records: [
				{ line: 2, cells: ['A', 'one'] },
				{ line: 4, cells: ['B', 'two\nlines'] },
				{ line: 6, cells: ['C', 'three'] },
			],
		})
	})

	test('names the line of broken quoting', () => {
		const parsed = parseCsvText('code,name\nA,one\nB,"two\nC,three', 100)
		expect(parsed.ok).toBe(false)
		if (!parsed.ok) expect(parsed.error.message).toMatch(/not valid CSV: .*quote/i)
	})

	test('refuses more rows than the limit, saying where it stopped', () => {
		const text = ['code', ...Array.from({ length: 12 }, (_, i) => `R${i}`)].join('\n')
		const parsed = parseCsvText(text, 10)
		expect(parsed).toMatchObject({ ok: false, tooLarge: true, error: { line: 12 } })
	})

	test('an empty file is an error, not zero rows', () => {
		expect(parseCsvText('', 10)).toMatchObject({ ok: false, error: { line: 1 } })
	})
})

describe('decodeCsvBytes', () => {
	test('accepts UTF-8, including Chinese names', () => {
		expect(decodeCsvBytes(new TextEncoder().encode('name\n上海'))).toEqual({ ok: true, text: 'name\n上海' })
	})
	test('refuses other encodings and says on which line the first bad byte is', () => {
		const gbk = Uint8Array.from([...new TextEncoder().encode('name\nok\n'), 0xc9, 0xcf, 0xba, 0xa3]) // 上海 in GBK
		expect(decodeCsvBytes(gbk)).toMatchObject({ ok: false, error: { line: 3, message: expect.stringContaining('not UTF-8') } })
	})
})

describe('toCsv', () => {
	test('quotes what needs quoting, escapes formulas, and parses back to the same cells', () => {
		const rows = [
			{ code: 'A', name: 'Comma, "quoted"\nand a line break' },
			{ code: 'B', name: '=HYPERLINK("http://evil")' },
			{ code: 'C', name: '-5' },
		]
		const csv = toCsv(['code', 'name'], rows)
		expect(csv.startsWith('\uFEFFcode,name\r\n')).toBe(true)
		expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
		const back = parseCsvText(csv, 10)
		if (!back.ok) throw new Error('did not parse')
		expect(back.records.map(r => r.cells.map(unescapeFormula))).toEqual(rows.map(r => [r.code, r.name]))
	})
})

describe('applyListQuery', () => {
	const rows = [
		{ city: 'Manila', cost: 17_500 },
		{ city: 'Singapore', cost: 65_000 },
		{ city: 'Dalian', cost: null },
		{ city: 'Kuala Lumpur', cost: 22_500 },
	]
	const run = (sort: 'city' | 'cost', desc: boolean, q = '', page = 1, pageSize = 50) =>
		applyListQuery(
			rows,
			{ sort, desc, q, page, pageSize, filters: {} },
			(r, k) => r[k],
			r => r.city,
		)
	test('sorts either way with unknown values last', () => {
		expect(run('cost', false).rows.map(r => r.city)).toEqual(['Manila', 'Kuala Lumpur', 'Singapore', 'Dalian'])
		expect(run('cost', true).rows.map(r => r.city)).toEqual(['Singapore', 'Kuala Lumpur', 'Manila', 'Dalian'])
	})
	test('searches and pages, reporting the total before paging', () => {
		expect(run('city', false, 'a', 2, 2)).toEqual({ rows: [rows[0], rows[1]], total: 4 })
		expect(run('city', false, 'pore')).toEqual({ rows: [rows[1]], total: 1 })
	})
})
