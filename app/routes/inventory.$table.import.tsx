import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CsvImportPage, type ImportActionData } from '#app/components/csv-import-page.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { importColumns, importCsv } from '#app/services/csv-import.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { answerImport, readCsvUpload } from '#app/utils/csv-upload.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requireInventoryTable } from '#app/utils/inventory.server.ts'
import { serviceContext } from '#app/utils/request.server.ts'
import { INVENTORY_META } from '#models/inventory-forms.ts'

// Two steps, both multipart: `preview` reads the uploaded file and shows every bad row by line and
// column (or what would change); `commit` posts the same text back, validates it again and writes
// all rows in one transaction, or none (app/services/csv-import.server.ts).

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	return json({ table, columns: importColumns(table) })
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	const table = requireInventoryTable(params.table)
	const upload = await readCsvUpload(request)
	return answerImport(await importCsv(getDb(), user, serviceContext(request), { target: table, ...upload }), upload.fileName)
}

export default function ImportRoute() {
	const { table, columns } = useLoaderData<typeof loader>()
	const data = useActionData<typeof action>() as ImportActionData | undefined
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
			return `${(f.options ?? []).join(', ')}${f.optional ? (f.empty === 'none' ? '; empty for none' : '; empty when not determined') : ''}`
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `Import ${data ? INVENTORY_META[data.table].title.toLowerCase() : ''} · China Exposure` },
]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
