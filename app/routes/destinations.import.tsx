import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	MaxPartSizeExceededError,
	type MetaFunction,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
} from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { CsvImportPage, type ImportActionData } from '#app/components/csv-import-page.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { audit, auditMany, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { findDestinationByCity, insertDestination, listDestinations, replaceDestinationCosts, updateDestination } from '#db/repositories/destinations.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { CSV_LIMITS, type CsvCellError, validateCsv } from '#models/csv-import.ts'
import { decodeCsvBytes, parseCsvText } from '#models/csv.ts'
import { DESTINATION_CSV_COLUMNS, destinationFieldsSchema, destinationFromFields } from '#models/destination-csv.ts'
import { type Destination } from '#models/domain.ts'

// Destinations from CSV, matched on city: a known city is updated (its costs replaced), a new one added,
// nothing deleted. Preview first, then all rows in one transaction or none (as for the inventory tables).

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	return json({})
}

const fail = (fileName: string, errors: CsvCellError[], rowCount: number, status = 400) =>
	json<ImportActionData>({ stage: 'errors', fileName, rowCount, errors: errors.slice(0, 200), errorCount: errors.length }, { status })

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) throw json({ message: 'Send the CSV as a file upload (multipart/form-data).' }, { status: 400 })
	let form: FormData
	try {
		form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CSV_LIMITS.maxBytes }))
	} catch (error) {
		if (error instanceof MaxPartSizeExceededError) throw json({ message: `The file is larger than ${CSV_LIMITS.maxBytes / 1024 / 1024} MB.` }, { status: 413 })
		throw json({ message: 'The upload could not be read; choose the file and send it again.' }, { status: 400 })
	}
	const intent = form.get('intent')
	let text: string
	let fileName = String(form.get('fileName') ?? '').slice(0, 200)
	if (intent === 'preview') {
		const file = form.get('file')
		if (!file || typeof file === 'string' || file.size === 0) return fail('', [{ line: 1, column: null, columnNumber: null, message: 'choose a CSV file to import' }], 0)
		fileName = file.name.slice(0, 200)
		const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
		if (!decoded.ok) return fail(fileName, [decoded.error], 0)
		text = decoded.text
	} else if (intent === 'commit' && typeof form.get('csv') === 'string') text = form.get('csv') as string
	else throw json({ message: 'Unknown action; use preview or commit.' }, { status: 400 })

	const parsed = parseCsvText(text, CSV_LIMITS.maxRows)
	if (!parsed.ok) return fail(fileName, [parsed.error], 0, parsed.tooLarge ? 413 : 400)
	const { rows, errors } = validateCsv(parsed.header, parsed.records, destinationFieldsSchema, undefined, 'city')
	if (errors.length) return fail(fileName, errors, parsed.records.length)
	if (!rows.length) return fail(fileName, [{ line: 2, column: null, columnNumber: null, message: 'the file has a header but no rows' }], 0)
	const records = rows.map(r => destinationFromFields(r.value as Record<string, unknown>))

	const db = getDb()
	const existing = new Map((await listDestinations(db)).map(d => [d.city.toLowerCase(), d]))
	// Field by field in a fixed order, costs sorted by function: the database and the file list them differently.
	const norm = (d: Omit<Destination, 'id'>) => ({
		city: d.city,
		country: d.country,
		isMainlandChina: d.isMainlandChina,
		hiringLeadTimeMonths: d.hiringLeadTimeMonths,
		privacyLaw: d.privacyLaw,
		privacyCrossBorder: d.privacyCrossBorder,
		source: d.source,
		asOf: d.asOf,
		costs: [...d.costs].sort((a, b) => a.function.localeCompare(b.function)).map(c => ({ function: c.function, annualCostUsd: c.annualCostUsd, evidence: c.evidence })),
	})
	const comparable = (d: Omit<Destination, 'id'>) => JSON.stringify(norm(d))
	const plan = records.map(r => {
		const before = existing.get(r.city.toLowerCase())
		if (!before) return { kind: 'new' as const, r, before: null, fields: [] as string[] }
		const a = norm(before)
		const b = norm(r)
		const fields = (Object.keys(b) as Array<keyof typeof b>).filter(k => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
		return { kind: fields.length ? ('changed' as const) : ('same' as const), r, before, fields }
	})
	const counts = { inserts: plan.filter(p => p.kind === 'new').length, updates: plan.filter(p => p.kind === 'changed').length, unchanged: plan.filter(p => p.kind === 'same').length }
	if (intent === 'preview')
		return json<ImportActionData>({
			stage: 'preview',
			fileName,
			csv: text,
			rowCount: records.length,
			...counts,
			changes: plan.filter(p => p.kind !== 'same').map(p => ({ code: p.r.city, kind: p.kind === 'new' ? 'new' : 'changed', fields: p.fields })),
		})

	await writeTransaction(db, async trx => {
		const entries = []
		for (const p of plan) {
			if (p.kind === 'same') continue
			if (p.kind === 'new') {
				if (await findDestinationByCity(trx, p.r.city)) throw json({ message: `${p.r.city} was added by someone else meanwhile; preview the file again.` }, { status: 409 })
				const id = await insertDestination(trx, p.r)
				entries.push({ action: 'create', entity: 'destination', entityId: id, after: p.r })
			} else {
				await updateDestination(trx, p.before!.id, p.r)
				await replaceDestinationCosts(trx, p.before!.id, p.r.costs)
				entries.push({ action: 'update', entity: 'destination', entityId: p.before!.id, before: p.before, after: p.r })
			}
		}
		await auditMany(trx, request, user, entries)
		await audit(trx, request, user, { action: 'import', entity: 'destination', after: { fileName, rows: records.length, inserted: counts.inserts, updated: counts.updates, unchanged: counts.unchanged } })
	})
	return json<ImportActionData>({ stage: 'done', fileName, ...counts })
}

const COLUMN_HELP: Record<string, [string, string]> = {
	city: ['City (matched on import)', 'text'],
	country: ['Country', 'two-letter ISO code, e.g. MY'],
	in_mainland_china: ['In mainland China', 'yes or no'],
	hiring_lead_time_months: ['Hiring lead time', 'whole months, 0 to 36'],
	privacy_law: ['Privacy law', 'text'],
	privacy_cross_border: ['Its cross-border rules', 'text'],
	source: ['Source of the figures', 'text'],
	as_of: ['As of', 'e.g. 2026-01'],
}

export default function ImportDestinationsRoute() {
	const data = useActionData<typeof action>() as ImportActionData | undefined
	const columns = DESTINATION_CSV_COLUMNS.map(c => {
		const help = COLUMN_HELP[c]
		if (help) return { name: c, meaning: help[0], values: help[1] }
		const fn = c.replace(/^cost_|^evidence_|_usd$/g, '').replace(/_/g, ' ')
		return c.startsWith('cost_')
			? { name: c, meaning: `Cost per head, ${fn} (optional)`, values: 'whole USD a year; empty when unknown' }
			: { name: c, meaning: `Evidence for the ${fn} cost`, values: 'sourced or estimate (empty: estimate)' }
	})
	return <CsvImportPage title="Destinations" listPath="/destinations" exportHref="/destinations/export" columns={columns} data={data} />
}

export const meta: MetaFunction = () => [{ title: 'Import destinations · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
