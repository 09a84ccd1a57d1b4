import { writeTransaction } from '#db/sql/transaction.ts'
import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	MaxPartSizeExceededError,
	type MetaFunction,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { audit, auditMany, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatInt, humanize } from '#app/utils/format.ts'
import { csvColumns, readInventoryCsv, requireInventoryTable } from '#app/utils/inventory.server.ts'
import { inventoryEntity, planUpsertByCode, upsertInventoryByCode } from '#db/repositories/inventory.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { CSV_LIMITS, type CsvCellError } from '#models/csv-import.ts'
import { decodeCsvBytes } from '#models/csv.ts'
import { INVENTORY_META } from '#models/inventory-forms.ts'

// Two steps, both multipart: `preview` reads the uploaded file and shows every bad row by line and
// column (or what would change); `commit` posts the same text back, validates it again and writes
// all rows in one transaction, or none.

const MAX_SHOWN = 200

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	return json({ table, columns: csvColumns(table) })
}

type ActionData =
	| { stage: 'errors'; fileName: string; rowCount: number; errors: CsvCellError[]; errorCount: number }
	| { stage: 'preview'; fileName: string; csv: string; rowCount: number; inserts: number; updates: number; unchanged: number; changes: Array<{ code: string; kind: 'new' | 'changed'; fields: string[] }> }
	| { stage: 'done'; fileName: string; inserts: number; updates: number; unchanged: number }

const fail = (fileName: string, errors: CsvCellError[], rowCount: number, status = 400) =>
	json<ActionData>({ stage: 'errors', fileName, rowCount, errors: errors.slice(0, MAX_SHOWN), errorCount: errors.length }, { status })

async function readForm(request: Request) {
	if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data'))
		throw json({ message: 'Send the CSV as a file upload (multipart/form-data).' }, { status: 400 })
	try {
		return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CSV_LIMITS.maxBytes }))
	} catch (error) {
		if (error instanceof MaxPartSizeExceededError)
			throw json({ message: `The file is larger than ${CSV_LIMITS.maxBytes / 1024 / 1024} MB; split it into smaller files.` }, { status: 413 })
		throw json({ message: 'The upload could not be read; choose the file and send it again.' }, { status: 400 })
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	const db = getDb()
	const form = await readForm(request)
	const intent = form.get('intent')
	let text: string
	let fileName: string
	if (intent === 'preview') {
		const file = form.get('file')
		if (!file || typeof file === 'string' || file.size === 0) return fail('', [{ line: 1, column: null, columnNumber: null, message: 'choose a CSV file to import' }], 0)
		fileName = file.name.slice(0, 200)
		const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
		if (!decoded.ok) return fail(fileName, [decoded.error], 0)
		text = decoded.text
	} else if (intent === 'commit') {
		const posted = form.get('csv')
		if (typeof posted !== 'string' || !posted) return fail('', [{ line: 1, column: null, columnNumber: null, message: 'nothing to import; upload the file again' }], 0)
		text = posted
		fileName = String(form.get('fileName') ?? '').slice(0, 200)
	} else {
		throw json({ message: `Unknown action "${String(intent).slice(0, 40)}"; use preview or commit.` }, { status: 400 })
	}

	const read = await readInventoryCsv(db, table, text)
	if (!read.ok) return fail(fileName, read.errors, read.rowCount, read.tooLarge ? 413 : 400)

	if (intent === 'preview') {
		const plan = await planUpsertByCode(db, table, read.records)
		const changes = [
			...plan.inserts.map(r => ({ code: r.code, kind: 'new' as const, fields: [] })),
			...plan.updates.map(u => ({
				code: u.after.code,
				kind: 'changed' as const,
				fields: Object.keys(u.after).filter(k => JSON.stringify((u.before as any)[k]) !== JSON.stringify((u.after as any)[k])),
			})),
		]
		return json<ActionData>({
			stage: 'preview',
			fileName,
			csv: text,
			rowCount: read.rowCount,
			inserts: plan.inserts.length,
			updates: plan.updates.length,
			unchanged: plan.unchanged.length,
			changes: changes.slice(0, MAX_SHOWN),
		})
	}

	const entity = inventoryEntity(table)
	try {
		const result = await writeTransaction(db, async trx => {
			const done = await upsertInventoryByCode(trx, table, read.records)
			await auditMany(trx, request, user, [
				...done.inserts.map(after => ({ action: 'create', entity, entityId: done.insertedIds.get(after.code) ?? null, after })),
				...done.updates.map(u => ({ action: 'update', entity, entityId: u.id, before: u.before, after: u.after })),
			])
			await audit(trx, request, user, {
				action: 'import',
				entity,
				after: { fileName, rows: read.rowCount, inserted: done.inserts.length, updated: done.updates.length, unchanged: done.unchanged.length },
			})
			return done
		})
		return json<ActionData>({ stage: 'done', fileName, inserts: result.inserts.length, updates: result.updates.length, unchanged: result.unchanged.length })
	} catch (error) {
		if (isUniqueViolation(error))
			return fail(fileName, [{ line: 1, column: 'code', columnNumber: null, message: 'another change added one of these codes while you were reviewing; preview the file again' }], read.rowCount, 409)
		throw error
	}
}

