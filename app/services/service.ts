// The shape every use case in app/services shares: `(db, actor, context, input) -> ServiceResult`.
// A service owns its transaction, its audit entry (with the request id), its state checks (conditional writes)
// and what it invalidates. Routes parse, call one service and answer; they choose the HTTP status from `code`,
// never from a message's wording.
import { type CsvCellError } from '#models/csv-import.ts'
import { type User } from '#models/domain.ts'

/** Who acts. A signed-in user (the audit log records id and email). */
export type Actor = Pick<User, 'id' | 'email' | 'role'>

/** What the request adds: its id (written with every audit entry) and the clock (tests pass a fixed one). */
export interface ServiceContext {
	requestId: string | null
	now?: Date
}

/** Why a use case refused. Each maps to one HTTP status (`statusOf`). */
export type FailureCode = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'too_many' | 'unavailable'

export interface Failure {
	ok: false
	code: FailureCode
	/** A sentence for the person: what is wrong and what to do. */
	message: string
	/** Per-field messages (form field name -> messages), for `invalid`. */
	fieldErrors?: Record<string, string[]>
	/** Per-cell messages (line and column), for an import's `invalid` or `too_large`. */
	cellErrors?: CsvCellError[]
	/** For `too_many` and `unavailable`: when to try again (the Retry-After header). */
	retryAfterSeconds?: number
}

export type ServiceResult<T> = { ok: true; value: T } | Failure

export const ok = <T>(value: T): ServiceResult<T> => ({ ok: true, value })
export const fail = (code: FailureCode, message: string, fieldErrors?: Record<string, string[]>): Failure => ({
	ok: false,
	code,
	message,
	...(fieldErrors ? { fieldErrors } : {}),
})

/** A refused import: every problem by line and column (the first one is the message). */
export const failCells = (code: FailureCode, cellErrors: CsvCellError[]): Failure => ({
	ok: false,
	code,
	message: cellErrors[0]?.message ?? 'The file could not be imported.',
	cellErrors,
})

const STATUS: Record<FailureCode, number> = {
	invalid: 400,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	too_large: 413,
	too_many: 429,
	unavailable: 503,
}
export const statusOf = (code: FailureCode) => STATUS[code]
