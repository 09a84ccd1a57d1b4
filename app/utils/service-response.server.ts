// How a route answers a service's refusal: the status comes from the failure's code (never from its wording).
// A missing or forbidden record is thrown (the route's ErrorBoundary shows it); anything else goes back to the
// form as messages per field, with the values the person typed.
import { json } from '@remix-run/node'
import { type Failure, statusOf } from '#app/services/service.ts'
import { type FieldErrors } from '#models/form-errors.ts'

export function answerFailure<Extra extends object = object>(failure: Failure, extra?: Extra) {
	const status = statusOf(failure.code)
	if (failure.code === 'not_found' || failure.code === 'forbidden') throw json({ message: failure.message }, { status })
	const errors: FieldErrors = failure.fieldErrors ?? { form: [failure.message] }
	return json({ errors, ...(extra ?? ({} as Extra)) }, { status })
}
