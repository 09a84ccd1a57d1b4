import { json } from '@remix-run/node'
import { setDutyStatus } from '#app/services/obligations.server.ts'
import { statusOf } from '#app/services/service.ts'
import { type User } from '#models/domain.ts'
import { DUTY_STATUSES, type DutyStatusValue } from '#models/obligations/types.ts'
import { getDb } from './db.server.ts'
import { requestIdOf } from './request.server.ts'

/** The status form (the register page and the unit page share it): parse, call the service, answer. */
export async function handleStatusForm(request: Request, user: User) {
	const form = await request.formData()
	const text = (k: string) => {
		const v = form.get(k)
		return typeof v === 'string' && v.trim() ? v.trim() : null
	}
	const key = text('dutyKey') ?? ''
	const status = text('status')
	const unitId = Number(text('unitId'))
	const expectedVersion = Number(text('expectedVersion'))
	if (
		form.get('intent') !== 'status' ||
		!key ||
		!DUTY_STATUSES.includes(status as DutyStatusValue) ||
		!Number.isSafeInteger(unitId) ||
		!Number.isSafeInteger(expectedVersion)
	)
		return json(
			{ key, message: 'The form is incomplete (intent, dutyKey, unitId, status, expectedVersion): reload the page.' },
			{ status: 400 },
		)
	const result = await setDutyStatus(
		getDb(),
		user,
		{ requestId: requestIdOf(request) },
		{
			dutyKey: key,
			unitId,
			status: status as DutyStatusValue,
			owner: text('owner'),
			evidenceRef: text('evidenceRef'),
			evidenceOn: text('evidenceOn'),
			reason: text('reason'),
			expectedVersion,
		},
	)
	if (!result.ok) return json({ key, message: result.message, fieldErrors: result.fieldErrors }, { status: statusOf(result.code) })
	return json({ key, message: null, saved: true })
}
