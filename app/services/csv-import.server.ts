// Importing a CSV into any table that takes one (the four inventory tables and destinations): one use case in
// two steps. `preview` checks every row and says what would change (each changed field with its old and new
// value); `commit` checks the same text again and writes every row in one transaction with its audit entries, or
// nothing. Rows are matched on their key (code; city for destinations); nothing is deleted.
import { type Kysely } from 'kysely'
import { insertDestination, listDestinations, replaceDestinationCosts, updateDestination } from '#db/repositories/destinations.ts'
import {
	findInventoryRecordsByCode,
	insertInventoryRecords,
	inventoryEntity,
	type InventoryRecord,
	type NewInventoryRecord,
	updateInventoryRecord,
} from '#db/repositories/inventory.ts'
import { listAllUnits, mapUnitIdsByCode } from '#db/repositories/units.ts'
import { findFlowMonths, mapFlowIdsByCode, upsertFlowMonths } from '#db/repositories/flow-months.ts'
import { type Database } from '#db/schema.ts'
import { isUniqueViolation } from '#db/sql/errors.ts'
import { writeTransaction } from '#db/sql/transaction.ts'
import { CSV_LIMITS, type CsvCellError, validateCsv } from '#models/csv-import.ts'
import { decodeCsvBytes, parseCsvText } from '#models/csv.ts'
import { ftzFlagError } from '#models/ftz-zones.ts'
import { DESTINATION_CSV_COLUMNS, destinationFieldsSchema, destinationFromFields, destinationToFields } from '#models/destination-csv.ts'
import { type Destination, type FlowMonthCount } from '#models/domain.ts'
import {
	FLOW_MONTH_CSV_COLUMNS,
	flowMonthFieldsSchema,
	flowMonthKey,
	flowMonthToFields,
	futureMonthProblem,
} from '#models/obligations/flow-months.ts'
import { type ExistingRow, type FieldChange, type ImportPlan, type ImportRow, planImport } from '#models/import-diff.ts'
import { type InventoryTableKey } from '#models/inventory-forms.ts'
import { INVENTORY_TABLES, inventoryFields } from '#models/inventory-schemas.ts'
import { audit, auditMany } from './audit.server.ts'
import { type Actor, failCells, ok, type ServiceContext, type ServiceResult } from './service.ts'

export type ImportTargetName = InventoryTableKey | 'destinations' | 'flow_months'

export interface ImportInput {
	target: ImportTargetName
	intent: 'preview' | 'commit'
	fileName: string
	/** The uploaded file (preview) or the text the preview posted back (commit). */
	source: { bytes: Uint8Array } | { text: string }
}

export type ImportOutcome =
	| {
			stage: 'preview'
			fileName: string
			csv: string
			rowCount: number
			inserts: number
			updates: number
			unchanged: number
			changes: Array<{ code: string; kind: 'new' | 'changed'; fields: FieldChange[] }>
	  }
	| { stage: 'done'; fileName: string; inserts: number; updates: number; unchanged: number }

/** The columns a target's file has, in order (the import page lists them; an export writes them). */
export const importColumns = (target: ImportTargetName): readonly string[] =>
	target === 'destinations'
		? DESTINATION_CSV_COLUMNS
		: target === 'flow_months'
			? FLOW_MONTH_CSV_COLUMNS
			: Object.keys(INVENTORY_TABLES[target].schema.shape)

const MAX_CHANGES_SHOWN = 200
const cell = (line: number, message: string, column: string | null = null): CsvCellError => ({ line, column, columnNumber: null, message })

