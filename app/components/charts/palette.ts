/** Flow colours, shared by the Sankey's links (drawn in the lazy chunk) and its legend (in the page). */
export const FLOW_COLORS = { ok: '#1f4e8c', gap: '#e66101' } as const
