import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { BandBadge } from '#app/components/band.tsx'
import { AdminPageHead } from '#app/components/admin-page-head.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TableScroll } from '#app/components/table-scroll.tsx'
import { activateModelVersion, draftModelVersion } from '#app/services/model-versions.server.ts'
import { statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getScoredPortfolio } from '#app/utils/exposure.server.ts'
import { BAND_LABELS, DIMENSION_LABELS } from '#app/utils/labels.ts'
import { requestIdOf } from '#app/utils/request.server.ts'
import { findModelVersionById, listModelVersions } from '#db/repositories/model-versions.ts'
import { parseModelSettings, scorePortfolio } from '#models/exposure/index.ts'
import { type ModelSettings } from '#models/exposure/settings.ts'
import { DIMENSIONS, RATED_BANDS } from '#models/exposure/types.ts'
import { overallBandChanges, parseModelDraft } from '#models/model-draft.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request, 'model:manage')
	const db = getDb()
	const [versions, scored] = await Promise.all([listModelVersions(db), getScoredPortfolio(db)])
	const draftId = Number(new URL(request.url).searchParams.get('preview'))
	const draft = draftId ? versions.find(v => v.id === draftId && !v.activatedAt) : undefined
	let preview = null
	if (draft) {
		const parsed = parseModelSettings(draft.settings)
		if (!parsed.ok) throw json({ message: `Draft ${draft.label} is not a valid model: ${parsed.errors.join('; ')}` }, { status: 422 })
		const exposure = scorePortfolio(scored.portfolio, parsed.value, scored.exposure.asOf)
		preview = {
			id: draft.id,
			label: draft.label,
			settings: parsed.value,
			units: exposure.units.length,
			changes: overallBandChanges(scored.exposure, exposure),
		}
	}
	return json({
		active: scored.model,
		versions: versions.map(v => ({ id: v.id, label: v.label, isActive: v.isActive, createdAt: v.createdAt, activatedAt: v.activatedAt })),
		preview,
	})
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUser(request, 'model:manage')
	const db = getDb()
	const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]))
	const context = { requestId: requestIdOf(request) }
	if (form.intent === 'draft') {
		const base = await findModelVersionById(db, Number(form.basedOn))
		const baseSettings = base && parseModelSettings(base.settings)
		if (!base || !baseSettings?.ok)
			return json({ message: 'The version this draft starts from is gone; reload the page.', fieldErrors: {} }, { status: 409 })
		const parsed = parseModelDraft(baseSettings.value, form)
		if (!parsed.ok)
			return json({ message: 'The draft was not saved: see the fields marked below.', fieldErrors: parsed.fieldErrors }, { status: 400 })
		const result = await draftModelVersion(db, actor, context, { ...parsed.value, basedOn: base.id })
		if (!result.ok) return json({ message: result.message, fieldErrors: result.fieldErrors ?? {} }, { status: statusOf(result.code) })
		return redirect(`/admin/model?preview=${result.value.id}#preview`)
	}
	if (form.intent === 'activate') {
		const result = await activateModelVersion(db, actor, context, { id: Number(form.id), expectedActiveId: Number(form.expectedActiveId) })
		if (!result.ok) return json({ message: result.message, fieldErrors: {} }, { status: statusOf(result.code) })
		return redirect('/admin/model?activated=1')
	}
	return json({ message: 'Unknown action.', fieldErrors: {} }, { status: 400 })
}

