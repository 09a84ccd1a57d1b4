import { type SelectQueryBuilder, sql } from 'kysely'
import { type ListQuery, type ListResult } from '#models/list-query.ts'

/**
 * Runs a filtered query twice: once for the total, once for one page ordered by a whitelisted
 * column (`sortColumns` maps the URL's sort keys to real columns, so a URL never names SQL).
 * A stable tiebreak on the id keeps pages from overlapping.
 */
export async function fetchPage<DB, TB extends keyof DB, O, S extends string>(
	base: SelectQueryBuilder<DB, TB, object>,
	select: (qb: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
	query: ListQuery<S>,
	sortColumns: Record<S, string>,
	idColumn: string,
): Promise<ListResult<O>> {
	const counted = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst()
	const total = Number((counted as { n: number | string } | undefined)?.n ?? 0)
	const dir = query.desc ? 'desc' : 'asc'
	const rows = await select(base)
		.orderBy(sql.ref(sortColumns[query.sort]), dir)
		.orderBy(sql.ref(idColumn), dir)
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize)
		.execute()
	return { rows, total }
}
