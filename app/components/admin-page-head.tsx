import { type ReactNode } from 'react'
import { Link } from '@remix-run/react'

/** The head of an administration page: the way back, the title, what the page is for, and its actions. */
export function AdminPageHead({ title, children, actions }: { title: ReactNode; children: ReactNode; actions?: ReactNode }) {
	return (
		<>
			<p className="no-print small">
				<Link to="/admin">← Administration</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>{title}</h1>
					{children}
				</div>
				{actions}
			</div>
		</>
	)
}