export default function ModelRoute() {
	const { active, versions, preview } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<>
			<AdminPageHead title="Scoring model">
				<p>
					Active version <strong>{active.label}</strong>. A new version starts as a draft: see its effect on the portfolio, then activate
					it. Frozen quarters keep the version they were scored under.
				</p>
			</AdminPageHead>
			{actionData?.message ? (
				<p className="notice error" role="alert">
					{actionData.message}
				</p>
			) : null}
			{preview ? <Preview preview={preview} active={active} /> : null}
			<div className="two-col">
				<section className="card" aria-labelledby="active-h">
					<h2 id="active-h">Active: {active.label}</h2>
					<Settings settings={active.settings} />
				</section>
				<section className="card" aria-labelledby="versions-h">
					<h2 id="versions-h">Versions</h2>
					<TableScroll label="Model versions">
						<table className="compact">
							<thead>
								<tr>
									<th scope="col">Version</th>
									<th scope="col">State</th>
									<th scope="col">Drafted (UTC)</th>
									<th scope="col">Activated (UTC)</th>
								</tr>
							</thead>
							<tbody>
								{versions.map(v => (
									<tr key={v.id}>
										<th scope="row">{v.activatedAt ? v.label : <Link to={`?preview=${v.id}#preview`}>{v.label}</Link>}</th>
										<td>{v.isActive ? 'Active' : v.activatedAt ? 'Replaced' : 'Draft (open to preview)'}</td>
										<td className="nowrap">{v.createdAt}</td>
										<td className="nowrap">{v.activatedAt ?? '—'}</td>
									</tr>
								))}
							</tbody>
						</table>
					</TableScroll>
				</section>
			</div>
			<DraftForm active={active} fieldErrors={actionData?.fieldErrors ?? {}} />
		</>
	)
}

type Active = { id: number; label: string; settings: ModelSettings }
type PreviewData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['preview']>

