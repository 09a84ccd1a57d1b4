import { Form } from '@remix-run/react'
import { useState } from 'react'

/**
 * A delete that asks first: the button opens a confirmation naming what goes with the row, and only its "Yes" posts
 * `intent=delete`. Keyboard: the first button toggles, focus moves to the question.
 */
export function ConfirmDelete({ label, question, busy }: { label: string; question: React.ReactNode; busy?: boolean }) {
	const [asking, setAsking] = useState(false)
	return (
		<Form method="post">
			<button
				type="button"
				className="danger"
				aria-expanded={asking}
				aria-controls="confirm-delete"
				onClick={() => setAsking(a => !a)}
				disabled={busy}
			>
				{label}…
			</button>
			{asking ? (
				<div id="confirm-delete" className="notice warn" role="group" aria-label="Confirm deletion">
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