export async function importCsv(
	db: Kysely<Database>,
	actor: Actor,
	ctx: ServiceContext,
	input: ImportInput,
): Promise<ServiceResult<ImportOutcome>> {
	const { fileName } = input
	let text: string
	if ('bytes' in input.source) {
		if (input.source.bytes.length === 0) return failCells('invalid', [cell(1, 'choose a CSV file to import')])
		const decoded = decodeCsvBytes(input.source.bytes)
		if (!decoded.ok) return failCells('invalid', [decoded.error])
		text = decoded.text
	} else text = input.source.text
	if (!text) return failCells('invalid', [cell(1, 'nothing to import; upload the file again')])

	const parsed = parseCsvText(text, CSV_LIMITS.maxRows)
	if (!parsed.ok) return failCells(parsed.tooLarge ? 'too_large' : 'invalid', [parsed.error])
	if (!parsed.records.length) return failCells('invalid', [cell(2, 'the file has a header but no rows')])
	const target = TARGETS[input.target]
	const read = await target.read(db, parsed.header, parsed.records, (ctx.now ?? new Date()).toISOString().slice(0, 10))
	if (read.errors.length) return failCells('invalid', read.errors)
	const rowCount = read.rows.length

	if (input.intent === 'preview') {
		const plan = planImport(read.rows, await target.existing(db, read.rows))
		const changes = [
			...plan.inserts.map(r => ({
				code: target.label?.(r.fields) ?? r.fields[target.keyColumn] ?? r.key,
				kind: 'new' as const,
				fields: [],
			})),
			...plan.updates.map(u => ({
				code: target.label?.(u.fields) ?? u.fields[target.keyColumn] ?? u.key,
				kind: 'changed' as const,
				fields: u.changes,
			})),
		]
		return ok({ stage: 'preview', fileName, csv: text, rowCount, ...counts(plan), changes: changes.slice(0, MAX_CHANGES_SHOWN) })
	}

	try {
		return await writeTransaction(db, async trx => {
			// Planned again inside the transaction: what the preview showed may have moved on since.
			const plan = planImport(read.rows, await target.existing(trx, read.rows))
			const entries = await target.write(trx, plan)
			await auditMany(trx, actor, ctx, entries)
			await audit(trx, actor, ctx, {
				action: 'import',
				entity: target.entity,
				after: { fileName, rows: rowCount, ...renamed(counts(plan)) },
			})
			return ok({ stage: 'done' as const, fileName, ...counts(plan) })
		})
	} catch (error) {
		if (isUniqueViolation(error))
			return failCells('conflict', [
				cell(1, 'another change added one of these rows while you were reviewing; preview the file again', target.keyColumn),
			])
		throw error
	}
}

const counts = (plan: ImportPlan<unknown, unknown>) => ({
	inserts: plan.inserts.length,
	updates: plan.updates.length,
	unchanged: plan.unchanged.length,
})
const renamed = (c: ReturnType<typeof counts>) => ({ inserted: c.inserts, updated: c.updates, unchanged: c.unchanged })

type AuditRow = { action: string; entity: string; entityId: number | null; before?: unknown; after: unknown }

interface ImportTarget<T, B> {
	entity: string
	keyColumn: string
	/** How a row is named in the preview, when the key column alone does not name it. */
	label?: (fields: Record<string, string>) => string
	read(
		db: Kysely<Database>,
		header: string[],
		records: Array<{ line: number; cells: string[] }>,
		asOf: string,
	): Promise<{ rows: Array<ImportRow<T>>; errors: CsvCellError[] }>
	existing(db: Kysely<Database>, rows: ReadonlyArray<ImportRow<T>>): Promise<Map<string, ExistingRow<B>>>
	write(trx: Kysely<Database>, plan: ImportPlan<T, B>): Promise<AuditRow[]>
}

function inventoryTarget(key: InventoryTableKey): ImportTarget<NewInventoryRecord, InventoryRecord> {
	const entity = inventoryEntity(key)
	return {
		entity,
		keyColumn: 'code',
		async read(db, header, records) {
			const { schema, build } = INVENTORY_TABLES[key]
			// Rows go to units in use; an archived unit's code is refused with a message that says so (decision 032).
			const unitIds = key === 'units' ? undefined : await mapUnitIdsByCode(db, { inUse: true })
			const archived = unitIds ? [...(await mapUnitIdsByCode(db)).keys()].filter(c => !unitIds.has(c)) : []
			const units = key === 'flows' ? new Map((await listAllUnits(db)).map(u => [u.code, u])) : undefined
			// Art. 6: only a unit registered in a zone whose negative list is in force can mark a flow outside the list.
			const ftzCheck = (row: object) => {
				const value = row as { unit_code?: string; outside_ftz_negative_list?: boolean }
				const unit = units?.get(value.unit_code ?? '')
				const message = unit && value.outside_ftz_negative_list ? ftzFlagError(unit) : null
				return message ? { column: 'outside_ftz_negative_list', message } : null
			}
			const { rows, errors } = validateCsv(header, records, schema, {
				unitCodes: unitIds ? new Set(unitIds.keys()) : undefined,
				archivedUnitCodes: new Set(archived),
				rowCheck: ftzCheck,
			})
			return {
				errors,
				rows: rows.map(r => {
					const unitCode = (r.value as { unit_code?: string }).unit_code
					const record = build(r.value, unitIds?.get(unitCode ?? '') ?? 0)
					return { key: record.code, record, fields: inventoryFields(key, record, unitCode ?? record.code) }
				}),
			}
		},
		async existing(db, rows) {
			const found = await findInventoryRecordsByCode(
				db,
				key,
				rows.map(r => r.key),
			)
			const codeOfUnit = key === 'units' ? undefined : new Map([...(await mapUnitIdsByCode(db))].map(([code, id]) => [id, code]))
			const out = new Map<string, ExistingRow<InventoryRecord>>()
			for (const [code, value] of found) {
				const { id: _id, ...record } = value
				const unitCode = codeOfUnit?.get((value as { unitId?: number }).unitId ?? -1) ?? value.code
				out.set(code, { value, fields: inventoryFields(key, record, unitCode) })
			}
			return out
		},
		async write(trx, plan) {
			for (const u of plan.updates) await updateInventoryRecord(trx, key, u.before.id, u.record)
			const ids = await insertInventoryRecords(
				trx,
				key,
				plan.inserts.map(r => r.record),
			)
			return [
				...plan.inserts.map(r => ({ action: 'create', entity, entityId: ids.get(r.key) ?? null, after: r.record })),
				...plan.updates.map(u => ({ action: 'update', entity, entityId: u.before.id, before: u.before, after: u.record })),
			]
		},
	}
}

