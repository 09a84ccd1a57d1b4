// Validates an inventory CSV, already split into cells, against a table's schema. Pure: the caller
// parses the file and supplies the unit codes that exist. Every problem is reported with its line and
// column; nothing is half-accepted (the caller writes all rows or none).
import { type z } from 'zod'

export interface CsvCellError {
	line: number // 1-based line in the file (the header is line 1)
	column: string | null // column name, null for a whole-row problem
	columnNumber: number | null // 1-based
	message: string
}

export interface CsvValidation<T> {
	rows: Array<{ line: number; value: T; code: string }>
	errors: CsvCellError[]
}

export const CSV_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 50_000 } as const

// Cells a spreadsheet would execute: exports prefix them with an apostrophe; imports take it off again.
const FORMULA_START = /^[=+\-@\t\r]/

export function escapeFormula(cell: string) {
	return FORMULA_START.test(cell) ? `'${cell}` : cell
}

export function unescapeFormula(cell: string) {
	return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell
}

/**
 * @param header the first record's cells
 * @param records the following records with the file line each starts on
 * @param schema the table's field schema (keys = column names)
 * @param options.unitCodes existing unit codes, for tables with a unit_code column
 * @param options.keyColumn the column rows are matched on (unique within the file; default code)
 * @param options.archivedUnitCodes codes of archived units (refused with a message that says so and what to do)
 * @param options.keyOf a key made of several columns (reported on keyColumn)
 * @param options.rowCheck a rule across columns or tables, run on a row that passed the others (column and message)
 */
export function validateCsv<S extends z.ZodObject>(
	header: string[],
	records: Array<{ line: number; cells: string[] }>,
	schema: S,
	{
		unitCodes,
		keyColumn = 'code',
		archivedUnitCodes,
		keyOf,
		rowCheck,
	}: {
		unitCodes?: ReadonlySet<string>
		keyColumn?: string
		archivedUnitCodes?: ReadonlySet<string>
		keyOf?: (value: z.output<S>) => string
		rowCheck?: (value: z.output<S>) => { column: string; message: string } | null
	} = {},
): CsvValidation<z.output<S>> {
	const errors: CsvCellError[] = []
	const expected = Object.keys(schema.shape)
	const names = header.map(h => h.trim().toLowerCase())
	names.forEach((n, i) => {
		if (!expected.includes(n))
			errors.push({
				line: 1,
				column: header[i] ?? '',
				columnNumber: i + 1,
				message: `unknown column "${(header[i] ?? '').slice(0, 40)}"; expected ${expected.join(', ')}`,
			})
		else if (names.indexOf(n) !== i) errors.push({ line: 1, column: n, columnNumber: i + 1, message: `column "${n}" appears twice` })
	})
	for (const e of expected) {
		const optional = schema.shape[e]!.safeParse(undefined).success
		if (!names.includes(e) && !optional)
			errors.push({ line: 1, column: e, columnNumber: null, message: `required column "${e}" is missing` })
	}
	if (errors.length) return { rows: [], errors }

	const rows: CsvValidation<z.output<S>>['rows'] = []
	const seen = new Map<string, number>()
	for (const r of records) {
		if (r.cells.length !== names.length) {
			errors.push({
				line: r.line,
				column: null,
				columnNumber: null,
				message: `has ${r.cells.length} cells; the header has ${names.length}`,
			})
			continue
		}
		const input: Record<string, string> = {}
		names.forEach((n, i) => (input[n] = unescapeFormula(r.cells[i]!)))
		const parsed = schema.safeParse(input)
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const column = String(issue.path[0] ?? '')
				errors.push({ line: r.line, column, columnNumber: names.indexOf(column) + 1 || null, message: issue.message })
			}
			continue
		}
		const value = parsed.data as z.output<S> & { unit_code?: string }
		const key = keyOf ? keyOf(value) : String((value as Record<string, unknown>)[keyColumn])
		const previous = seen.get(key.toLowerCase())
		if (previous !== undefined) {
			errors.push({
				line: r.line,
				column: keyColumn,
				columnNumber: names.indexOf(keyColumn) + 1,
				message: `${keyColumn} "${key}" already appears on line ${previous}`,
			})
			continue
		}
		seen.set(key.toLowerCase(), r.line)
		if (unitCodes && value.unit_code !== undefined && !unitCodes.has(value.unit_code)) {
			errors.push({
				line: r.line,
				column: 'unit_code',
				columnNumber: names.indexOf('unit_code') + 1,
				message: archivedUnitCodes?.has(value.unit_code)
					? `business unit "${value.unit_code}" is archived: restore it first (Archived units), or name a unit in use`
					: `no business unit has code "${value.unit_code}"`,
			})
			continue
		}
		const refused = rowCheck?.(value)
		if (refused) {
			errors.push({
				line: r.line,
				column: refused.column,
				columnNumber: names.indexOf(refused.column) + 1 || null,
				message: refused.message,
			})
			continue
		}
		rows.push({ line: r.line, value, code: key })
	}
	return { rows, errors }
}

export function describeCsvError(e: CsvCellError) {
	return `line ${e.line}${e.column ? `, column ${e.columnNumber ?? '?'} (${e.column})` : ''}: ${e.message}`
}