function Preview({ preview, active }: { preview: PreviewData; active: Active }) {
	const navigation = useNavigation()
	return (
		<section className="card" id="preview" aria-labelledby="preview-h">
			<h2 id="preview-h">
				Effect of draft {preview.label} against {active.label}
			</h2>
			<p>
				{preview.changes.length
					? `${preview.changes.length} of ${preview.units} units change overall band.`
					: `No unit changes overall band (${preview.units} units scored).`}
			</p>
			{preview.changes.length ? (
				<TableScroll label="Units whose band changes">
					<table className="compact">
						<thead>
							<tr>
								<th scope="col">Business unit</th>
								<th scope="col">Now ({active.label})</th>
								<th scope="col">With {preview.label}</th>
							</tr>
						</thead>
						<tbody>
							{preview.changes.map(c => (
								<tr key={c.unitId}>
									<th scope="row">
										<Link to={`/units/${c.unitId}`}>{c.unitName}</Link>
									</th>
									<td>
										<BandBadge band={c.before.band} score={c.before.score} />
									</td>
									<td>
										<BandBadge band={c.after.band} score={c.after.score} />
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			) : null}
			<details>
				<summary>Settings of {preview.label}</summary>
				<Settings settings={preview.settings} />
			</details>
			<Form method="post" className="actions">
				<input type="hidden" name="intent" value="activate" />
				<input type="hidden" name="id" value={preview.id} />
				<input type="hidden" name="expectedActiveId" value={active.id} />
				<button type="submit" className="primary" disabled={navigation.state !== 'idle'}>
					Activate {preview.label}
				</button>
				<span className="muted small">Scores from now on use {preview.label}; the change is in the audit log.</span>
			</Form>
		</section>
	)
}

function Settings({ settings }: { settings: ModelSettings }) {
	return (
		<>
			<h3>Dimension weights</h3>
			<table className="compact">
				<tbody>
					{DIMENSIONS.map(d => (
						<tr key={d}>
							<th scope="row">{DIMENSION_LABELS[d]}</th>
							<td className="num">{settings.dimensionWeights[d]}</td>
						</tr>
					))}
				</tbody>
			</table>
			<h3>Overall bands</h3>
			<p>
				Medium from {settings.overallBands.medium}, high from {settings.overallBands.high}, critical from {settings.overallBands.critical}{' '}
				(of 25). Penalty tier: {settings.penalties.tier === 'maximum' ? 'maximum (the serious tier)' : 'base'}.
			</p>
			<h3>Risk matrix</h3>
			<TableScroll label="Risk matrix: band by likelihood and impact">
				<table className="compact model-matrix">
					<thead>
						<tr>
							<th scope="col">Likelihood \ impact</th>
							{[1, 2, 3, 4, 5].map(i => (
								<th key={i} scope="col">
									{i}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{[5, 4, 3, 2, 1].map(l => (
							<tr key={l}>
								<th scope="row">{l}</th>
								{[1, 2, 3, 4, 5].map(i => (
									<td key={i}>
										<BandBadge band={settings.riskMatrix[l - 1]![i - 1]!} />
									</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
			</TableScroll>
		</>
	)
}

function DraftForm({ active, fieldErrors }: { active: Active; fieldErrors: Record<string, string[]> }) {
	const s = active.settings
	const navigation = useNavigation()
	const error = (name: string) =>
		fieldErrors[name]?.length ? (
			<p className="field-error" id={`${name}-error`}>
				{fieldErrors[name]!.join(' ')}
			</p>
		) : null
	const invalid = (name: string) => (fieldErrors[name]?.length ? { 'aria-invalid': true, 'aria-errormessage': `${name}-error` } : {})
	return (
		<section className="card" aria-labelledby="draft-h">
			<h2 id="draft-h">Draft a new version</h2>
			<p className="muted">Starts from {active.label}; other settings (rule levels, thresholds) are carried over unchanged.</p>
			<Form method="post">
				<input type="hidden" name="intent" value="draft" />
				<input type="hidden" name="basedOn" value={active.id} />
				<div className="form-grid">
					<div className="field">
						<label htmlFor="label">Version name</label>
						<input id="label" name="label" required placeholder="e.g. 2027.1" {...invalid('label')} />
						{error('label')}
					</div>
					<div className="field">
						<label htmlFor="penaltyTier">Penalty tier</label>
						<select id="penaltyTier" name="penaltyTier" defaultValue={s.penalties.tier}>
							<option value="maximum">Maximum (the serious tier)</option>
							<option value="base">Base</option>
						</select>
						{error('penaltyTier')}
					</div>
				</div>
				<fieldset className="field">
					<legend>Dimension weights (0 to 1)</legend>
					<div className="form-grid">
						{DIMENSIONS.map(d => (
							<div key={d}>
								<label htmlFor={`weight.${d}`}>{DIMENSION_LABELS[d]}</label>
								<input
									id={`weight.${d}`}
									name={`weight.${d}`}
									type="number"
									step="0.05"
									min="0"
									max="1"
									defaultValue={s.dimensionWeights[d]}
									{...invalid(`weight.${d}`)}
								/>
								{error(`weight.${d}`)}
							</div>
						))}
					</div>
				</fieldset>
				<fieldset className="field">
					<legend>Overall band thresholds (lowest score of each band, of 25)</legend>
					<div className="form-grid">
						{(['medium', 'high', 'critical'] as const).map(b => (
							<div key={b}>
								<label htmlFor={`band.${b}`}>{BAND_LABELS[b]} from</label>
								<input
									id={`band.${b}`}
									name={`band.${b}`}
									type="number"
									step="0.5"
									min="0.1"
									max="25"
									defaultValue={s.overallBands[b]}
									{...invalid(`band.${b}`)}
								/>
								{error(`band.${b}`)}
							</div>
						))}
					</div>
				</fieldset>
				<fieldset className="field">
					<legend>Risk matrix (band of each likelihood and impact)</legend>
					{error('matrix')}
					<TableScroll label="Risk matrix of the draft">
						<table className="compact model-matrix">
							<thead>
								<tr>
									<th scope="col">Likelihood \ impact</th>
									{[1, 2, 3, 4, 5].map(i => (
										<th key={i} scope="col">
											{i}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{[5, 4, 3, 2, 1].map(l => (
									<tr key={l}>
										<th scope="row">{l}</th>
										{[1, 2, 3, 4, 5].map(i => (
											<td key={i}>
												<select
													name={`matrix.${l}.${i}`}
													aria-label={`Likelihood ${l}, impact ${i}`}
													defaultValue={s.riskMatrix[l - 1]![i - 1]}
												>
													{RATED_BANDS.map(b => (
														<option key={b} value={b}>
															{BAND_LABELS[b]}
														</option>
													))}
												</select>
											</td>
										))}
									</tr>
								))}
							</tbody>
						</table>
					</TableScroll>
				</fieldset>
				<button type="submit" className="primary" disabled={navigation.state !== 'idle'}>
					Save draft and preview its effect
				</button>
			</Form>
		</section>
	)
}

export const meta: MetaFunction = () => [{ title: 'Scoring model · China Exposure' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
