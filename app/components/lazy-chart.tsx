import { type ComponentType, lazy, memo, Suspense, useDeferredValue } from 'react'

type Box = { width: number; height: number }

const drawings: (() => Promise<unknown>)[] = []

/**
 * Fetches the drawing of every chart the loaded routes can show. entry.client.tsx awaits it before hydrating a page
 * the server drew a chart on, so each chart's Suspense boundary hydrates with the rest of the page, in one pass.
 * A boundary left waiting for its chunk is dehydrated, and any later update of the page (paging the heatmap changes
 * Remix's contexts above it) makes React give up hydrating it: error #421, and the server's drawing is dropped for
 * the empty placeholder. Hydration waits for the chunk; the first paint, the server's HTML, does not.
 */
export function preloadChartDrawings() {
	return Promise.allSettled(drawings.map(load => load()))
}

/** A thenable settled already: React.lazy reads it without suspending (React 18's lazy calls then() at once). */
const settled = <T,>(value: T) => ({ then: (resolve: (v: T) => void) => resolve(value) })

/**
 * A recharts drawing as a chunk of its own, fetched when it is first rendered: recharts is over half the
 * JavaScript of a page with a chart, and the first paint does not need it because the server draws the chart.
 * entry.server.tsx sends a page only when all of it has rendered, with every Suspense boundary inline, so the
 * SVG is in the HTML (and in the PDF, printed without JavaScript); the browser fetches the drawing's chunk before
 * it hydrates (preloadChartDrawings). After a client-side navigation an empty box of the drawing's size holds its
 * place until the chunk arrives. The drawing takes its size as props, so the box and the SVG cannot disagree.
 *
 * memo: a boundary still waiting for its chunk that re-renders with changed props drops what it shows for the
 * fallback, so a parent re-rendering with the same data must not reach it. And new data reaches it as a deferred
 * value: an urgent update (a keystroke in the scenario editor) of a boundary whose chunk has not arrived yet
 * suspends it again; a deferred one is a transition, which keeps the old drawing until the new one is ready.
 */
export function lazyChart<P extends Box>(load: () => Promise<ComponentType<P>>) {
	let loaded: ComponentType<P> | undefined
	let loading: Promise<ComponentType<P>> | undefined
	const fetchDrawing = () =>
		(loading ??= load().then(
			drawing => (loaded = drawing),
			error => {
				loading = undefined // a failed fetch is tried again by the next render
				throw error
			},
		))
	drawings.push(fetchDrawing)
	// Typed as what it renders: React's types for a lazy component's props (PropsWithRef<P>) do not resolve
	// for a generic P, and a drawing takes no ref.
	const Drawing = lazy(() =>
		loaded ? (settled({ default: loaded }) as Promise<{ default: ComponentType<P> }>) : fetchDrawing().then(d => ({ default: d })),
	) as unknown as ComponentType<P>
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