const cityKey = (city: string) => city.trim().toLowerCase()

const destinationTarget: ImportTarget<Omit<Destination, 'id'>, Destination> = {
	entity: 'destination',
	keyColumn: 'city',
	async read(_db, header, records) {
		const { rows, errors } = validateCsv(header, records, destinationFieldsSchema, { keyColumn: 'city' })
		return {
			errors,
			rows: rows.map(r => {
				const record = destinationFromFields(r.value as Record<string, unknown>)
				return { key: cityKey(record.city), record, fields: destinationToFields(record) }
			}),
		}
	},
	async existing(db) {
		return new Map((await listDestinations(db)).map(d => [cityKey(d.city), { value: d, fields: destinationToFields(d) }]))
	},
	async write(trx, plan) {
		const entries: AuditRow[] = []
		for (const r of plan.inserts)
			entries.push({ action: 'create', entity: 'destination', entityId: await insertDestination(trx, r.record), after: r.record })
		for (const u of plan.updates) {
			await updateDestination(trx, u.before.id, u.record)
			await replaceDestinationCosts(trx, u.before.id, u.record.costs)
			entries.push({ action: 'update', entity: 'destination', entityId: u.before.id, before: u.before, after: u.record })
		}
		return entries
	},
}

// Monthly counts per flow, matched on flow code and month: a known month is replaced, a new one added.
const flowMonthTarget: ImportTarget<FlowMonthCount & { flowCode: string }, FlowMonthCount> = {
	entity: 'flow_month',
	keyColumn: 'month',
	label: f => `${f.flow_code} ${f.month}`,
	async read(db, header, records, asOf) {
		const { rows, errors } = validateCsv(header, records, flowMonthFieldsSchema, {
			keyColumn: 'month',
			keyOf: v => flowMonthKey(v.flow_code, v.month),
		})
		const flows = await mapFlowIdsByCode(db)
		const column = (name: string) => FLOW_MONTH_CSV_COLUMNS.indexOf(name as never) + 1 || null
		const out: Array<ImportRow<FlowMonthCount & { flowCode: string }>> = []
		for (const r of rows) {
			const flow = flows.get(r.value.flow_code.toLowerCase())
			const future = futureMonthProblem(r.value.month, asOf)
			if (!flow) {
				errors.push({
					line: r.line,
					column: 'flow_code',
					columnNumber: column('flow_code'),
					message: `no data flow has code "${r.value.flow_code}"`,
				})
				continue
			}
			if (future) {
				errors.push({ line: r.line, column: 'month', columnNumber: column('month'), message: future })
				continue
			}
			const record = {
				flowId: flow.id,
				flowCode: flow.code,
				month: r.value.month,
				personalInfoIndividuals: r.value.pi_individuals,
				sensitivePersonalInfoIndividuals: r.value.sensitive_pi_individuals,
			}
			out.push({ key: `${flow.id} ${record.month}`, record, fields: flowMonthToFields(record, flow.code) })
		}
		errors.sort((a, b) => a.line - b.line)
		return { rows: out, errors }
	},
	async existing(db, rows) {
		const found = await findFlowMonths(
			db,
			rows.map(r => r.record.flowId),
		)
		const codes = new Map(rows.map(r => [r.record.flowId, r.record.flowCode]))
		return new Map([...found].map(([key, value]) => [key, { value, fields: flowMonthToFields(value, codes.get(value.flowId) ?? '') }]))
	},
	async write(trx, plan) {
		const strip = ({ flowCode: _code, ...m }: FlowMonthCount & { flowCode: string }) => m
		await upsertFlowMonths(
			trx,
			plan.inserts.map(r => strip(r.record)),
			plan.updates.map(u => strip(u.record)),
		)
		return [
			...plan.inserts.map(r => ({ action: 'create', entity: 'flow_month', entityId: r.record.flowId, after: r.record })),
			...plan.updates.map(u => ({ action: 'update', entity: 'flow_month', entityId: u.record.flowId, before: u.before, after: u.record })),
		]
	},
}

const TARGETS: Record<ImportTargetName, ImportTarget<any, any>> = {
	units: inventoryTarget('units'),
	systems: inventoryTarget('systems'),
	flows: inventoryTarget('flows'),
	staffing: inventoryTarget('staffing'),
	destinations: destinationTarget,
	flow_months: flowMonthTarget,
}
