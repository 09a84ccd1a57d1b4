// Each inventory table's pages: its title, the name of one row, its list and its form's fields in form order. The
// fields are derived from the declarations in ./inventory-schemas.ts (name, label, kind, help and rule declared once),
// so forms, CSV and validation agree by construction.
import { type FieldDef, formFields, FLOW_FIELDS, STAFFING_FIELDS, SYSTEM_FIELDS, UNIT_FIELDS } from './inventory-schemas.ts'

export type { FieldDef } from './inventory-schemas.ts'

export const INVENTORY_TABLES = ['units', 'systems', 'flows', 'staffing'] as const
export type InventoryTableKey = (typeof INVENTORY_TABLES)[number]

export const INVENTORY_META: Record<InventoryTableKey, { title: string; singular: string; listPath: string; fields: FieldDef[] }> = {
	units: { title: 'Business units', singular: 'business unit', listPath: '/units', fields: formFields(UNIT_FIELDS) },
	systems: { title: 'Systems', singular: 'system', listPath: '/systems', fields: formFields(SYSTEM_FIELDS) },
	flows: { title: 'Data flows', singular: 'data flow', listPath: '/flows', fields: formFields(FLOW_FIELDS) },
	staffing: { title: 'Staffing', singular: 'staffing line', listPath: '/staffing', fields: formFields(STAFFING_FIELDS) },
}

export const isInventoryTable = (s: string | undefined): s is InventoryTableKey => (INVENTORY_TABLES as readonly string[]).includes(s ?? '')
