import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar } from '#app/components/filter-bar.tsx'
import { ObligationsTable, type RowErrors } from '#app/components/obligations-table.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatInt } from '#app/utils/format.ts'
import { handleStatusForm } from '#app/utils/obligations-form.server.ts'
import { loadRegister } from '#app/utils/obligations.server.ts'
import { parseRegisterQuery, queryRegister } from '#models/obligations/register.ts'
import { can } from '#models/permissions.ts'

const PAGE_SIZE = 50

// GET /obligations?unit=&law=&owner=&status=&within=&overdue=1&sort=due.asc&page=: every duty of every unit,
// with its date, source and status; POST changes one duty's status (analysts and admins).
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'overview:read')
	const params = new URL(request.url).searchParams
	const query = parseRegisterQuery(params)
	if (!query.ok) throw json({ message: Object.values(query.errors).flat().join(' ') }, { status: 400 })
	const { asOf, rows, units } = await loadRegister(getDb())
	const picked = queryRegister(rows, query.value)
	const pages = Math.max(1, Math.ceil(picked.length / PAGE_SIZE))
	const page = Math.min(pages, Math.max(1, Number(params.get('page')) || 1))
	return json({
		asOf,
		rows: picked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
		total: picked.length,
		all: rows.length,
		overdue: rows.filter(r => r.overdue).length,
		unverified: picked.filter(r => !r.source.verified).length,
		page,
		pages,
		unitCodes: units.map(u => u.unit.code).sort(),
		canWrite: can(user.role, 'inventory:write'),
	})
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, 'inventory:write')
	return handleStatusForm(request, user)
}

const LAWS = ['CSL', 'MLPS', 'PIPL', 'NDSMR', 'CAC-2024', 'Crypto', 'Incidents', 'Tech-export'] as const

export default function ObligationsRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const errors = actionData && 'message' in actionData && actionData.message ? (actionData as RowErrors) : null
	const csv = new URLSearchParams(params)
	csv.delete('page')
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Obligations register</h1>
					<p>
						Every duty the law attaches to each unit, as of {formatDate(data.asOf)}: {formatInt(data.all)} duties, {formatInt(data.overdue)}{' '}
						overdue.
					</p>
				</div>
				<div className="page-actions">
					<a className="button" href={`/obligations.csv?${csv}`} download>
						Download CSV
					</a>
					<Link className="button" to="/obligations/calendar">
						Calendar feed
					</Link>
				</div>
			</div>
			<FilterBar
				search={false}
				filters={[
					{ name: 'unit', label: 'Unit', options: data.unitCodes, optionLabel: v => v },
					{ name: 'law', label: 'Law', options: LAWS, optionLabel: v => v },
					{ name: 'status', label: 'Status', options: ['open', 'done', 'not_applicable'] },
					{ name: 'owner', label: 'Owner (- for unassigned)' },
					{ name: 'within', label: 'Due within (days)', type: 'search' },
					{ name: 'overdue', label: 'Overdue only', options: ['1'], optionLabel: () => 'Yes' },
				]}
			/>
			{actionData && 'saved' in actionData && actionData.saved ? (
				<p className="notice ok" role="status">
					Status saved.
				</p>
			) : null}
			{data.unverified ? (
				<p className="notice warn">
					{formatInt(data.unverified)} of these duties rest on a source not verified against the primary text: they are marked ⚠.
				</p>
			) : null}
			<ObligationsTable rows={data.rows} canWrite={data.canWrite} errors={errors} />
			<nav className="pager" aria-label="Register pages">
				<span className="muted">
					{formatInt(data.total)} duties{data.pages > 1 ? ` · page ${data.page} of ${data.pages}` : ''}
				</span>
				{data.pages > 1 ? (
					<span>
						{data.page > 1 ? <PageLink page={data.page - 1}>← Previous</PageLink> : null}{' '}
						{data.page < data.pages ? <PageLink page={data.page + 1}>Next →</PageLink> : null}
					</span>
				) : null}
			</nav>
		</>
	)
}

function PageLink({ page, children }: { page: number; children: string }) {
	const [current] = useSearchParams()
	const params = new URLSearchParams(current)
	params.set('page', String(page))
	return <Link to={`?${params}`}>{children}</Link>
}

export const meta: MetaFunction = () => [{ title: 'Obligations · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
