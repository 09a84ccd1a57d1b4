import { type Role } from '#models/domain.ts'
import { can, type Permission } from '#models/permissions.ts'

export const NAV_ITEMS: Array<{ to: string; label: string; anyOf: Permission[] }> = [
	{ to: '/', label: 'Overview', anyOf: ['overview:read'] },
	{ to: '/obligations', label: 'Obligations', anyOf: ['overview:read'] },
	{ to: '/units', label: 'Business units', anyOf: ['inventory:read'] },
	{ to: '/systems', label: 'Systems', anyOf: ['inventory:read'] },
	{ to: '/flows', label: 'Data flows', anyOf: ['inventory:read'] },
	{ to: '/staffing', label: 'Staffing', anyOf: ['inventory:read'] },
	{ to: '/destinations', label: 'Destinations', anyOf: ['inventory:read'] },
	{ to: '/scenarios', label: 'Scenarios', anyOf: ['scenarios:read', 'scenarios:read-approved'] },
	{ to: '/snapshots', label: 'Snapshots', anyOf: ['snapshots:read'] },
	{ to: '/admin', label: 'Admin', anyOf: ['users:manage'] },
]

export function navFor(role: Role) {
	return NAV_ITEMS.filter(item => item.anyOf.some(p => can(role, p))).map(({ to, label }) => ({ to, label }))
}
