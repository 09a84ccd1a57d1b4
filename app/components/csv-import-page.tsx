import { Form, Link, useNavigation } from '@remix-run/react'
import { formatInt, humanize } from '#app/utils/format.ts'
import { CSV_LIMITS, type CsvCellError } from '#models/csv-import.ts'
import { type FieldChange } from '#models/import-diff.ts'
import { TableScroll } from './table-scroll.tsx'

export type ImportActionData =
	| { stage: 'errors'; fileName: string; rowCount: number; errors: CsvCellError[]; errorCount: number }
	| {
			stage: 'preview'
			fileName: string
			csv: string
			rowCount: number
			inserts: number
			updates: number
			unchanged: number
			changes: Array<{ code: string; kind: 'new' | 'changed'; fields: FieldChange[] }>
	  }
	| { stage: 'done'; fileName: string; inserts: number; updates: number; unchanged: number }

export interface CsvColumnHelp {
	name: string
	meaning: string
	values: string
}

/** The CSV import page: upload, every problem by line and column, a preview of what changes, commit. */
export function CsvImportPage({
	title,
	listPath,
	exportHref,
	columns,
	data,
	matchedOn = 'code',
}: {
	title: string
	listPath: string
	exportHref: string
	columns: CsvColumnHelp[]
	data: ImportActionData | undefined
	/** The columns rows are matched on, as the page says it. */
	matchedOn?: string
}) {
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	return (
		<>
			<p className="no-print small">
				<Link to={listPath}>← {title}</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>Import {title.toLowerCase()} from CSV</h1>
					<p>
						Rows are matched on <code>{matchedOn}</code>: an existing row is updated, a new one is added, nothing is deleted. Every row is
						checked first; the import writes all rows or none.
					</p>
				</div>
			</div>

			{data?.stage === 'done' ? (
				<div className="card notice ok" role="status">
					<h2>Imported {data.fileName}</h2>
					<p>
						{formatInt(data.inserts)} added, {formatInt(data.updates)} updated, {formatInt(data.unchanged)} unchanged. Each change is in the
						audit log.
					</p>
					<p>
						<Link to={listPath}>See {title.toLowerCase()}</Link>
					</p>
				</div>
			) : null}

			{data?.stage === 'errors' ? (
				<div className="card notice error" role="alert" aria-labelledby="import-errors">
					<h2 id="import-errors">
						{data.errorCount === 1 ? 'One problem' : `${formatInt(data.errorCount)} problems`}
						{data.fileName ? ` in ${data.fileName}` : ''}: nothing was imported
					</h2>
					<TableScroll label="Problems in the file">
						<table className="data compact">
							<thead>
								<tr>
									<th scope="col" className="num">
										Line
									</th>
									<th scope="col">Column</th>
									<th scope="col">Problem</th>
								</tr>
							</thead>
							<tbody>
								{data.errors.map((e, i) => (
									<tr key={i}>
										<td className="num">{e.line}</td>
										<td>{e.column ? `${e.columnNumber ?? '?'} · ${e.column}` : '(whole row)'}</td>
										<td>{e.message}</td>
									</tr>
								))}
							</tbody>
						</table>
					</TableScroll>
					{data.errorCount > data.errors.length ? (
						<p>… and {formatInt(data.errorCount - data.errors.length)} more. Fix these and preview again.</p>
					) : null}
				</div>
			) : null}

			{data?.stage === 'preview' ? (
				<div className="card" aria-labelledby="import-preview">
					<h2 id="import-preview">
						{data.fileName}: {formatInt(data.rowCount)} rows, all valid
					</h2>
					<p>
						{formatInt(data.inserts)} new, {formatInt(data.updates)} changed, {formatInt(data.unchanged)} unchanged.
					</p>
					{data.changes.length ? (
						<TableScroll label="Changes the import would make">
							<table className="data compact">
								<thead>
									<tr>
										<th scope="col">Code</th>
										<th scope="col">Change</th>
										<th scope="col">What changes (old → new)</th>
									</tr>
								</thead>
								<tbody>
									{data.changes.map(c => (
										<tr key={c.code}>
											<td>{c.code}</td>
											<td>{c.kind === 'new' ? 'New' : 'Changed'}</td>
											<td>
												{c.fields.length ? (
													<ul className="changes">
														{c.fields.map(f => (
															<li key={f.field}>
																{humanize(f.field)}: <del>{f.from || '(empty)'}</del> → <ins>{f.to || '(empty)'}</ins>
															</li>
														))}
													</ul>
												) : null}
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</TableScroll>
					) : null}
					<Form method="post" encType="multipart/form-data" className="actions">
						<input type="hidden" name="fileName" value={data.fileName} />
						<textarea name="csv" defaultValue={data.csv} hidden readOnly />
						<button type="submit" name="intent" value="commit" className="primary" disabled={busy || data.inserts + data.updates === 0}>
							{busy ? 'Importing…' : `Import ${formatInt(data.inserts + data.updates)} changes`}
						</button>
						<Link to=".">Cancel</Link>
					</Form>
				</div>
			) : null}

			<Form method="post" encType="multipart/form-data" className="card">
				<h2>Choose a file</h2>
				<div className="field">
					<label htmlFor="import-file">
						CSV file (UTF-8, at most {CSV_LIMITS.maxBytes / 1024 / 1024} MB and {formatInt(CSV_LIMITS.maxRows)} rows)
					</label>
					<input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
				</div>
				<button type="submit" name="intent" value="preview" disabled={busy}>
					{busy && navigation.formData?.get('intent') === 'preview' ? 'Checking…' : 'Check and preview'}
				</button>
				<p className="small">
					Start from an export: <a href={exportHref}>download the current {title.toLowerCase()} as CSV</a>.
				</p>
			</Form>

			<section className="card">
				<h2>Columns</h2>
				<TableScroll label="Columns of the file">
					<table className="data compact">
						<thead>
							<tr>
								<th scope="col">Column</th>
								<th scope="col">Meaning</th>
								<th scope="col">Values</th>
							</tr>
						</thead>
						<tbody>
							{columns.map(c => (
								<tr key={c.name}>
									<td>
										<code>{c.name}</code>
									</td>
									<td>{c.meaning}</td>
									<td className="small">{c.values}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			</section>
		</>
	)
}
