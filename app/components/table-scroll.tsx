import { type ReactNode } from 'react'

/**
 * A table's card that scrolls sideways on a narrow screen instead of widening the page. It is a named region
 * in the tab order, so a keyboard can scroll it too (a scrollable box nothing inside can focus is out of reach).
 */
export function TableScroll({
	label,
	className,
	busy,
	children,
}: {
	label: string
	className?: string
	busy?: boolean
	children: ReactNode
}) {
	return (
		<div className={className ? `table-wrap ${className}` : 'table-wrap'} role="region" aria-label={label} tabIndex={0} aria-busy={busy}>
			{children}
		</div>
	)
}
