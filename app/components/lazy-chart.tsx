import { type ComponentType, lazy, memo, Suspense, useDeferredValue } from 'react'

type Box = { width: number; height: number }

/**
 * A recharts drawing as a chunk of its own, fetched when it is first rendered: recharts is over half the
 * JavaScript of a page with a chart, and the first paint does not need it because the server draws the chart.
 * entry.server.tsx sends a page only when all of it has rendered, with every Suspense boundary inline, so the
 * SVG is in the HTML (and in the PDF, printed without JavaScript); the browser hydrates the drawing when its
 * chunk arrives. Until then (after a client-side navigation) an empty box of the drawing's size holds its place.
 * The drawing takes its size as props, so the box and the SVG cannot disagree.
 *
 * memo: a boundary still waiting to hydrate that re-renders with changed props drops the server's HTML for the
 * fallback, so a parent re-rendering with the same data must not reach it. And new data reaches it as a deferred
 * value: an urgent update (a keystroke in the scenario editor) of a boundary whose chunk has not arrived yet is React
 * error #421 (the boundary gives up hydrating); a deferred one is a transition, which waits for the hydration.
 */
export function lazyChart<P extends Box>(load: () => Promise<ComponentType<P>>) {
	// Typed as what it renders: React's types for a lazy component's props (PropsWithRef<P>) do not resolve
	// for a generic P, and a drawing takes no ref.
	const Drawing = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>
	const Boundary = memo(function ChartBoundary(props: P) {
		return (
			<Suspense
				fallback={<div className="chart-placeholder" style={{ width: props.width, aspectRatio: `${props.width} / ${props.height}` }} />}
			>
				<Drawing {...props} />
			</Suspense>
		)
	})
	return memo(function LazyChart(props: P) {
		// The urgent render passes the props it had (the memo above skips it); the deferred one brings the new ones.
		return <Boundary {...useDeferredValue(props)} />
	})
}
