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
import { useActionData, useLoaderData } from '@remix-run/react'
import { CsvImportPage, type ImportActionData } from '#app/components/csv-import-page.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { audit, auditMany, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
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

type ActionData = ImportActionData

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
	const meta = INVENTORY_META[table]
	const fieldsByName = new Map(meta.fields.map(f => [f.name, f]))
	return (
		<CsvImportPage
			title={meta.title}
			listPath={meta.listPath}
			exportHref={`/inventory/${table}/export`}
			columns={columns.map(c => {
				const f = fieldsByName.get(c)
				return { name: c, meaning: `${f?.label ?? c}${f?.optional ? ' (optional)' : ''}`, values: describeValues(f) }
			})}
			data={data}
		/>
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
