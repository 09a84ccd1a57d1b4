import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction, json } from '@remix-run/node'
import {
	Form,
	isRouteErrorResponse,
	Link,
	Links,
	Meta,
	NavLink,
	Outlet,
	Scripts,
	ScrollRestoration,
	useLoaderData,
	useNavigation,
	useRouteLoaderData,
} from '@remix-run/react'
import { type ReactNode, useEffect, useState } from 'react'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import appCss from './styles/app.css'
import { getUser } from './utils/auth.server.ts'
import { navFor } from './utils/nav.ts'
import { useNonce } from './utils/nonce.tsx'
import { requestIdOf } from '#app/utils/request.server.ts'
import { ROLE_LABELS } from '#models/permissions.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: appCss },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

// Public by design: it reads only who is signed in, to draw the shell. Every route below checks its own permission.
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request)
	return json({
		user: user ? { name: user.name, email: user.email, role: user.role, roleLabel: ROLE_LABELS[user.role] } : null,
		nav: user ? navFor(user.role) : [],
		requestId: requestIdOf(request), // shown on error pages so a report can be traced in the logs
	})
}

export function Layout({ children }: { children: ReactNode }) {
	const nonce = useNonce()
	return (
		<html lang="en">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

function Shell({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	const navigation = useNavigation()
	// On a phone the navigation and the user box fold behind a Menu button; a navigation closes it again.
	const [menuOpen, setMenuOpen] = useState(false)
	useEffect(() => setMenuOpen(false), [navigation.location?.pathname])
	return (
		<>
			<a className="skip-link" href="#main">
				Skip to content
			</a>
			<div className="nav-progress" data-state={navigation.state === 'idle' ? 'idle' : 'loading'} aria-hidden="true" />
			<header className="app-header" data-menu={menuOpen ? 'open' : 'closed'}>
				<div className="app-header-inner">
					<a className="brand" href="/">
						China Exposure
						<small>Regulatory exposure dashboard</small>
					</a>
					{data?.user ? (
						<>
							<button
								type="button"
								className="menu-button"
								aria-expanded={menuOpen}
								aria-controls="app-menu"
								onClick={() => setMenuOpen(o => !o)}
							>
								Menu
							</button>
							<div className="app-menu" id="app-menu">
								<nav className="app-nav" aria-label="Main">
									{data.nav.map(item => (
										<NavLink discover="none" key={item.to} to={item.to} end={item.to === '/'} prefetch="intent">
											{item.label}
										</NavLink>
									))}
								</nav>
								<div className="user-box">
									<span>
										{data.user.name} <span className="role">{data.user.roleLabel}</span>
									</span>
									<Link discover="none" to="/account">
										Account
									</Link>
									<Form method="post" action="/logout">
										<button type="submit">Sign out</button>
									</Form>
								</div>
							</div>
						</>
					) : null}
				</div>
			</header>
			<main id="main" tabIndex={-1}>
				{children}
			</main>
		</>
	)
}

export default function App() {
	useLoaderData<typeof loader>()
	return (
		<Shell>
			<Outlet />
		</Shell>
	)
}

// The title of a page no route owns (a route's own meta wins where one matched).
export const meta: MetaFunction = ({ error }) => [
	{
		title:
			isRouteErrorResponse(error) && error.status === 404
				? 'Page not found · China Exposure'
				: error
					? 'Something went wrong · China Exposure'
					: 'China Exposure',
	},
]

export function ErrorBoundary() {
	return (
		<Shell>
			<GeneralErrorBoundary
				statusHandlers={{
					404: ({ error }) =>
						// Remix's own 404 for an unknown address says "No route matches URL ..."; a route's 404 says what was missing.
						typeof error.data === 'string' && error.data.startsWith('No route matches') ? (
							<>
								<h1>Page not found</h1>
								<p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
							</>
						) : (
							<>
								<h1>Not found</h1>
								<p>
									{typeof error.data === 'string'
										? error.data
										: ((error.data as { message?: string } | null)?.message ?? 'What you asked for does not exist.')}
								</p>
							</>
						),
				}}
			/>
		</Shell>
	)
}
