import { Form, useNavigation } from '@remix-run/react'
import { humanize } from '#app/utils/format.ts'
import { type FieldDef } from '#models/inventory-forms.ts'

/**
 * A form built from a table's field definitions. Each field with an error carries aria-invalid and
 * aria-errormessage pointing at the message beside it.
 */
export function InventoryForm({
	fields,
	values,
	errors,
	units,
	submitLabel,
}: {
	fields: FieldDef[]
	values: Record<string, string>
	errors: Record<string, string[] | undefined>
	units: Array<{ code: string; name: string }>
	submitLabel: string
}) {
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save'
	const formError = errors.form
	return (
		<Form method="post" noValidate className="card">
			{formError?.length ? (
				<div className="notice error" role="alert">
					{formError.join(' ')}
				</div>
			) : Object.keys(errors).length ? (
				<div className="notice error" role="alert">
					Nothing was saved: {Object.keys(errors).length === 1 ? 'one field needs' : `${Object.keys(errors).length} fields need`} attention.
				</div>
			) : null}
			<div className="form-grid">
				{fields.map(f => (
					<Field key={f.name} field={f} value={values[f.name] ?? ''} errors={errors[f.name]} units={units} />
				))}
			</div>
			<button className="primary" type="submit" name="intent" value="save" disabled={busy}>
				{busy ? 'Saving…' : submitLabel}
			</button>
		</Form>
	)
}

function Field({
	field,
	value,
	errors,
	units,
}: {
	field: FieldDef
	value: string
	errors?: string[]
	units: Array<{ code: string; name: string }>
}) {
	const id = `field-${field.name}`
	const errorId = `${id}-error`
	const helpId = `${id}-help`
	const invalid = errors?.length ? true : undefined
	const common = {
		id,
		name: field.name,
		'aria-invalid': invalid,
		'aria-errormessage': invalid ? errorId : undefined,
		'aria-describedby': field.help ? helpId : undefined,
	}
	let input
	switch (field.kind) {
		case 'select':
			input = (
				<select {...common} defaultValue={value}>
					{field.optional ? (
						<option value="">{field.empty === 'none' ? 'None' : 'Not determined'}</option>
					) : value === '' ? (
						<option value="">Choose…</option>
					) : null}
					{field.options!.map(o => (
						<option key={o} value={o}>
							{humanize(o)}
						</option>
					))}
				</select>
			)
			break
		case 'unit':
			input = (
				<select {...common} defaultValue={value}>
					{value === '' ? <option value="">Choose a unit…</option> : null}
					{units.map(u => (
						<option key={u.code} value={u.code}>
							{u.name} ({u.code})
						</option>
					))}
				</select>
			)
			break
		case 'yesno':
			input = (
				<select {...common} defaultValue={value || 'no'}>
					<option value="no">No</option>
					<option value="yes">Yes</option>
				</select>
			)
			break
		case 'mlps':
			input = (
				<select {...common} defaultValue={value}>
					<option value="">Not yet graded</option>
					{['1', '2', '3', '4', '5'].map(l => (
						<option key={l} value={l}>
							Level {l}
						</option>
					))}
				</select>
			)
			break
		case 'technologies':
			return (
				<fieldset className="field" aria-invalid={invalid} aria-errormessage={invalid ? errorId : undefined}>
					<legend>{field.label}</legend>
					{field.options!.map(o => (
						<label key={o} className="checkbox">
							<input type="checkbox" name={field.name} value={o} defaultChecked={value.split(/[;,]/).includes(o)} /> {humanize(o)}
						</label>
					))}
					{invalid ? (
						<div className="field-error" id={errorId}>
							{errors!.join(' ')}
						</div>
					) : null}
				</fieldset>
			)
		case 'date':
			input = <input {...common} type="date" defaultValue={value} />
			break
		case 'integer':
			input = <input {...common} inputMode="numeric" defaultValue={value} autoComplete="off" />
			break
		default:
			input = <input {...common} defaultValue={value} autoComplete="off" />
	}
	return (
		<div className="field">
			<label htmlFor={id}>
				{field.label}
				{field.optional ? <span className="muted"> (optional)</span> : null}
			</label>
			{input}
			{field.help ? (
				<div className="muted small" id={helpId}>
					{field.help}
				</div>
			) : null}
			{invalid ? (
				<div className="field-error" id={errorId}>
					{errors!.join(' ')}
				</div>
			) : null}
		</div>
	)
}
