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
	id = 'confirm-delete',
	fields,
}: {
	label: string
	question: React.ReactNode
	busy?: boolean
	intent?: string
	confirmLabel?: string
	action?: string
	/** Unique per page when several rows each have one. */
	id?: string
	/** Hidden fields that name what is deleted. */
	fields?: Record<string, string>
}) {
	const [asking, setAsking] = useState(false)
	return (
		<Form method="post" action={action}>
			{Object.entries(fields ?? {}).map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			<button type="button" className="danger" aria-expanded={asking} aria-controls={id} onClick={() => setAsking(a => !a)} disabled={busy}>
				{label}…
			</button>
			{asking ? (
				<div id={id} className="notice warn" role="group" aria-label={intent === 'delete' ? 'Confirm deletion' : `Confirm: ${label}`}>
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
