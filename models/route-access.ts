// What each route's loader and action require, by route id. The role-matrix test walks every route in
// the built manifest: a route missing here fails it, and each entry is checked as anonymous and as
// every role against the permission map (./permissions.ts). Keep it in step with the requireUser calls.
import { type Permission } from './permissions.ts'

/** 'public': anyone; a permission: signed in and holding it; an array: signed in and holding any of them. */
export type Access = 'public' | Permission | readonly Permission[]

export const ROUTE_ACCESS: Record<string, { loader?: Access; action?: Access }> = {
	root: { loader: 'public' },
	'routes/login': { loader: 'public', action: 'public' },
	'routes/logout': { loader: 'public', action: 'public' },
	'routes/healthz': { loader: 'public' },
	'routes/_index': { loader: 'overview:read' },
	'routes/units._index': { loader: 'inventory:read' },
	'routes/units.archived': { loader: 'inventory:read' },
	'routes/units.$unitId': { loader: 'overview:read' },
	'routes/systems._index': { loader: 'inventory:read' },
	'routes/flows._index': { loader: 'inventory:read' },
	'routes/staffing._index': { loader: 'inventory:read' },
	'routes/destinations._index': { loader: 'inventory:read' },
	'routes/destinations.$id': { loader: 'inventory:write', action: 'inventory:write' },
	'routes/destinations.export': { loader: 'inventory:read' },
	'routes/destinations.import': { loader: 'inventory:write', action: 'inventory:write' },
	'routes/inventory.$table.new': { loader: 'inventory:write', action: 'inventory:write' },
	'routes/inventory.$table.$id': { loader: 'inventory:write', action: 'inventory:write' },
	'routes/inventory.$table.import': { loader: 'inventory:write', action: 'inventory:write' },
	'routes/inventory.$table.export': { loader: 'inventory:read' },
	'routes/api.$table': { loader: 'inventory:read' },
	'routes/api.destinations': { loader: 'inventory:read' },
	'routes/api.units.$unitId.exposure': { loader: 'overview:read' },
	'routes/api.portfolio': { loader: 'overview:read' },
	'routes/scenarios._index': { loader: 'scenarios:read-approved' }, // the board sees approved ones only
	'routes/scenarios.new': { loader: 'scenarios:write', action: 'scenarios:write' },
	'routes/scenarios.$id': { loader: 'scenarios:read-approved', action: 'scenarios:read' }, // then the workflow's own role rules
	'routes/scenarios.compare': { loader: 'scenarios:read-approved' },
	'routes/scenarios.inventory.$unitId': { loader: 'scenarios:write' }, // a unit's inventory for the editor
	'routes/snapshots._index': { loader: 'snapshots:read', action: ['snapshots:freeze', 'snapshots:verify'] },
	'routes/snapshots.$quarter._index': { loader: 'snapshots:read' },
	'routes/snapshots.$quarter.pack': { loader: 'snapshots:read' },
	'routes/snapshots.$quarter.pack[.pdf]': { loader: 'snapshots:read' },
	'routes/obligations._index': { loader: 'overview:read', action: 'inventory:write' }, // status changes: analysts and admins
	'routes/obligations[.csv]': { loader: 'overview:read' },
	'routes/obligations[.ics]': { loader: 'public' }, // the personal feed token is the credential (calendar clients send no cookie)
	'routes/obligations.calendar': { loader: 'overview:read', action: 'overview:read' }, // issue or revoke one's own feed token
	'routes/api.obligations': { loader: 'overview:read' },
	'routes/api.units.$unitId.forecast': { loader: 'overview:read' },
	'routes/flows.months._index': { loader: 'inventory:read', action: 'inventory:write' }, // remove one month
	'routes/flows.months.import': { loader: 'inventory:write', action: 'inventory:write' },
	'routes/flows.months.export': { loader: 'inventory:read' },
	'routes/api.flow-months': { loader: 'inventory:read', action: 'inventory:write' }, // POST text/csv imports
	'routes/admin._index': { loader: 'users:manage', action: 'users:manage' },
	'routes/admin.users.$userId': { loader: 'users:manage', action: 'users:manage' },
	'routes/admin.audit._index': { loader: 'audit:read' },
	'routes/admin.model': { loader: 'model:manage', action: 'model:manage' },
	'routes/admin.locks': { loader: 'users:manage', action: 'users:manage' },
	'routes/account': { loader: 'account:own', action: 'account:own' },
	'routes/admin.audit.export': { loader: 'audit:read' },
	'routes/admin.jobs': { loader: 'jobs:read' },
	// Background jobs: one's own (the service checks the kind's permission when one is queued, and that a job is the
	// reader's own or the reader an administrator).
	'routes/jobs._index': { loader: 'account:own', action: 'account:own' },
	'routes/jobs.$id._index': { loader: 'account:own' },
	'routes/jobs.$id.file': { loader: 'account:own' },
}
