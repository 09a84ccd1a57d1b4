import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useBeforeUnload, useBlocker, useFetcher, useLoaderData, useNavigation } from '@remix-run/react'
import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ScenarioResults } from '#app/components/scenario-results.tsx'
import { changeScenarioStatus, deleteScenarioDraft, saveScenario } from '#app/services/scenarios.server.ts'
import { type Failure, statusOf } from '#app/services/service.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatInt, formatUsd, humanize } from '#app/utils/format.ts'
import { editorData, loadScenarioContext, requireScenarioId, requireVisibleScenario } from '#app/utils/scenario.server.ts'
import { requestIdOf } from '#app/utils/request.server.ts'
import { latestScenarioRecord } from '#db/repositories/scenario-records.ts'
import { DATA_HANDLING, type ScenarioAssumptions, type UnitInventory } from '#models/domain.ts'
import { parseScenarioDraft, type ScenarioAction, type ScenarioDraftInput, scenarioTransition } from '#models/scenario-form.ts'
import { upcomingQuarters } from '#models/quarter.ts'
import { changesSince, headlineOf } from '#models/scenario/record.ts'
import {
	runScenario,
	type ScenarioContext,
	scenarioUnitIds,
	simulateScenario,
	validateScenario,
	withUnits,
} from '#models/scenario/index.ts'
import { type loader as unitInventoryLoader } from './scenarios.inventory.$unitId.tsx'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request, 'scenarios:read-approved')
	const id = requireScenarioId(params.id)
	const db = getDb()
	const scenario = await requireVisibleScenario(db, user, id)
	const { ctx, key, modelLabel, wages } = await loadScenarioContext(db)
	const editable = scenarioTransition(user.role, scenario.status, 'save').ok
	// A proposed or decided scenario is read from its frozen record; the live recomputation shows beside it when the
	// inventory changed since, never instead of it.
	const record = editable ? undefined : await latestScenarioRecord(db, id, RECORD_OF[scenario.status])
	const draft = record
		? { assumptions: record.content.scenario.assumptions, moves: record.content.scenario.moves }
		: { assumptions: scenario.assumptions, moves: scenario.moves }
	const result = runScenario(draft, ctx)
	const uncertainty = simulateScenario(draft, ctx, { runs: 1_000, seed: 1 })
	const changes = record ? changesSince(record.content, { ctx, modelVersion: modelLabel, headline: headlineOf(result, uncertainty) }) : []
	return json({
		scenario,
		result: record ? record.content.result : result,
		uncertainty: record ? record.content.uncertainty : uncertainty,
		frozen: record
			? {
					event: record.event,
					at: record.content.at,
					by: record.content.actor.email,
					comment: record.content.comment,
					hash: record.contentHash,
					verified: record.verified,
					modelVersion: record.content.inputs.modelVersion,
					headline: record.content.headline,
					changes,
				}
			: null,
		live: record && changes.length ? headlineOf(result, uncertainty) : null,
		editable,
		userId: user.id,
		actions: (['propose', 'withdraw', 'approve', 'reject', 'delete'] as const).filter(
			a => scenarioTransition(user.role, scenario.status, a).ok,
		),
		// Only an editor gets inventory, and only what the browser needs to recompute; readers get the server's results.
		editor: editable ? editorData(ctx, draft, key) : null,
		destinations: ctx.destinations.map(d => ({
			id: d.id,
			label: `${d.city} (${d.country}${d.isMainlandChina ? ', mainland China' : ''})`,
		})),
		quarters: upcomingQuarters(ctx.asOf, 12),
		// The average wages behind the severance cap, with source and year (the results show its lines' cities).
		wages,
	})
}

/** Which record a status is read from. */
const RECORD_OF = { draft: undefined, proposed: ['proposed'], approved: ['approved'], rejected: ['rejected'] } as const

