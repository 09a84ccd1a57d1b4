import { type Kysely } from 'kysely'
import { bit, bool } from '../mappers.ts'
import { type Database } from '../schema.ts'

export interface ReferenceFact {
	key: string
	category: string
	title: string
	body: unknown
	source: string
	asOf: string
	verified: boolean
}

export async function insertReferenceFacts(db: Kysely<Database>, facts: ReferenceFact[]) {
	// Chunked: one statement per 200 rows stays under every driver's placeholder limit.
	for (let i = 0; i < facts.length; i += 200) {
		await db
			.insertInto('reference_fact')
			.values(
				facts.slice(i, i + 200).map(f => ({
					fact_key: f.key,
					category: f.category,
					title: f.title,
					body: JSON.stringify(f.body),
					source: f.source,
					as_of: f.asOf,
					verified: bit(f.verified),
				})),
			)
			.execute()
	}
}

export async function listReferenceFacts(db: Kysely<Database>, category?: string): Promise<ReferenceFact[]> {
	let q = db.selectFrom('reference_fact').selectAll().orderBy('category').orderBy('fact_key')
	if (category) q = q.where('category', '=', category)
	const rows = await q.execute()
	return rows.map(r => ({
		key: r.fact_key,
		category: r.category,
		title: r.title,
		body: JSON.parse(r.body),
		source: r.source,
		asOf: r.as_of,
		verified: bool(r.verified),
	}))
}
