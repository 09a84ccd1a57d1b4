// The one way forms are validated and their errors shaped (decision 012): a zod schema reads the posted
// values, and its issues become messages per field, keyed by the field's name ('form' for the form as a
// whole). Routes return them as `{ errors }` with a 400, and the form shows each beside its input.
import { type z } from 'zod'

export type FieldErrors = Record<string, string[]>

export type FormParse<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors }

/** Messages per field: the first segment of an issue's path names the field; issues without a path go to 'form'. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {}
	for (const issue of error.issues) (errors[issue.path.length ? String(issue.path[0]) : 'form'] ??= []).push(issue.message)
	return errors
}

/** Validates posted values with a schema: the parsed data, or the messages per field. */
export function parseFields<S extends z.ZodType>(schema: S, values: unknown): FormParse<z.output<S>> {
	const parsed = schema.safeParse(values)
	return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
}

/** A form's text fields as values; a name posted more than once (a group of checkboxes) is joined with ';'. */
export function formValues(form: FormData, skip: readonly string[] = ['intent']): Record<string, string> {
	const values: Record<string, string> = {}
	for (const [k, v] of form.entries()) if (typeof v === 'string' && !skip.includes(k)) values[k] = k in values ? `${values[k]};${v}` : v
	return values
}
