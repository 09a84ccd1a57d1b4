// The hash that seals a snapshot and chains it to the previous one. The SHA-256 function is passed in (the caller's
// `node:crypto` on the server, any other implementation in a test), so models/ needs no Node module.

import { canonicalJson } from './canonical-json.ts'
import { SNAPSHOT_FORMAT } from './content.ts'

/** Hex SHA-256 of a text's UTF-8 bytes. */
export type Sha256 = (text: string) => string

export interface SnapshotHashInput {
	quarter: string
	modelLabel: string
	settingsJson: string
	inputsJson: string
	resultsJson: string
	prevHash: string | null
}

/**
 * Hex SHA-256 of the canonical JSON of { format, quarter, modelLabel, settingsSha256, inputsSha256, resultsSha256,
 * prevHash }, where each *Sha256 is the hex SHA-256 of the stored text (UTF-8). Hashing the parts first keeps a
 * large group's tens of megabytes out of the JSON escaping, and lets each part be checked on its own. Covering
 * prevHash chains each snapshot to the one before it.
 */
export function snapshotHash(input: SnapshotHashInput, sha256: Sha256): string {
	return sha256(
		canonicalJson({
			format: `snapshot/v${SNAPSHOT_FORMAT}`,
			quarter: input.quarter,
			modelLabel: input.modelLabel,
			settingsSha256: sha256(input.settingsJson),
			inputsSha256: sha256(input.inputsJson),
			resultsSha256: sha256(input.resultsJson),
			prevHash: input.prevHash,
		}),
	)
}
