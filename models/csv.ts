// Reading and writing CSV text with csv-parse and csv-stringify. Pure (text in, values out): the
// routes handle files and the database. Problems are reported with the line they are on.
import { CsvError, parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { type CsvCellError, escapeFormula } from './csv-import.ts'

export type CsvText = { ok: true; text: string } | { ok: false; error: CsvCellError }

/** Decodes an uploaded file; anything but UTF-8 is refused rather than silently garbled. */
export function decodeCsvBytes(bytes: Uint8Array): CsvText {
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
	} catch {
		// Say where: the lenient decoder marks the first bad sequence with U+FFFD.
		const lenient = new TextDecoder('utf-8').decode(bytes)
		const at = lenient.indexOf('\uFFFD')
		const line = (lenient.slice(0, Math.max(0, at)).match(/\n/g)?.length ?? 0) + 1
		return {
			ok: false,
			error: { line, column: null, columnNumber: null, message: 'is not UTF-8 text; save the file as “CSV UTF-8” and try again' },
		}
	}
}

export type ParsedCsv =
	{ ok: true; header: string[]; records: Array<{ line: number; cells: string[] }> } | { ok: false; error: CsvCellError; tooLarge?: boolean }

/**
 * Splits CSV text into a header and records, each with the line it starts on (quoted cells may span
 * lines). Stops reading past `maxRows` data rows and says so.
 */
export function parseCsvText(text: string, maxRows: number): ParsedCsv {
	let parsed: Array<{ record: string[]; info: { lines: number }; raw: string }>
	try {
		// One line ending everywhere: csv-parse miscounts lines on CRLF inside quoted cells.
		parsed = parse(text.replace(/\r\n?/g, '\n'), {
			bom: true,
			info: true,
			raw: true,
			relax_column_count: true, // wrong cell counts are reported per line by the validator
			skip_empty_lines: true,
			max_record_size: 1_000_000,
			to: maxRows + 2,
		}) as never
	} catch (error) {
		if (error instanceof CsvError) {
			const e = error as CsvError & { lines?: number; column?: number | string }
			const reason = error.message.replace(/^[A-Za-z ]+: /, '').replace(/\s*at line \d+.*$/, '')
			return {
				ok: false,
				error: {
					line: e.lines ?? 1,
					column: null,
					columnNumber: typeof e.column === 'number' ? e.column + 1 : null,
					message: `the file is not valid CSV: ${reason}`,
				},
			}
		}
		throw error
	}
	if (!parsed.length)
		return {
			ok: false,
			error: { line: 1, column: null, columnNumber: null, message: 'the file is empty; the first line must name the columns' },
		}
	if (parsed.length > maxRows + 1)
		return {
			ok: false,
			tooLarge: true,
			error: {
				line: parsed[maxRows + 1]!.info.lines,
				column: null,
				columnNumber: null,
				message: `the file has more than ${maxRows.toLocaleString('en')} rows; split it into smaller files`,
			},
		}
	const records = parsed.map(p => {
		// info.lines is where the record ends; count back over the newlines inside it (blank lines before it are skipped)
		const body = p.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '')
		return { line: p.info.lines - (body.match(/\n/g)?.length ?? 0), cells: p.record }
	})
	const [header, ...rest] = records
	return { ok: true, header: header!.cells, records: rest }
}

/** CSV text with a header row; cells a spreadsheet would run as formulas are escaped. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<Record<string, string>>) {
	return stringify([header, ...rows.map(r => header.map(h => escapeFormula(r[h] ?? '')))], { bom: true, record_delimiter: 'windows' })
}
