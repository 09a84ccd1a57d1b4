import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { CsvImportPage, type ImportActionData } from '#app/components/csv-import-page.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { importUpload } from '#app/utils/csv-upload.server.ts'

// Monthly counts per flow from CSV, matched on flow code and month: a recorded month is replaced, a new one added,
// nothing deleted. Preview first, then all rows in one transaction or none.

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'inventory:write')
	return json({})
}

export async function action({ request }: ActionFunctionArgs) {
	return importUpload(request, 'flow_months')
}

const COLUMNS = [
	{ name: 'flow_code', meaning: 'The data flow (matched with the month)', values: 'a data flow code' },
	{ name: 'month', meaning: 'The calendar month counted', values: 'YYYY-MM, not after the current month' },
	{ name: 'pi_individuals', meaning: 'Individuals provided abroad in the month (personal information)', values: 'whole number' },
	{ name: 'sensitive_pi_individuals', meaning: 'Individuals provided abroad in the month (sensitive)', values: 'whole number' },
]

export default function ImportFlowMonthsRoute() {
	const data = useActionData<typeof action>() as ImportActionData | undefined
	return (
		<CsvImportPage
			title="Monthly counts per flow"
			listPath="/flows/months"
			exportHref="/flows/months/export"
			columns={COLUMNS}
			data={data}
			matchedOn="flow_code and month"
		/>
	)
}

export const meta: MetaFunction = () => [{ title: 'Import monthly counts · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