type ActionErrors = { errors: Array<{ path: string; message: string }>; conflict?: boolean; saved?: boolean; version?: number }
const failed = (f: Failure) =>
	json<ActionErrors>(
		{
			errors: [
				{ path: 'intent', message: f.message },
				...Object.entries(f.fieldErrors ?? {}).flatMap(([path, ms]) => ms.map(message => ({ path, message }))),
			],
			conflict: f.code === 'conflict',
		},
		{ status: statusOf(f.code) },
	)

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request, 'scenarios:read')
	const id = requireScenarioId(params.id)
	const form = await request.formData()
	const intent = String(form.get('intent') ?? '') as ScenarioAction
	if (!['save', 'propose', 'withdraw', 'approve', 'reject', 'delete'].includes(intent))
		return json<ActionErrors>({ errors: [{ path: 'intent', message: `Unknown action "${intent.slice(0, 40)}".` }] }, { status: 400 })
	const version = Number(form.get('version'))
	if (!Number.isSafeInteger(version) || version < 1)
		return json<ActionErrors>(
			{ errors: [{ path: 'version', message: 'The form did not say which version of the scenario it edits; reload the page.' }] },
			{ status: 400 },
		)
	const db = getDb()
	const context = { requestId: requestIdOf(request) }
	if (intent === 'save') {
		const parsed = parseScenarioDraft(form.get('draft'))
		if (!parsed.ok) return json<ActionErrors>({ errors: parsed.errors }, { status: 400 })
		const saved = await saveScenario(db, user, context, { id, version, draft: parsed.value })
		return saved.ok ? json<ActionErrors>({ errors: [], saved: true, version: saved.value.version }) : failed(saved)
	}
	if (intent === 'delete') {
		const deleted = await deleteScenarioDraft(db, user, context, { id, version })
		return deleted.ok ? redirect('/scenarios') : failed(deleted)
	}
	const changed = await changeScenarioStatus(db, user, context, { id, version, action: intent, comment: String(form.get('comment') ?? '') })
	return changed.ok ? redirect(`/scenarios/${id}`) : failed(changed)
}

type Draft = ScenarioDraftInput
/** A move as the editor holds it: the draft's fields, a stable row key, the unit chosen and the text of the unit box. */
/** `destinationId`: a city's id, null for a cut, undefined for a new move whose destination is not chosen yet. */
type EditorMove = Omit<Draft['moves'][number], 'destinationId'> & {
	destinationId: number | null | undefined
	row: number
	unitId: number | null
	unitText: string
}
type EditorDraft = Omit<Draft, 'moves'> & { moves: EditorMove[] }
type UnitChoice = { id: number; code: string; name: string; city: string }
type InventoryAnswer = { error: string } | { unit: UnitInventory; key: string }

const unitLabel = (u: UnitChoice) => `${u.name} · ${u.code} · ${u.city}`
const lineLabel = (l: UnitInventory['staffing'][number]) => `${l.code} · ${humanize(l.function)} · ${l.city} (${formatInt(l.headcount)})`
const moveIndexOf = (path: string) => Number(/^moves\.(\d+)/.exec(path)?.[1] ?? -1)
// A move without a chosen destination goes as it is (no destinationId): the engine leaves it out and the save refuses it.
const toDraft = (d: EditorDraft): Draft => ({
	...d,
	moves: d.moves.map(({ row: _row, unitId: _unitId, unitText: _text, ...m }) => m as Draft['moves'][number]),
})
const MOVE_FIELDS: Record<string, string> = {
	staffingLineId: 'staffing line',
	headcount: 'people',
	destinationId: 'destination',
	startQuarter: 'start quarter',
	dataHandling: 'data handling',
}
/** 'moves.3.destinationId' -> 'Move 4: destination' (the field's label in the editor); other paths humanised. */
const pathLabel = (path: string) => {
	const m = /^moves\.(\d+)\.(\w+)/.exec(path)
	return m ? `Move ${Number(m[1]) + 1}: ${MOVE_FIELDS[m[2]!] ?? humanize(m[2]!)}` : humanize(path.replace(/\./g, ' '))
}

