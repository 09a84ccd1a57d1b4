// Every reference fact carries where it comes from, so the UI can show the source next to the figure.
// Copied from ../shared/reference/regulations.json (snake_case there, camelCase here); see caveats.md there.

/** Where a reference fact comes from. */
export interface Provenance {
	/** An address; or 'assumption' / 'none found' / 'ESTIMATE …' where the reference (or this seed) says so. */
	source: string
	/** The date or text version the fact holds for, as the reference words it (not always an ISO date). */
	asOf: string
	/**
	 * true: read in the cited source or a verbatim quotation of it during the compilation;
	 * false: from general knowledge (or an estimate made for this seed): check before it decides anything.
	 * Rows the JSON left without a flag inherit their section's flag; that is said in a comment where it happens.
	 */
	verified: boolean
	note?: string
	/** Where sources disagree (see caveats.md). */
	conflict?: string
}

/** The file the project's reference facts were compiled from, cited where a row points at the caveats. */
export const CAVEATS_FILE = 'shared/reference/caveats.md'

/** The compilation's own date, as regulations.json words it (meta.compiled). */
export const COMPILATION_AS_OF = '2026 (compilation date); figures carry their own as_of'

/** For `as const satisfies Sourced` on one-off objects: the provenance fields are required, other fields free. */
export type Sourced = Provenance & { readonly [key: string]: unknown }
