import { Form } from '@remix-run/react'
import { useState } from 'react'

/**
 * A delete that asks first: the button opens a confirmation naming what goes with the row, and only its "Yes" posts
 * `intent=delete`. Keyboard: the first button toggles, focus moves to the question.
 */
export function ConfirmDelete({
	label,
	question,
	busy,
	id = 'confirm-delete',
	fields,
}: {
	label: string
	question: React.ReactNode
	busy?: boolean
	/** Unique per page when several rows each have one. */
	id?: string
	/** Hidden fields that name what is deleted. */
	fields?: Record<string, string>
}) {
	const [asking, setAsking] = useState(false)
	return (
		<Form method="post">
			{Object.entries(fields ?? {}).map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			<button type="button" className="danger" aria-expanded={asking} aria-controls={id} onClick={() => setAsking(a => !a)} disabled={busy}>
				{label}…
			</button>
			{asking ? (
				<div id={id} className="notice warn" role="group" aria-label="Confirm deletion">
					<p tabIndex={-1} ref={el => el?.focus()}>
						{question}
					</p>
					<button type="submit" name="intent" value="delete" className="danger" disabled={busy}>
						Yes, delete
					</button>{' '}
					<button type="button" onClick={() => setAsking(false)}>
						Cancel
					</button>
				</div>
			) : null}
		</Form>
	)
}
