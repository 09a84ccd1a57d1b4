import { Form } from '@remix-run/react'
import { useState } from 'react'

/**
 * A delete (or archive) that asks first: the button opens a confirmation naming what goes with the row, and only its
 * "Yes" posts the intent (`delete` unless told). Keyboard: the first button toggles, focus moves to the question.
 */
export function ConfirmDelete({
	label,
	question,
	busy,
	intent = 'delete',
	confirmLabel = 'Yes, delete',
	action,
}: {
	label: string
	question: React.ReactNode
	busy?: boolean
	intent?: string
	confirmLabel?: string
	action?: string
}) {
	const [asking, setAsking] = useState(false)
	return (
		<Form method="post" action={action}>
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
				<div
					id="confirm-delete"
					className="notice warn"
					role="group"
					aria-label={intent === 'delete' ? 'Confirm deletion' : `Confirm: ${label}`}
				>
					<p tabIndex={-1} ref={el => el?.focus()}>
						{question}
					</p>
					<button type="submit" name="intent" value={intent} className="danger" disabled={busy}>
						{confirmLabel}
					</button>{' '}
					<button type="button" onClick={() => setAsking(false)}>
						Cancel
					</button>
				</div>
			) : null}
		</Form>
	)
}