export default function ScenarioRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>() as ActionErrors | undefined
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const { scenario, editor } = data
	// The inventory the browser holds: the units the scenario reads, then each unit the analyst picks, fetched on demand.
	const [ctx, setCtx] = useState(() => (editor?.ctx ?? null) as ScenarioContext | null)
	const units = useMemo(() => {
		const list = (editor?.units ?? []) as UnitChoice[]
		const byText = new Map<string, UnitChoice>()
		for (const u of list) byText.set(u.code.toLowerCase(), u).set(unitLabel(u).toLowerCase(), u)
		return { list, byId: new Map(list.map(u => [u.id, u])), byText }
	}, [editor])
	const held = useMemo(() => new Map(ctx?.portfolio.units.map(u => [u.unit.id, u])), [ctx])
	const [draft, setDraft] = useState<EditorDraft>(() => {
		const unitOfLine = new Map(ctx?.portfolio.units.flatMap(u => u.staffing.map(l => [l.id, u.unit.id] as const)))
		return {
			name: scenario.name,
			description: scenario.description,
			assumptions: scenario.assumptions,
			moves: scenario.moves.map(({ id: _id, ...m }, row) => {
				const unitId = unitOfLine.get(m.staffingLineId) ?? null
				const unit = unitId === null ? undefined : units.byId.get(unitId)
				return { ...m, row, unitId, unitText: unit ? unitLabel(unit) : '' }
			}),
		}
	})
	const nextRow = useRef(scenario.moves.length)
	const [addedRow, setAddedRow] = useState<number | null>(null)
	const [dirty, setDirty] = useState(false)
	// The version the edits rest on: the loaded one, or that of edits kept from before (an expired session, a reload).
	const [baseVersion, setBaseVersion] = useState(scenario.version)
	const [restoredAt, setRestoredAt] = useState<string | null>(null)
	const [generation, setGeneration] = useState(0) // remounts the inputs that hold their own text, after a restore
	const storageKey = `scenario-edits:${scenario.id}`
	useEffect(() => {
		if (!data.editable) return
		const kept = readKeptEdits(storageKey, data.userId)
		if (!kept) return
		nextRow.current = Math.max(nextRow.current, ...kept.draft.moves.map(m => m.row + 1))
		// A transition: the page may still be hydrating its lazy charts, which an urgent update would throw away.
		startTransition(() => {
			setDraft(kept.draft)
			setBaseVersion(kept.version)
			setRestoredAt(kept.at)
			setDirty(true)
			setGeneration(g => g + 1)
		})
	}, [storageKey, data.editable, data.userId])
	// Unsaved edits are kept in this tab while they are unsaved: a save that meets an expired session comes back here.
	useEffect(() => {
		if (dirty) keepEdits(storageKey, { userId: data.userId, version: baseVersion, at: new Date().toISOString(), draft })
	}, [dirty, draft, baseVersion, storageKey, data.userId])
	useEffect(() => {
		if (!actionData?.saved || !actionData.version) return
		sessionStorage.removeItem(storageKey)
		setBaseVersion(actionData.version)
		setRestoredAt(null)
		setDirty(false)
	}, [actionData, storageKey])
	const discardEdits = () => {
		sessionStorage.removeItem(storageKey)
		window.location.reload()
	}
	const [confirmDelete, setConfirmDelete] = useState(false)
	const update = (change: (d: EditorDraft) => EditorDraft) => {
		setDraft(d => change(d))
		setDirty(true)
	}
	const [failed, setFailed] = useState<Map<number, string>>(new Map())
	const [stale, setStale] = useState(false)
	// The units this draft needs that the browser does not hold yet: those its rows name, and those a cut changes.
	const missing = useMemo(() => {
		if (!ctx) return []
		const wanted = new Set([...scenarioUnitIds(toDraft(draft), ctx), ...draft.moves.flatMap(m => (m.unitId === null ? [] : [m.unitId]))])
		return [...wanted].filter(id => !held.has(id) && !failed.has(id))
	}, [ctx, held, draft, failed])
	const receive = useCallback(
		(unitId: number, answer: InventoryAnswer) => {
			if ('error' in answer) return setFailed(f => new Map(f).set(unitId, answer.error))
			if (answer.key !== editor?.key) setStale(true)
			setCtx(c => c && withUnits(c, [answer.unit]))
			const first = answer.unit.staffing[0]
			if (first)
				setDraft(d => ({
					...d,
					moves: d.moves.map(m => (m.unitId === unitId && m.staffingLineId === 0 ? { ...m, staffingLineId: first.id } : m)),
				}))
		},
		[editor?.key],
	)
	useUnitInventories(missing, receive)
	// The browser reruns the same engine the server used, on every change; it scores only the units a move changes.
	const live = useMemo(() => {
		if (!ctx || !dirty) return null
		performance.mark('scenario-recompute-start')
		const result = runScenario(toDraft(draft), ctx)
		performance.mark('scenario-recompute-end')
		performance.measure('scenario-recompute', 'scenario-recompute-start', 'scenario-recompute-end')
		return result
	}, [ctx, draft, dirty])
	// The Monte Carlo bands follow a moment later; until then they are marked as pending.
	const deferred = useDeferredValue(draft)
	const [simulated, setSimulated] = useState({ draft: null as EditorDraft | null, ctx, uncertainty: data.uncertainty })
	useEffect(() => {
		if (!ctx || !dirty) return
		const t = setTimeout(
			() => setSimulated({ draft: deferred, ctx, uncertainty: simulateScenario(toDraft(deferred), ctx, { runs: 1_000, seed: 1 }) }),
			300,
		)
		return () => clearTimeout(t)
	}, [ctx, deferred, dirty])
	const { uncertainty } = simulated
	const bandsPending = dirty && (simulated.draft !== draft || simulated.ctx !== ctx)
	const issues = useMemo(() => (ctx ? validateScenario(toDraft(draft), ctx) : []), [ctx, draft])
	const serverErrors = actionData?.errors ?? []
	// Rows whose unit is still on its way: their moves are left out until it arrives, and say so instead of an error.
	const waiting = new Set(draft.moves.flatMap((m, i) => (m.unitId !== null && !held.has(m.unitId) && !failed.has(m.unitId) ? [i] : [])))
	const computed = (live ?? data.result) as typeof data.result
	const result = waiting.size ? { ...computed, issues: computed.issues.filter(x => !waiting.has(moveIndexOf(x.path))) } : computed
	const status = missing.length
		? `Loading the inventory of ${missing.map(id => units.byId.get(id)?.name ?? `unit ${id}`).join(', ')}…`
		: failed.size
			? `Could not load ${[...failed].map(([id, why]) => `${units.byId.get(id)?.name ?? `unit ${id}`} (${why})`).join(', ')}.`
			: stale
				? 'The inventory or the scoring model changed since this page was loaded: reload the page before relying on these figures.'
				: ''

	const chooseUnit = (i: number, text: string) => {
		const unit = units.byText.get(text.trim().toLowerCase())
		if (!unit || unit.id === draft.moves[i]!.unitId) {
			setDraft(d => ({ ...d, moves: d.moves.map((x, k) => (k === i ? { ...x, unitText: unit ? unitLabel(unit) : text } : x)) }))
			return
		}
		const first = held.get(unit.id)?.staffing[0]
		update(d => ({
			...d,
			moves: d.moves.map((x, k) => (k === i ? { ...x, unitId: unit.id, unitText: unitLabel(unit), staffingLineId: first?.id ?? 0 } : x)),
		}))
	}
	const addMove = () => {
		const unitId = draft.moves.at(-1)?.unitId ?? null
		const unit = unitId === null ? undefined : units.byId.get(unitId)
		const line = unitId === null ? undefined : held.get(unitId)?.staffing[0]
		const row = nextRow.current++
		setAddedRow(row)
		update(d => ({
			...d,
			moves: [
				...d.moves,
				{
					row,
					unitId,
					unitText: unit ? unitLabel(unit) : '',
					staffingLineId: line?.id ?? 0,
					headcount: Math.min(10, line?.headcount ?? 10),
					destinationId: undefined, // none until the analyst picks a city or "Cut"
					startQuarter: data.quarters[1] ?? data.quarters[0]!,
					dataHandling: 'remote_access',
				},
			],
		}))
	}

	return (
		<>
			<p className="no-print small">
				<Link to="/scenarios">← Scenarios</Link>
			</p>
			<div className="page-head">
				<div>
					<h1>{scenario.name}</h1>
					<p>
						<span className={`status status-${scenario.status}`}>{humanize(scenario.status)}</span> · updated{' '}
						{formatDate(scenario.updatedAt)}
						{scenario.decidedAt ? ` · decided ${formatDate(scenario.decidedAt)}` : ''}
					</p>
					{scenario.decisionComment ? <p className="small">Decision: “{scenario.decisionComment}”</p> : null}
				</div>
			</div>
			{scenario.description && !data.editable ? <p>{scenario.description}</p> : null}
			{data.frozen ? (
				<FrozenRecord frozen={data.frozen} live={data.live} />
			) : !data.editable && scenario.status !== 'draft' ? (
				<NoRecord status={scenario.status} />
			) : null}

			{serverErrors.length ? (
				<div className="notice error" role="alert">
					<strong>Not saved:</strong>
					<ul>
						{serverErrors.map((e, i) => (
							<li key={i}>
								{e.path && e.path !== 'intent' && e.path !== 'comment' ? `${pathLabel(e.path)}: ` : ''}
								{e.message}
							</li>
						))}
					</ul>
				</div>
			) : null}
			{restoredAt && dirty ? (
				<div className="notice" role="status">
					Your unsaved edits from {formatDate(restoredAt)} {new Date(restoredAt).toISOString().slice(11, 16)} UTC are back; save them when
					ready.{' '}
					<button type="button" onClick={discardEdits}>
						Discard these edits
					</button>
				</div>
			) : null}
			{actionData?.saved && !dirty ? (
				<p className="notice ok" role="status">
					Saved.
				</p>
			) : null}

			{data.editable ? <LeaveGuard dirty={dirty} onLeave={() => sessionStorage.removeItem(storageKey)} /> : null}
			{data.editable && ctx ? (
				<Form method="post" className="editor no-print" key={generation}>
					<fieldset>
						<legend>Scenario</legend>
						<div className="form-grid">
							<div className="field">
								<label htmlFor="s-name">Name</label>
								<input id="s-name" value={draft.name} onChange={e => update(d => ({ ...d, name: e.target.value }))} />
							</div>
							<div className="field">
								<label htmlFor="s-description">Description</label>
								<input id="s-description" value={draft.description} onChange={e => update(d => ({ ...d, description: e.target.value }))} />
							</div>
						</div>
					</fieldset>
					<Assumptions value={draft.assumptions} onChange={a => update(d => ({ ...d, assumptions: a }))} />
					<fieldset>
						<legend>Moves</legend>
						<datalist id="scenario-units">
							{units.list.map(u => (
								<option key={u.id} value={unitLabel(u)} />
							))}
						</datalist>
						<table className="moves compact">
							<thead>
								<tr>
									<th scope="col" className="line-col">
										Unit (type a name, code or city), then staffing line
									</th>
									<th scope="col">People</th>
									<th scope="col">Destination</th>
									<th scope="col">Start</th>
									<th scope="col">The data the roles use</th>
									<th scope="col">
										<span className="sr-only">Remove</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{draft.moves.map((m, i) => {
									const pending = waiting.has(i)
									const rowIssues = pending ? [] : issues.filter(x => x.path.startsWith(`moves.${i}.`) || x.path === `moves.${i}`)
									const set = (patch: Partial<Draft['moves'][number]>) =>
										update(d => ({ ...d, moves: d.moves.map((x, k) => (k === i ? { ...x, ...patch } : x)) }))
									const unit = m.unitId === null ? undefined : held.get(m.unitId)
									const lines = unit?.staffing ?? []
									const placeholder = pending
										? 'Loading its staffing lines…'
										: m.unitId !== null && failed.has(m.unitId)
											? 'Could not load this unit'
											: m.staffingLineId > 0 && !lines.some(l => l.id === m.staffingLineId)
												? `Line ${m.staffingLineId} (not in the inventory)`
												: unit
													? 'This unit has no staffing lines'
													: 'Choose a unit first'
									return (
										<tr key={m.row}>
											<td className="line-col">
												<input
													list="scenario-units"
													aria-label={`Move ${i + 1}: unit`}
													placeholder="Type a unit's name, code or city"
													autoComplete="off"
													autoFocus={m.row === addedRow}
													value={m.unitText}
													onChange={e => chooseUnit(i, e.target.value)}
													onBlur={() => {
														const chosen = m.unitId === null ? undefined : units.byId.get(m.unitId)
														chooseUnit(i, chosen ? unitLabel(chosen) : '')
													}}
												/>
												<select
													aria-label={`Move ${i + 1}: staffing line`}
													aria-busy={pending || undefined}
													value={m.staffingLineId}
													disabled={lines.length === 0}
													onChange={e => set({ staffingLineId: Number(e.target.value) })}
												>
													{lines.some(l => l.id === m.staffingLineId) ? null : <option value={m.staffingLineId}>{placeholder}</option>}
													{lines.map(l => (
														<option key={l.id} value={l.id}>
															{lineLabel(l)}
														</option>
													))}
												</select>
												{rowIssues.map((x, k) => (
													<div key={k} className={x.severity === 'error' ? 'field-error' : 'small warn-text'}>
														{x.message}
													</div>
												))}
											</td>
											<td>
												<input
													aria-label={`Move ${i + 1}: people`}
													type="number"
													min={1}
													style={{ width: '5.5rem' }}
													defaultValue={m.headcount}
													aria-invalid={rowIssues.some(x => x.path.endsWith('headcount')) || undefined}
													onChange={e => Number.isFinite(e.target.valueAsNumber) && set({ headcount: Math.round(e.target.valueAsNumber) })}
												/>
											</td>
											<td>
												<select
													aria-label={`Move ${i + 1}: destination`}
													value={m.destinationId === undefined ? '' : m.destinationId === null ? 'cut' : m.destinationId}
													aria-invalid={rowIssues.some(x => x.path.endsWith('destinationId') && x.severity === 'error') || undefined}
													onChange={e =>
														set({
															destinationId: e.target.value === 'cut' ? null : e.target.value ? Number(e.target.value) : undefined,
															...(e.target.value === 'cut' ? { dataHandling: 'not_needed' as const } : {}),
														})
													}
												>
													{m.destinationId === undefined ? <option value="">Choose a destination…</option> : null}
													<option value="cut">Cut (redundancy, no destination)</option>
													{data.destinations.map(d => (
														<option key={d.id} value={d.id}>
															{d.label}
														</option>
													))}
												</select>
											</td>
											<td>
												<select
													className="quarter"
													aria-label={`Move ${i + 1}: start quarter`}
													value={m.startQuarter}
													onChange={e => set({ startQuarter: e.target.value })}
												>
													{[...new Set([m.startQuarter, ...data.quarters])].map(q => (
														<option key={q}>{q}</option>
													))}
												</select>
											</td>
											<td>
												<select
													aria-label={`Move ${i + 1}: data handling`}
													value={m.dataHandling}
													onChange={e => set({ dataHandling: e.target.value as Draft['moves'][number]['dataHandling'] })}
													disabled={m.destinationId === null}
												>
													{DATA_HANDLING.map(h => (
														<option key={h} value={h}>
															{DATA_HANDLING_LABELS[h]}
														</option>
													))}
												</select>
											</td>
											<td>
												<button
													type="button"
													aria-label={`Remove move ${i + 1}`}
													onClick={() => update(d => ({ ...d, moves: d.moves.filter((_, k) => k !== i) }))}
												>
													Remove
												</button>
											</td>
										</tr>
									)
								})}
							</tbody>
						</table>
						<button type="button" onClick={addMove}>
							Add a move
						</button>
					</fieldset>
					<input type="hidden" name="draft" value={JSON.stringify(toDraft(draft))} />
					<input type="hidden" name="version" value={baseVersion} />
					<div className="workflow">
						<button className="primary" type="submit" name="intent" value="save" disabled={busy}>
							{busy && navigation.formData?.get('intent') === 'save' ? 'Saving…' : dirty ? 'Save changes' : 'Save'}
						</button>
						{dirty ? (
							<span className="small muted">Results below are recomputed as you type; they are saved with the scenario when you save.</span>
						) : null}
					</div>
				</Form>
			) : null}

			{data.actions.length ? (
				<Form method="post" className="card workflow no-print" aria-label="Workflow">
					{/* After a save the editor knows the new version at once; the page's data catches up a moment later. */}
					<input type="hidden" name="version" value={data.editable ? baseVersion : scenario.version} />
					{data.actions.some(a => a === 'approve' || a === 'reject') ? (
						<div className="field">
							<label htmlFor="s-comment">Comment (required to reject)</label>
							<textarea id="s-comment" name="comment" rows={2} aria-invalid={serverErrors.some(e => e.path === 'comment') || undefined} />
						</div>
					) : null}
					{data.actions.map(a =>
						a === 'delete' ? (
							<button
								key={a}
								type="button"
								className="danger"
								aria-expanded={confirmDelete}
								aria-controls="delete-confirm"
								onClick={() => setConfirmDelete(c => !c)}
								disabled={busy}
							>
								{ACTION_LABELS[a]}…
							</button>
						) : (
							<button
								key={a}
								type="submit"
								name="intent"
								value={a}
								className={a === 'approve' ? 'primary' : a === 'reject' ? 'danger' : undefined}
								disabled={busy || (dirty && a === 'propose')}
							>
								{ACTION_LABELS[a]}
							</button>
						),
					)}
					{confirmDelete ? (
						<div id="delete-confirm" className="notice warn" role="group" aria-label="Confirm deletion">
							<p>
								Delete the draft “{scenario.name}” and its{' '}
								{scenario.moves.length === 1 ? 'move' : `${formatInt(scenario.moves.length)} moves`}? This cannot be undone; the audit log
								keeps what it held.
							</p>
							<button type="submit" name="intent" value="delete" className="danger" disabled={busy}>
								Yes, delete the draft
							</button>{' '}
							<button type="button" onClick={() => setConfirmDelete(false)}>
								Cancel
							</button>
						</div>
					) : null}
					{dirty && data.actions.includes('propose') ? <span className="small muted">Save your changes before proposing.</span> : null}
				</Form>
			) : null}

			<ScenarioResults
				result={result}
				uncertainty={uncertainty}
				uncertaintyPending={bandsPending}
				status={data.editable ? status : undefined}
				busy={missing.length > 0}
				wages={data.wages}
			/>
		</>
	)
}

