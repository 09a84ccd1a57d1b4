import { type Kysely } from 'kysely'
import { type CityAverageWage, type CostEvidence, type Destination, type StaffFunction } from '#models/domain.ts'
import { bit, bool } from '../mappers.ts'
import { type Database } from '../schema.ts'

export async function listDestinations(db: Kysely<Database>): Promise<Destination[]> {
	const [rows, costs] = await Promise.all([
		db.selectFrom('destination').selectAll().orderBy('city').execute(),
		db.selectFrom('destination_cost').selectAll().execute(),
	])
	return rows.map(r => ({
		id: r.id,
		city: r.city,
		country: r.country,
		isMainlandChina: bool(r.is_mainland_china),
		privacyLaw: r.privacy_law,
		privacyCrossBorder: r.privacy_cross_border,
		hiringLeadTimeMonths: r.hiring_lead_time_months,
		source: r.source,
		asOf: r.as_of,
		costs: costs
			.filter(c => c.destination_id === r.id)
			.map(c => ({ function: c.function as StaffFunction, annualCostUsd: c.annual_cost_usd, evidence: c.evidence as CostEvidence })),
	}))
}

export async function findDestinationById(db: Kysely<Database>, id: number) {
	return (await listDestinations(db)).find(d => d.id === id)
}

export async function insertDestination(db: Kysely<Database>, d: Omit<Destination, 'id'>): Promise<number> {
	const result = await db
		.insertInto('destination')
		.values({
			city: d.city,
			country: d.country,
			is_mainland_china: bit(d.isMainlandChina),
			privacy_law: d.privacyLaw,
			privacy_cross_border: d.privacyCrossBorder,
			hiring_lead_time_months: d.hiringLeadTimeMonths,
			source: d.source,
			as_of: d.asOf,
		})
		.executeTakeFirstOrThrow()
	const id = Number(result.insertId)
	await replaceDestinationCosts(db, id, d.costs)
	return id
}

export async function updateDestination(
	db: Kysely<Database>,
	id: number,
	d: Pick<Destination, 'hiringLeadTimeMonths' | 'privacyLaw' | 'privacyCrossBorder' | 'source' | 'asOf'>,
) {
	await db
		.updateTable('destination')
		.set({
			hiring_lead_time_months: d.hiringLeadTimeMonths,
			privacy_law: d.privacyLaw,
			privacy_cross_border: d.privacyCrossBorder,
			source: d.source,
			as_of: d.asOf,
		})
		.where('id', '=', id)
		.execute()
}

export async function replaceDestinationCosts(db: Kysely<Database>, id: number, costs: Destination['costs']) {
	await db.deleteFrom('destination_cost').where('destination_id', '=', id).execute()
	if (costs.length)
		await db
			.insertInto('destination_cost')
			.values(costs.map(c => ({ destination_id: id, function: c.function, annual_cost_usd: c.annualCostUsd, evidence: c.evidence })))
			.execute()
}

export async function listCityAverageWages(db: Kysely<Database>): Promise<Array<CityAverageWage & { usedForCap: boolean }>> {
	const rows = await db.selectFrom('city_average_wage').selectAll().orderBy('city').orderBy('year_of_data', 'desc').execute()
	return rows.map(r => ({
		city: r.city,
		yearOfData: r.year_of_data,
		monthlyRmb: r.monthly_rmb,
		statistic: r.statistic,
		source: r.source,
		asOf: r.as_of,
		verified: bool(r.verified),
		usedForCap: bool(r.used_for_cap),
		note: r.note ?? null,
	}))
}

export async function insertCityAverageWage(db: Kysely<Database>, w: CityAverageWage & { usedForCap: boolean }) {
	await db
		.insertInto('city_average_wage')
		.values({
			city: w.city,
			year_of_data: w.yearOfData,
			monthly_rmb: w.monthlyRmb,
			statistic: w.statistic,
			used_for_cap: bit(w.usedForCap),
			source: w.source,
			as_of: w.asOf,
			verified: bit(w.verified),
			note: w.note ?? null,
		})
		.execute()
}

/** How many scenario moves send people to a destination (it cannot be deleted while any do). */
export async function countDestinationUses(db: Kysely<Database>, id: number) {
	const row = await db
		.selectFrom('scenario_move')
		.select(eb => eb.fn.countAll<number>().as('n'))
		.where('destination_id', '=', id)
		.executeTakeFirst()
	return Number(row?.n ?? 0)
}

export async function deleteDestination(db: Kysely<Database>, id: number) {
	await db.deleteFrom('destination').where('id', '=', id).execute() // its costs go with it (cascade)
}

export async function findDestinationByCity(db: Kysely<Database>, city: string) {
	return (await listDestinations(db)).find(d => d.city.toLowerCase() === city.trim().toLowerCase())
}