export default function ImportRoute() {
	const { table, columns } = useLoaderData<typeof loader>()
	const data = useActionData<typeof action>() as ActionData | undefined
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const meta = INVENTORY_META[table]
	const fieldsByName = new Map(meta.fields.map(f => [f.name, f]))
	return (
		<>
			<p className="no-print small">
				<Link to={meta.listPath}>← {meta.title}</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>Import {meta.title.toLowerCase()} from CSV</h1>
					<p>
						Rows are matched on <code>code</code>: an existing code is updated, a new one is added, nothing is deleted. Every row is checked first; the
						import writes all rows or none.
					</p>
				</div>
			</div>

			{data?.stage === 'done' ? (
				<div className="card notice ok" role="status">
					<h2>Imported {data.fileName}</h2>
					<p>
						{formatInt(data.inserts)} added, {formatInt(data.updates)} updated, {formatInt(data.unchanged)} unchanged. Each change is in the audit log.
					</p>
					<p>
						<Link to={meta.listPath}>See {meta.title.toLowerCase()}</Link>
					</p>
				</div>
			) : null}

			{data?.stage === 'errors' ? (
				<div className="card notice error" role="alert" aria-labelledby="import-errors">
					<h2 id="import-errors">
						{data.errorCount === 1 ? 'One problem' : `${formatInt(data.errorCount)} problems`}
						{data.fileName ? ` in ${data.fileName}` : ''}: nothing was imported
					</h2>
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
					{data.errorCount > data.errors.length ? <p>… and {formatInt(data.errorCount - data.errors.length)} more. Fix these and preview again.</p> : null}
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
						<table className="data compact">
							<thead>
								<tr>
									<th scope="col">Code</th>
									<th scope="col">Change</th>
									<th scope="col">Fields that change</th>
								</tr>
							</thead>
							<tbody>
								{data.changes.map(c => (
									<tr key={c.code}>
										<td>{c.code}</td>
										<td>{c.kind === 'new' ? 'New' : 'Changed'}</td>
										<td>{c.fields.map(humanize).join(', ')}</td>
									</tr>
								))}
							</tbody>
						</table>
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
					<label htmlFor="import-file">CSV file (UTF-8, at most {CSV_LIMITS.maxBytes / 1024 / 1024} MB and {formatInt(CSV_LIMITS.maxRows)} rows)</label>
					<input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
				</div>
				<button type="submit" name="intent" value="preview" disabled={busy}>
					{busy && navigation.formData?.get('intent') === 'preview' ? 'Checking…' : 'Check and preview'}
				</button>
				<p className="small">
					Start from an export: <a href={`/inventory/${table}/export`}>download the current {meta.title.toLowerCase()} as CSV</a>.
				</p>
			</Form>

			<section className="card">
				<h2>Columns</h2>
				<table className="data compact">
					<thead>
						<tr>
							<th scope="col">Column</th>
							<th scope="col">Meaning</th>
							<th scope="col">Values</th>
						</tr>
					</thead>
					<tbody>
						{columns.map(c => {
							const f = fieldsByName.get(c)
							return (
								<tr key={c}>
									<td>
										<code>{c}</code>
									</td>
									<td>
										{f?.label ?? c}
										{f?.optional ? ' (optional)' : ''}
									</td>
									<td className="small">{describeValues(f)}</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</section>
		</>
	)
}

function describeValues(f: (typeof INVENTORY_META)['units']['fields'][number] | undefined) {
	if (!f) return ''
	switch (f.kind) {
		case 'select':
			return (f.options ?? []).join(', ')
		case 'yesno':
			return 'yes or no'
		case 'integer':
			return `whole number${f.optional ? '; empty when unknown' : ''}`
		case 'date':
			return 'YYYY-MM-DD; empty when none'
		case 'technologies':
			return `any of ${(f.options ?? []).join(', ')}, separated by ;`
		case 'unit':
			return 'a business unit code'
		case 'mlps':
			return '1 to 5; empty when not yet graded'
		default:
			return f.help ?? 'text'
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import ${data ? INVENTORY_META[data.table].title.toLowerCase() : ''} · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
