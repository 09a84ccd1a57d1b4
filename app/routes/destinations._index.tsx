import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { createColumnHelper } from '@tanstack/react-table'
import { DataTable } from '#app/components/data-table.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar } from '#app/components/filter-bar.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatUsd } from '#app/utils/format.ts'
import { destinationView } from '#app/utils/destinations.server.ts'
import { type Destination, type StaffFunction } from '#models/domain.ts'
import { DESTINATION_LIST_SPEC } from '#models/inventory-specs.ts'
import { can } from '#models/permissions.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'inventory:read')
	const { rows, total, query } = await destinationView(getDb(), request)
	return json({ rows, total, query, canWrite: can(user.role, 'inventory:write') })
}

const costOf = (d: Destination, fn: StaffFunction) => d.costs.find(c => c.function === fn)

function CostCell({ d, fn }: { d: Destination; fn: StaffFunction }) {
	const cost = costOf(d, fn)
	if (!cost) return <span className="muted">—</span>
	return (
		<>
			{formatUsd(cost.annualCostUsd)}{' '}
			<span
				className={`evidence evidence-${cost.evidence}`}
				title={cost.evidence === 'sourced' ? 'From a cited source' : 'An estimate: check before relying on it'}
			>
				{cost.evidence === 'sourced' ? 'sourced' : 'estimate'}
			</span>
		</>
	)
}

/** Long legal summaries: three lines in the table, the whole text on hover and to screen readers. */
function Clamped({ text }: { text: string }) {
	return (
		<span className="clamp-3" title={text}>
			{text}
		</span>
	)
}

function SourceLink({ source, asOf }: { source: string; asOf: string }) {
	const url = /^https?:\/\/\S+/.exec(source)?.[0]
	let host = ''
	try {
		host = url ? new URL(url).hostname.replace(/^www\./, '') : ''
	} catch {
		host = ''
	}
	return (
		<span className="small">
			{url ? (
				<a href={url} rel="noreferrer noopener" target="_blank" title={source}>
					{host}
				</a>
			) : (
				source
			)}
			<br />
			as of {formatDate(asOf)}
		</span>
	)
}

const col = createColumnHelper<Destination>()
const columns = [
	col.accessor('city', { id: 'city', header: 'City', enableHiding: false }),
	col.accessor('country', {
		id: 'country',
		header: 'Country',
		cell: i => `${i.getValue()}${i.row.original.isMainlandChina ? ' (mainland China)' : ''}`,
	}),
	col.accessor('privacyLaw', { header: 'Privacy law', enableSorting: false, cell: i => <Clamped text={i.getValue()} /> }),
	col.accessor('privacyCrossBorder', {
		header: 'Its cross-border rules',
		enableSorting: false,
		cell: i => <Clamped text={i.getValue()} />,
	}),
	col.accessor('hiringLeadTimeMonths', {
		id: 'hiringLeadTimeMonths',
		header: 'Hiring lead time',
		meta: { numeric: true },
		cell: i => `${i.getValue()} months`,
	}),
	col.accessor(d => costOf(d, 'back_office')?.annualCostUsd ?? null, {
		id: 'back_office',
		header: 'Back office, per head/yr',
		meta: { numeric: true },
		cell: i => <CostCell d={i.row.original} fn="back_office" />,
	}),
	col.accessor(d => costOf(d, 'rnd')?.annualCostUsd ?? null, {
		id: 'rnd',
		header: 'R&D, per head/yr',
		meta: { numeric: true },
		cell: i => <CostCell d={i.row.original} fn="rnd" />,
	}),
	col.accessor(d => costOf(d, 'it')?.annualCostUsd ?? null, {
		id: 'it',
		header: 'IT, per head/yr',
		meta: { numeric: true },
		cell: i => <CostCell d={i.row.original} fn="it" />,
	}),
	col.accessor('source', {
		header: 'Source',
		enableSorting: false,
		cell: i => <SourceLink source={i.getValue()} asOf={i.row.original.asOf} />,
	}),
]

const WRITER_COLUMNS = [
	...columns,
	col.display({
		id: 'edit',
		header: () => <span className="sr-only">Actions</span>,
		cell: i => (
			<Link to={`/destinations/${i.row.original.id}`} aria-label={`Edit ${i.row.original.city}`}>
				Edit
			</Link>
		),
	}),
]

function DestinationActions({ canWrite }: { canWrite: boolean }) {
	const [params] = useSearchParams()
	const view = new URLSearchParams(params)
	view.delete('page')
	view.delete('size')
	return (
		<div className="page-actions no-print">
			<a className="button" href={`/destinations/export${view.size ? `?${view}` : ''}`} download>
				Export CSV
			</a>
			{canWrite ? (
				<>
					<Link className="button" to="/destinations/import">
						Import CSV
					</Link>
					<Link className="button primary" to="/destinations/new">
						New destination
					</Link>
				</>
			) : null}
		</div>
	)
}

export default function DestinationsRoute() {
	const { rows, total, query, canWrite } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Destinations</h1>
					<p>
						Where roles could move: fully loaded cost per head (USD a year), hiring lead time and the privacy regime the data would meet.
						Each cost says whether it is sourced or an estimate.
					</p>
				</div>
				<DestinationActions canWrite={canWrite} />
			</div>
			<FilterBar
				filters={[
					{ name: 'country', label: 'Country (ISO code)' },
					{ name: 'mainland', label: 'In mainland China', options: DESTINATION_LIST_SPEC.filters.mainland },
				]}
			/>
			<DataTable
				caption="Relocation destinations"
				columns={canWrite ? WRITER_COLUMNS : columns}
				data={rows as Destination[]}
				total={total}
				query={query}
				getRowId={r => String(r.id)}
				emptyMessage="No destinations match these filters."
			/>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Destinations · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
