import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { CsvImportPage, type ImportActionData } from '#app/components/csv-import-page.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { importUpload } from '#app/utils/csv-upload.server.ts'
import { DESTINATION_CSV_COLUMNS } from '#models/destination-csv.ts'

// Destinations from CSV, matched on city: a known city is updated (its costs replaced), a new one added,
// nothing deleted. Preview first, then all rows in one transaction or none: the same import service as the
// inventory tables.

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	return json({})
}

export async function action({ request }: ActionFunctionArgs) {
	return importUpload(request, 'destinations')
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
