import { Form, Link, useSearchParams } from '@remix-run/react'
import { humanize } from '#app/utils/format.ts'

export interface FilterDef {
	name: string
	label: string
	options?: readonly string[] // a select; otherwise a text box
	optionLabel?: (v: string) => string
	type?: 'text' | 'search' | 'date' // for a text box
}

/**
 * GET form: filters live in the URL, so the view can be linked, printed and exported as shown. The sort, the page
 * size and the parameters named in `keep` (the page's own, outside the table) are carried over.
 */
export function FilterBar({ filters, search = true, keep = [] }: { filters: FilterDef[]; search?: boolean; keep?: string[] }) {
	const [params] = useSearchParams()
	const kept = new URLSearchParams(keep.flatMap(name => (params.get(name) ? [[name, params.get(name)!]] : [])))
	return (
		<Form method="get" className="filters no-print" role="search">
			{['sort', 'size', ...keep].map(name => {
				const value = params.get(name)
				return value ? <input key={name} type="hidden" name={name} value={value} /> : null
			})}
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
			<Link to={`?${kept}`} className="button">
				Clear
			</Link>
		</Form>
	)
}
