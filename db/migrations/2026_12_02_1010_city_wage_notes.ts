// Frozen in time: takes Kysely<any>, imports nothing from the project.
// city_average_wage.note: why a row is (or is not) the one the severance cap uses for its city, and where sources
// disagree, so the pages that use a wage can say so. And Suzhou: the seed's ESTIMATE of 10,500 is replaced by the
// published 2023 figure of 11,424 (the Suzhou HRSS's social average wage, in RSM's table of December 2024), which it
// was below. A database whose Suzhou row is already sourced is left as it is.
import { type Kysely } from 'kysely'

const RSM = 'https://rsmstoneforest.sg/expert-insights/nowchina-insights-into-chinas-salary-trends-and-benchmarks'

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('city_average_wage').addColumn('note', 'text').execute()
	await db
		.updateTable('city_average_wage')
		.set({
			year_of_data: 2023,
			monthly_rmb: 11_424,
			statistic: 'social average wage approved by the local HRSS for social insurance (2021: 10,459; 2022: 10,910)',
			source: RSM,
			as_of: '2024-12',
			verified: 1,
			note: 'Used for the severance cap: latest published figure found (2023, Suzhou HRSS via RSM); replaces the seed estimate of 10,500. The 2024 figure was not found in the stored sources.',
		})
		.where('city', '=', 'Suzhou')
		.where('verified', '=', 0)
		.where('monthly_rmb', '=', 10_500)
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('city_average_wage').dropColumn('note').execute()
}
