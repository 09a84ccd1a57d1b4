// A database migrated only part-way (a test of a migration builds an older schema, then seeds it) lacks the
// columns later migrations add. This plugin drops, from INSERT statements, the columns its table does not have,
// so the same seed fits any schema along the migration history. Used by the seed only.
import {
	type Kysely,
	type KyselyPlugin,
	type OperationNode,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type QueryResult,
	type RootOperationNode,
	type UnknownRow,
	InsertQueryNode,
	PrimitiveValueListNode,
	ValueListNode,
	ValuesNode,
} from 'kysely'

class ExistingColumnsOnly implements KyselyPlugin {
	constructor(private readonly columns: Map<string, Set<string>>) {}

	transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
		if (!InsertQueryNode.is(node) || !node.into || !node.columns || !node.values || !ValuesNode.is(node.values)) return node
		const present = this.columns.get(node.into.table.identifier.name)
		if (!present) return node
		const keep = node.columns.flatMap((c, i) => (present.has(c.column.name) ? [i] : []))
		if (keep.length === node.columns.length) return node
		const pick = <T>(list: ReadonlyArray<T>) => keep.map(i => list[i]!)
		const values = node.values.values.map(row =>
			PrimitiveValueListNode.is(row)
				? PrimitiveValueListNode.create(pick(row.values))
				: ValueListNode.create(pick((row as ValueListNode).values as ReadonlyArray<OperationNode>)),
		)
		return InsertQueryNode.cloneWith(node, { columns: pick(node.columns), values: ValuesNode.create(values) })
	}

	async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return result
	}
}

/** `db` writing only the columns each table has (a no-op on a fully migrated schema). */
export async function fitToSchema<DB>(db: Kysely<DB>): Promise<Kysely<DB>> {
	const columns = new Map((await db.introspection.getTables()).map(t => [t.name, new Set(t.columns.map(c => c.name))]))
	return db.withPlugin(new ExistingColumnsOnly(columns))
}
