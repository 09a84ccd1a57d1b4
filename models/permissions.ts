// The permission map: which role may do what. Every loader and action asks `requireUser(request,
// permission)` for one of these, and the role-matrix test walks every route against this table.
import { type Role } from './domain.ts'

export const PERMISSIONS = [
	'overview:read', // the executive overview and unit pages
	'inventory:read', // units, systems, flows, staffing, destinations, CSV export, JSON API
	'inventory:write', // create, edit, delete, CSV import
	'scenarios:read', // every scenario, whatever its status
	'scenarios:read-approved', // approved scenarios only (the board)
	'scenarios:write', // create and edit drafts, propose
	'scenarios:decide', // approve or reject a proposed scenario
	'snapshots:read',
	'snapshots:freeze',
	'snapshots:verify', // re-check every frozen quarter (hash, chain, re-scoring): heavy, so an administrator's action
	'model:manage', // scoring model versions and settings
	'users:manage',
	'audit:read',
	'jobs:read', // every background job, its tries and failures (administrators)
	'account:own', // one's own password and second factor (every role)
] as const
export type Permission = (typeof PERMISSIONS)[number]

const READ_EVERYTHING: Permission[] = ['overview:read', 'inventory:read', 'scenarios:read', 'scenarios:read-approved', 'snapshots:read']

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
	// Board members read frozen quarters and the decisions taken; they change nothing.
	board: ['snapshots:read', 'scenarios:read-approved', 'account:own'],
	executive: [...READ_EVERYTHING, 'scenarios:decide', 'account:own'],
	// Analysts (risk office, strategy team) keep the inventory current and model scenarios.
	analyst: [...READ_EVERYTHING, 'inventory:write', 'scenarios:write', 'account:own'],
	admin: [...PERMISSIONS],
}

export function can(role: Role, permission: Permission): boolean {
	return ROLE_PERMISSIONS[role].includes(permission)
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
	return role === 'board' ? '/snapshots' : '/'
}

export const ROLE_LABELS: Record<Role, string> = {
	admin: 'Administrator',
	analyst: 'Strategy analyst',
	executive: 'Executive',
	board: 'Board member',
}
