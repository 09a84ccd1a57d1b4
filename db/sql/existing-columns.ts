// A database migrated only part-way (a test of a migration builds an older schema, then seeds it) lacks the
// columns and tables later migrations add. This plugin drops, from INSERT statements, the columns its table does not
// have, and turns an INSERT into or a DELETE from a table the schema does not have yet (the inventory's change log)
// into a statement that does nothing, so the same seed fits any schema along the migration history. Used by the
// seed only.
import {
	sql,
	type Kysely,
	type KyselyPlugin,
	type OperationNode,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type QueryResult,
	type RootOperationNode,
	type UnknownRow,
	DeleteQueryNode,
	InsertQueryNode,
	PrimitiveValueListNode,
	TableNode,
	ValueListNode,
	ValuesNode,
} from 'kysely'

class ExistingColumnsOnly implements KyselyPlugin {
	constructor(
		private readonly columns: Map<string, Set<string>>,
		/** An INSERT and a DELETE that change nothing (a plugin must return a node of the kind it was given). */
		private readonly noop: { insert: InsertQueryNode; delete: DeleteQueryNode },
	) {}

	transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
		const table = InsertQueryNode.is(node)
			? node.into?.table.identifier.name
			: DeleteQueryNode.is(node) && node.from.froms.length === 1
				? tableName(node.from.froms[0]!)
				: undefined
		if (table !== undefined && !this.columns.has(table)) return InsertQueryNode.is(node) ? this.noop.insert : this.noop.delete
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

/** The name of a DELETE's table (a plain table reference), else undefined. */
function tableName(from: OperationNode): string | undefined {
	return TableNode.is(from) ? from.table.identifier.name : undefined
}

/** `db` writing only the columns each table has (a no-op on a fully migrated schema). */
export async function fitToSchema<DB>(db: Kysely<DB>): Promise<Kysely<DB>> {
	const columns = new Map((await db.introspection.getTables()).map(t => [t.name, new Set(t.columns.map(c => c.name))]))
	// On the counter row every schema has: INSERT ... SELECT of no rows, DELETE of no rows.
	const any = db as unknown as Kysely<any>
	const none = sql<boolean>`1 = 0`
	const noop = {
		insert: any
			.insertInto('inventory_version')
			.columns(['id', 'version'])
			.expression(any.selectFrom('inventory_version').select(['id', 'version']).where(none))
			.toOperationNode(),
		delete: any.deleteFrom('inventory_version').where(none).toOperationNode(),
	}
	return db.withPlugin(new ExistingColumnsOnly(columns, noop))
}
