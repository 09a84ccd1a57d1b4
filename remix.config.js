/** @type {import('@remix-run/dev').AppConfig} */
export default {
	ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
	serverModuleFormat: 'esm', // kysely >= 0.29 is ESM-only
	// db/, models/ and seed/ sit outside appDirectory; list them so `remix dev` rebuilds on change.
	watchPaths: ['./db', './models', './seed'],
	// Kysely and mysql2 stay external (node_modules at run time); nothing else needs bundling in.
	serverDependenciesToBundle: [],
	future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
}
