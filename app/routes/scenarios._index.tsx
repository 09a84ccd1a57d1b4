import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatInt, humanize } from '#app/utils/format.ts'
import { listScenarios } from '#db/repositories/scenarios.ts'
import { can } from '#models/permissions.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	// Every role that reads scenarios has read-approved; board members have nothing more, so they see approved ones only.
	const user = await requireUser(request, 'scenarios:read-approved')
	const all = can(user.role, 'scenarios:read')
	const scenarios = await listScenarios(getDb(), all ? undefined : ['approved'])
	return json({
		scenarios: scenarios.map(s => ({
			id: s.id,
			name: s.name,
			status: s.status,
			updatedAt: s.updatedAt,
			moves: s.moves.length,
			headcount: s.moves.reduce((n, m) => n + m.headcount, 0),
		})),
	})
}

export default function ScenariosRoute() {
	const { scenarios } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Relocation scenarios</h1>
					<p>Proposed moves of roles out of China: cost, savings and the change in exposure.</p>
				</div>
			</div>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th>Scenario</th>
							<th>Status</th>
							<th className="num">Moves</th>
							<th className="num">People</th>
							<th>Last change</th>
						</tr>
					</thead>
					<tbody>
						{scenarios.length ? (
							scenarios.map(s => (
								<tr key={s.id}>
									<td>{s.name}</td>
									<td>{humanize(s.status)}</td>
									<td className="num">{formatInt(s.moves)}</td>
									<td className="num">{formatInt(s.headcount)}</td>
									<td>{formatDate(s.updatedAt)}</td>
								</tr>
							))
						) : (
							<tr>
								<td colSpan={5} className="empty">
									No scenarios yet.
								</td>
							</tr>
						)}
					</tbody>
				</table>
			</div>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Scenarios · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
