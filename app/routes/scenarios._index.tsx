import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatInt, humanize } from '#app/utils/format.ts'
import { BOARD_VISIBLE } from '#app/utils/scenario.server.ts'
import { listScenarios } from '#db/repositories/scenarios.ts'
import { can } from '#models/permissions.ts'
import { TableScroll } from '#app/components/table-scroll.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
	// Every role that reads scenarios has read-approved; board members have nothing more, so they see the decided ones only.
	const user = await requireUser(request, 'scenarios:read-approved')
	const all = can(user.role, 'scenarios:read')
	const scenarios = await listScenarios(getDb(), all ? undefined : BOARD_VISIBLE)
	return json({
		canWrite: can(user.role, 'scenarios:write'),
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
	const { scenarios, canWrite } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-head">
				<div>
					<h1>Relocation scenarios</h1>
					<p>
						Proposed moves of roles out of China: cost, severance, savings, NPV and the change in exposure. Tick two to four to compare
						them.
					</p>
				</div>
				{canWrite ? (
					<div className="page-actions no-print">
						<Link className="button primary" to="/scenarios/new">
							New scenario
						</Link>
					</div>
				) : null}
			</div>
			<Form method="get" action="/scenarios/compare">
				<TableScroll label="Scenarios">
					<table>
						<caption className="sr-only">Scenarios</caption>
						<thead>
							<tr>
								<th scope="col">
									<span className="sr-only">Compare</span>
								</th>
								<th scope="col">Scenario</th>
								<th scope="col">Status</th>
								<th scope="col" className="num">
									Moves
								</th>
								<th scope="col" className="num">
									People
								</th>
								<th scope="col">Last change</th>
							</tr>
						</thead>
						<tbody>
							{scenarios.length ? (
								scenarios.map(s => (
									<tr key={s.id}>
										<td>
											<input type="checkbox" name="id" value={s.id} aria-label={`Compare ${s.name}`} />
										</td>
										<td>
											<Link to={`/scenarios/${s.id}`}>{s.name}</Link>
										</td>
										<td>
											<span className={`status status-${s.status}`}>{humanize(s.status)}</span>
										</td>
										<td className="num">{formatInt(s.moves)}</td>
										<td className="num">{formatInt(s.headcount)}</td>
										<td>{formatDate(s.updatedAt)}</td>
									</tr>
								))
							) : (
								<tr>
									<td colSpan={6} className="empty">
										No scenarios yet.
									</td>
								</tr>
							)}
						</tbody>
					</table>
				</TableScroll>
				{scenarios.length > 1 ? (
					<p className="no-print">
						<button type="submit">Compare the ticked scenarios</button>
					</p>
				) : null}
			</Form>
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Scenarios · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