type Headline = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['live']>
type Frozen = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['frozen']>

const HEADLINE_ROWS: Array<[string, (h: Headline) => string]> = [
	['People moved or cut', h => formatInt(h.headcount)],
	['One-off cost', h => formatUsd(h.oneOffUsd)],
	['Annual saving (run-rate)', h => formatUsd(h.annualSavingUsd)],
	['NPV', h => formatUsd(h.npvUsd)],
	['NPV P10 / P50 / P90', h => [h.npvP10, h.npvP50, h.npvP90].map(n => formatUsd(n, { compact: true })).join(' / ')],
	['Payback', h => h.paybackLabel ?? 'Never'],
	['Exposure change (sum of scores)', h => `${h.exposureScoreDelta > 0 ? '+' : ''}${h.exposureScoreDelta}`],
	['Bands improved / worsened', h => `${h.bandsImproved} / ${h.bandsWorsened}`],
	['Units under art. 41', h => h.massLayoffUnits.join(', ') || 'None'],
	['New cross-border transfers', h => formatInt(h.newTransfers)],
]

/** The record the board reads: who froze it and when, its hash, and what changed in the live inventory since. */
function FrozenRecord({ frozen, live }: { frozen: Frozen; live: Headline | null }) {
	const what = { proposed: 'Proposed', approved: 'Approved', rejected: 'Rejected' }[frozen.event]
	return (
		<section className="card" aria-labelledby="record-h">
			<h2 id="record-h">
				{what} figures, frozen {formatDate(frozen.at)}
			</h2>
			<p className="small">
				{what} by {frozen.by} on {formatDate(frozen.at)} {frozen.at.slice(11, 16)} UTC, scored with model {frozen.modelVersion}
				{frozen.comment ? <>; comment: “{frozen.comment}”</> : null}. The figures below are those of that moment.{' '}
				{frozen.verified ? (
					<span>
						Record intact (SHA-256 <code>{frozen.hash.slice(0, 12)}…</code>).
					</span>
				) : (
					<strong className="warn-text">The stored record does not match its hash: it has been altered outside the application.</strong>
				)}
			</p>
			{frozen.changes.length ? (
				<>
					<div className="notice warn" role="status">
						<strong>The live inventory has changed since.</strong> What changed:
						<ul>
							{frozen.changes.map(c => (
								<li key={c}>{c}</li>
							))}
						</ul>
					</div>
					<div className="table-wrap">
						<table className="compact">
							<caption className="sr-only">The frozen figures beside today's recomputation</caption>
							<thead>
								<tr>
									<th scope="col">Measure</th>
									<th scope="col">Frozen ({formatDate(frozen.at)})</th>
									<th scope="col">Recomputed today</th>
								</tr>
							</thead>
							<tbody>
								{HEADLINE_ROWS.map(([label, cell]) => (
									<tr key={label}>
										<th scope="row">{label}</th>
										<td>{cell(frozen.headline)}</td>
										<td>{live ? cell(live) : '—'}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			) : (
				<p className="small muted">
					Nothing the scenario reads has changed in the inventory since; recomputed today it gives the same figures.
				</p>
			)}
		</section>
	)
}

function NoRecord({ status }: { status: string }) {
	return (
		<p className="notice small" role="status">
			This scenario was {status} before decisions were frozen: the figures below are recomputed from today's inventory.
		</p>
	)
}

/**
 * Leaving with unsaved changes asks first: another page of the app (a blocker), or closing and reloading the tab
 * (beforeunload). Its own component, so registering the blocker re-renders nothing else while the page hydrates.
 */
function LeaveGuard({ dirty, onLeave }: { dirty: boolean; onLeave: () => void }) {
	const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname)
	useEffect(() => {
		if (blocker.state !== 'blocked') return
		if (window.confirm('You have unsaved changes to this scenario. Leave without saving them?')) {
			onLeave()
			blocker.proceed()
		} else blocker.reset()
	}, [blocker, onLeave])
	useBeforeUnload(
		useCallback(
			e => {
				if (!dirty) return
				e.preventDefault()
				e.returnValue = ''
			},
			[dirty],
		),
	)
	return null
}

type KeptEdits = { userId: number; version: number; at: string; draft: EditorDraft }

/** Edits kept in this tab (sessionStorage: gone with the tab, never shared with another), for this user only. */
function readKeptEdits(key: string, userId: number): KeptEdits | null {
	try {
		const kept = JSON.parse(sessionStorage.getItem(key) ?? 'null') as KeptEdits | null
		return kept && kept.userId === userId && Array.isArray(kept.draft?.moves) ? kept : null
	} catch {
		return null
	}
}

function keepEdits(key: string, kept: KeptEdits) {
	try {
		sessionStorage.setItem(key, JSON.stringify(kept))
	} catch {
		// storage full or disabled: the page still warns before leaving
	}
}

/**
 * Fetches the inventory of the units in `unitIds`, one after another (a resource route, permission-checked like the
 * editor), and hands each answer to `onLoad` once.
 */
function useUnitInventories(unitIds: readonly number[], onLoad: (unitId: number, answer: InventoryAnswer) => void) {
	const { load, state, data } = useFetcher<typeof unitInventoryLoader>()
	const requested = useRef<number | null>(null)
	const handled = useRef<unknown>(undefined)
	const next = unitIds[0]
	useEffect(() => {
		if (next === undefined || state !== 'idle' || requested.current === next) return
		requested.current = next
		void load(`/scenarios/inventory/${next}`)
	}, [load, next, state])
	useEffect(() => {
		if (state !== 'idle' || !data || data === handled.current || requested.current === null) return
		handled.current = data
		onLoad(requested.current, data as InventoryAnswer)
	}, [data, state, onLoad])
}

const ACTION_LABELS = {
	propose: 'Propose for decision',
	withdraw: 'Withdraw proposal',
	approve: 'Approve',
	reject: 'Reject',
	delete: 'Delete draft',
} as const
const DATA_HANDLING_LABELS = {
	remote_access: 'Stays in China, reached from abroad',
	migrate: 'Migrates with the roles',
	not_needed: 'No longer needed',
} as const

function Assumptions({ value, onChange }: { value: ScenarioAssumptions; onChange: (a: ScenarioAssumptions) => void }) {
	const num = (key: keyof ScenarioAssumptions, label: string, opts: { pct?: boolean; step?: number; unit?: string } = {}) => {
		const raw = value[key] as number
		return (
			<div className="field">
				<label htmlFor={`a-${key}`}>
					{label}
					{opts.unit ? <span className="muted"> ({opts.unit})</span> : null}
				</label>
				<input
					id={`a-${key}`}
					type="number"
					step={opts.step ?? (opts.pct ? 0.1 : 1)}
					defaultValue={opts.pct ? +(raw * 100).toFixed(2) : raw}
					onChange={e => {
						const n = e.target.valueAsNumber
						if (Number.isFinite(n)) onChange({ ...value, [key]: opts.pct ? n / 100 : n })
					}}
				/>
			</div>
		)
	}
	const range = (key: 'wageInflation' | 'attrition', label: string) => (
		<div className="field">
			<span className="label" id={`a-${key}-label`}>
				{label} <span className="muted">(% a year: low, base, high)</span>
			</span>
			<div className="range-inputs" role="group" aria-labelledby={`a-${key}-label`}>
				{(['low', 'base', 'high'] as const).map(p => (
					<input
						key={p}
						aria-label={`${label}, ${p}`}
						type="number"
						step={0.1}
						defaultValue={+(value[key][p] * 100).toFixed(2)}
						onChange={e => {
							const n = e.target.valueAsNumber
							if (Number.isFinite(n)) onChange({ ...value, [key]: { ...value[key], [p]: n / 100 } })
						}}
					/>
				))}
			</div>
		</div>
	)
	return (
		<fieldset>
			<legend>Assumptions</legend>
			<div className="assumption-grid">
				{num('discountRate', 'Discount rate', { pct: true, unit: '% a year' })}
				{num('horizonYears', 'Horizon', { unit: 'years' })}
				{range('wageInflation', 'Wage inflation')}
				{range('attrition', 'Attrition before the move')}
				{num('severancePremiumMonths', 'Severance premium k of N+k', { unit: 'months; 0 = statutory N' })}
				{num('recruitmentCostPerHireUsd', 'Recruitment per hire', { unit: 'USD', step: 100 })}
				{num('dualRunningMonths', 'Dual running', { unit: 'months' })}
				{num('oneOffRelocationCostUsd', 'One-off relocation costs', { unit: 'USD', step: 10_000 })}
				{num('usdCny', 'FX', { unit: 'CNY per USD', step: 0.01 })}
			</div>
		</fieldset>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.scenario.name ?? 'Scenario'} · China Exposure` }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
