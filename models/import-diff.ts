// What an import would change, row by row: the one diff behind every CSV import (inventory tables and
// destinations). Rows are compared as their CSV fields (the text a person wrote and an export gives), so a
// preview can show each changed field with its old and its new value exactly as they read in a file.

export interface FieldChange {
	field: string
	from: string
	to: string
}

export interface ImportRow<T> {
	/** The value rows are matched on (code, or city for destinations), as compared: see `keyOf` of the caller. */
	key: string
	record: T
	fields: Record<string, string>
}

export interface ExistingRow<B> {
	value: B
	fields: Record<string, string>
}

export interface ImportPlan<T, B> {
	inserts: Array<ImportRow<T>>
	updates: Array<ImportRow<T> & { before: B; changes: FieldChange[] }>
	unchanged: string[]
}

/** The fields whose text differs, in the order of `after`'s columns (fields absent on one side read as ''). */
export function fieldChanges(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
	const out: FieldChange[] = []
	for (const field of Object.keys(after)) {
		const from = before[field] ?? ''
		const to = after[field] ?? ''
		if (from !== to) out.push({ field, from, to })
	}
	return out
}

/** Splits the incoming rows into inserts (no existing row with the key), updates (with the fields that change) and unchanged keys. */
export function planImport<T, B>(rows: ReadonlyArray<ImportRow<T>>, existing: ReadonlyMap<string, ExistingRow<B>>): ImportPlan<T, B> {
	const plan: ImportPlan<T, B> = { inserts: [], updates: [], unchanged: [] }
	for (const row of rows) {
		const before = existing.get(row.key)
		if (!before) {
			plan.inserts.push(row)
			continue
		}
		const changes = fieldChanges(before.fields, row.fields)
		if (changes.length) plan.updates.push({ ...row, before: before.value, changes })
		else plan.unchanged.push(row.key)
	}
	return plan
}
