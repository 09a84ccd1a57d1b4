import { Link, useSearchParams } from '@remix-run/react'
import { formatInt } from '#app/utils/format.ts'

/** Previous / next links that keep every other URL parameter; the page number lives in `?page=`. `anchor` is the id the links scroll to. */
export function Pager({
	page,
	pageSize,
	total,
	noun = 'Rows',
	older,
	anchor,
}: {
	page: number
	pageSize: number
	total: number
	noun?: string
	older?: boolean
	anchor?: string
}) {
	const [params] = useSearchParams()
	const pages = Math.max(1, Math.ceil(total / pageSize))
	const pageLink = (p: number) => {
		const next = new URLSearchParams(params)
		if (p > 1) next.set('page', String(p))
		else next.delete('page')
		return `?${next}${anchor ? `#${anchor}` : ''}`
	}
	const first = total === 0 ? 0 : (page - 1) * pageSize + 1
	const last = Math.min(total, page * pageSize)
	const [prev, nextLabel] = older ? ['← Newer', 'Older →'] : ['← Previous', 'Next →']
	return (
		<nav className="pager" aria-label="Pages">
			<span className="muted">
				{total === 0 ? `No ${noun.toLowerCase()}` : `${noun} ${formatInt(first)}–${formatInt(last)} of ${formatInt(total)}`}
			</span>
			<span>
				{page > 1 ? <Link to={pageLink(page - 1)}>{prev}</Link> : <span className="muted">{prev}</span>}
				<span className="muted">
					{' '}
					· Page {formatInt(page)} of {formatInt(pages)} ·{' '}
				</span>
				{page < pages ? <Link to={pageLink(page + 1)}>{nextLabel}</Link> : <span className="muted">{nextLabel}</span>}
			</span>
		</nav>
	)
}
