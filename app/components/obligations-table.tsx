import { Form, Link, useSearchParams } from '@remix-run/react'
import { formatDate } from '#app/utils/format.ts'
import { type RegisterRow } from '#models/obligations/types.ts'
import { isOfficialLawSource, UNOFFICIAL_LABEL } from '#models/law-links.ts'

const STATUS_LABEL = { open: 'Open', done: 'Done', not_applicable: 'Not applicable' } as const
const STATE_LABEL = { met: 'Met (inventory)', scheduled: 'Scheduled', overdue: 'Overdue', undated: 'No date held' } as const

export interface RowErrors {
	key: string
	message: string
	fieldErrors?: Record<string, string[]>
}

/**
 * The register as a table: duty, source (unverified marked), due date, status and owner. Writers get a
 * disclosure per row with the status form; sorting is by links that keep the filters (the URL is the state).
 */
export function ObligationsTable({
	rows,
	canWrite,
	errors,
	showUnit = true,
}: {
	rows: RegisterRow[]
	canWrite: boolean
	errors?: RowErrors | null
	showUnit?: boolean
}) {
	return (
		<div className="table-wrap">
			<table className="obligations">
				<caption className="sr-only">Obligations</caption>
				<thead>
					<tr>
						{showUnit ? <SortHeader sort="unit">Unit</SortHeader> : null}
						<th scope="col">Duty</th>
						<SortHeader sort="law">Source</SortHeader>
						<SortHeader sort="due">Due</SortHeader>
						<SortHeader sort="status">Status</SortHeader>
					</tr>
				</thead>
				<tbody>
					{rows.length ? (
						rows.map(r => (
							<tr key={r.key} className={r.overdue ? 'row-overdue' : undefined}>
								{showUnit ? (
									<td>
										<Link to={`/units/${r.unitId}`}>{r.unitCode}</Link>
										<div className="muted small">{r.unitName}</div>
									</td>
								) : null}
								<td>
									{r.duty}
									<div className="muted small">{r.trigger}</div>
									{r.note ? <div className="help">{r.note}</div> : null}
								</td>
								<td>
									<span className="law-tag">{r.law}</span> {r.article}
									<div className="muted small">
										<a href={safeHref(r.source.url)} rel="noreferrer">
											{r.source.instrument}
										</a>{' '}
										(as of {r.source.asOf}
										{safeHref(r.source.url) && !isOfficialLawSource(r.source.url) ? `; ${UNOFFICIAL_LABEL}` : ''})
									</div>
									{r.source.verified ? null : <div className="warn-text small">⚠ not verified against the primary text</div>}
									{r.certainty === 'practice' ? <div className="warn-text small">market practice, not law</div> : null}
								</td>
								<td className="due">
									{r.dueOn ? formatDate(r.dueOn) : <span className="muted">No date held</span>}
									{r.windowOpensOn ? <div className="muted small">window opens {formatDate(r.windowOpensOn)}</div> : null}
									{r.dueOn ? (
										<div className={`small ${r.overdue ? 'status-gap' : 'muted'}`}>
											{r.overdue ? `Overdue by ${-(r.daysUntilDue ?? 0)} days` : STATE_LABEL[r.state]}
										</div>
									) : null}
								</td>
								<td>
									<span className={`status status-${r.status}`}>{STATUS_LABEL[r.status]}</span>
									<div className="small">Owner: {r.owner ?? <span className="muted">unassigned</span>}</div>
									{r.status === 'done' ? (
										<div className="muted small">
											{r.evidenceRef} · {formatDate(r.evidenceOn)}
										</div>
									) : null}
									{r.status === 'not_applicable' ? <div className="muted small">{r.reason}</div> : null}
									{canWrite ? <StatusForm row={r} errors={errors?.key === r.key ? errors : null} /> : null}
								</td>
							</tr>
						))
					) : (
						<tr>
							<td colSpan={showUnit ? 5 : 4} className="empty">
								No duty matches these filters.
							</td>
						</tr>
					)}
				</tbody>
			</table>
		</div>
	)
}

const safeHref = (url: string) => (/^https?:\/\//.test(url) ? url : undefined)

function SortHeader({ sort, children }: { sort: string; children: string }) {
	const [params] = useSearchParams()
	const [current, dir] = (params.get('sort') ?? 'due').split('.')
	const active = current === sort
	const next = new URLSearchParams(params)
	next.set('sort', `${sort}.${active && dir !== 'desc' ? 'desc' : 'asc'}`)
	next.delete('page')
	return (
		<th scope="col" aria-sort={active ? (dir === 'desc' ? 'descending' : 'ascending') : 'none'}>
			<Link to={`?${next}`}>{children}</Link>
		</th>
	)
}

function StatusForm({ row, errors }: { row: RegisterRow; errors: RowErrors | null }) {
	const id = row.key.replace(/[^a-zA-Z0-9_-]/g, '-')
	const fe = errors?.fieldErrors ?? {}
	const field = (name: string) => ({
		id: `${id}-${name}`,
		name,
		'aria-invalid': fe[name] ? true : undefined,
		'aria-errormessage': fe[name] ? `${id}-${name}-error` : undefined,
	})
	const err = (name: string) =>
		fe[name] ? (
			<div id={`${id}-${name}-error`} className="field-error">
				{fe[name].join(' ')}
			</div>
		) : null
	return (
		<details className="status-edit" open={errors ? true : undefined}>
			<summary>Change status</summary>
			<Form method="post" preventScrollReset>
				<input type="hidden" name="intent" value="status" />
				<input type="hidden" name="dutyKey" value={row.key} />
				<input type="hidden" name="unitId" value={row.unitId} />
				<input type="hidden" name="expectedVersion" value={row.version} />
				{errors ? (
					<p className="field-error" role="alert">
						{errors.message}
					</p>
				) : null}
				<div className="field">
					<label htmlFor={`${id}-status`}>Status</label>
					<select {...field('status')} defaultValue={row.status}>
						<option value="open">Open</option>
						<option value="done">Done</option>
						<option value="not_applicable">Not applicable</option>
					</select>
				</div>
				<div className="field">
					<label htmlFor={`${id}-owner`}>Owner</label>
					<input {...field('owner')} defaultValue={row.owner ?? ''} maxLength={200} />
					{err('owner')}
				</div>
				<div className="field">
					<label htmlFor={`${id}-evidenceRef`}>Evidence reference (for done)</label>
					<input {...field('evidenceRef')} defaultValue={row.evidenceRef ?? ''} maxLength={500} />
					{err('evidenceRef')}
				</div>
				<div className="field">
					<label htmlFor={`${id}-evidenceOn`}>Done on</label>
					<input {...field('evidenceOn')} type="date" defaultValue={row.evidenceOn ?? ''} />
					{err('evidenceOn')}
				</div>
				<div className="field">
					<label htmlFor={`${id}-reason`}>Reason (for not applicable)</label>
					<input {...field('reason')} defaultValue={row.reason ?? ''} maxLength={2000} />
					{err('reason')}
				</div>
				<button type="submit">Save status</button>
			</Form>
		</details>
	)
}
