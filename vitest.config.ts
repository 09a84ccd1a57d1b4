import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['tests/{unit,db,security,e2e}/**/*.test.{ts,tsx}'],
		globals: true,
		// db and e2e files share one MariaDB database and one built app: run files one at a time.
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 120_000,
		setupFiles: ['tests/setup.ts'],
	},
})
