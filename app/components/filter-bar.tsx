import { Form, Link, useSearchParams } from '@remix-run/react'
import { humanize } from '#app/utils/format.ts'

export interface FilterDef {
	name: string
	label: string
	options?: readonly string[] // a select; otherwise a text box
	optionLabel?: (v: string) => string
	type?: 'text' | 'search' | 'date' // for a text box
}

/** GET form: filters live in the URL, so the view can be linked, printed and exported as shown. */
export function FilterBar({ filters, search = true }: { filters: FilterDef[]; search?: boolean }) {
	const [params] = useSearchParams()
	const sort = params.get('sort')
	const size = params.get('size')
	return (
		<Form method="get" className="filters no-print" role="search">
			{sort ? <input type="hidden" name="sort" value={sort} /> : null}
			{size ? <input type="hidden" name="size" value={size} /> : null}
			{search ? (
				<div className="field">
					<label htmlFor="f-q">Search</label>
					<input id="f-q" name="q" type="search" defaultValue={params.get('q') ?? ''} placeholder="Name or code" />
				</div>
			) : null}
			{filters.map(f => (
				<div className="field" key={f.name}>
					<label htmlFor={`f-${f.name}`}>{f.label}</label>
					{f.options ? (
						<select id={`f-${f.name}`} name={f.name} defaultValue={params.get(f.name) ?? ''}>
							<option value="">All</option>
							{f.options.map(o => (
								<option key={o} value={o}>
									{f.optionLabel ? f.optionLabel(o) : humanize(o)}
								</option>
							))}
						</select>
					) : (
						<input id={`f-${f.name}`} name={f.name} type={f.type ?? 'text'} defaultValue={params.get(f.name) ?? ''} />
					)}
				</div>
			))}
			<button type="submit">Apply</button>
			<Link to="?" className="button">
				Clear
			</Link>
		</Form>
	)
}
