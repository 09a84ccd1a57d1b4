import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { preloadChartDrawings } from './components/lazy-chart.tsx'

function hydrate() {
	startTransition(() => {
		hydrateRoot(
			document,
			<StrictMode>
				<RemixBrowser />
			</StrictMode>,
		)
	})
}

// A page the server drew a chart on hydrates once the chart's chunk is here, so that it hydrates whole
// (app/components/lazy-chart.tsx). The route modules, loaded before this entry, have registered their charts.
if (document.querySelector('.recharts-wrapper')) void preloadChartDrawings().then(hydrate)
else hydrate()
