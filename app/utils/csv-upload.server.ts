// The HTTP side of every CSV import: reading the multipart upload into the import service's input, and answering
// its result in the shape the import page shows (app/components/csv-import-page.tsx).
import { json, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'
import { type ImportActionData } from '#app/components/csv-import-page.tsx'
import { importCsv, type ImportInput, type ImportOutcome, type ImportTargetName } from '#app/services/csv-import.server.ts'
import { type ServiceResult, statusOf } from '#app/services/service.ts'
import { CSV_LIMITS } from '#models/csv-import.ts'
import { requireUser } from './auth.server.ts'
import { getDb } from './db.server.ts'
import { serviceContext } from './request.server.ts'

const MAX_ERRORS_SHOWN = 200

/** The upload as the import service's input: the file to preview, or the text a preview posted back to commit. */
export async function readCsvUpload(request: Request): Promise<Omit<ImportInput, 'target'>> {
	if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data'))
		throw json({ message: 'Send the CSV as a file upload (multipart/form-data).' }, { status: 400 })
	let form: FormData
	try {
		form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CSV_LIMITS.maxBytes }))
	} catch (error) {
		if (error instanceof MaxPartSizeExceededError)
			throw json(
				{ message: `The file is larger than ${CSV_LIMITS.maxBytes / 1024 / 1024} MB; split it into smaller files.` },
				{ status: 413 },
			)
		throw json({ message: 'The upload could not be read; choose the file and send it again.' }, { status: 400 })
	}
	const intent = form.get('intent')
	if (intent === 'preview') {
		const file = form.get('file')
		if (!file || typeof file === 'string') return { intent, fileName: '', source: { bytes: new Uint8Array() } }
		return { intent, fileName: file.name.slice(0, 200), source: { bytes: new Uint8Array(await file.arrayBuffer()) } }
	}
	if (intent === 'commit') {
		const csv = form.get('csv')
		return { intent, fileName: String(form.get('fileName') ?? '').slice(0, 200), source: { text: typeof csv === 'string' ? csv : '' } }
	}
	throw json({ message: `Unknown action "${String(intent).slice(0, 40)}"; use preview or commit.` }, { status: 400 })
}

/** The import page's data: the preview or the outcome, or every problem by line and column with the failure's status. */
export function answerImport(result: ServiceResult<ImportOutcome>, fileName: string) {
	if (result.ok) return json<ImportActionData>(result.value)
	const errors = result.cellErrors ?? [{ line: 1, column: null, columnNumber: null, message: result.message }]
	return json<ImportActionData>(
		{ stage: 'errors', fileName, rowCount: 0, errors: errors.slice(0, MAX_ERRORS_SHOWN), errorCount: errors.length },
		{ status: statusOf(result.code) },
	)
}

/** An import page's action: a writer's upload previewed or committed into `target`, answered for the page. */
export async function importUpload(request: Request, target: ImportTargetName | ((request: Request) => ImportTargetName)) {
	const user = await requireUser(request, 'inventory:write')
	const into = typeof target === 'function' ? target(request) : target
	const upload = await readCsvUpload(request)
	return answerImport(await importCsv(getDb(), user, serviceContext(request), { target: into, ...upload }), upload.fileName)
}
