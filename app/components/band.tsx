import { BAND_LABELS } from '#app/utils/labels.ts'
import { type Band } from '#models/exposure/index.ts'

/** A band as colour and words: the colour is never the only signal. */
export function BandBadge({ band, score }: { band: Band; score?: number }) {
	return (
		<span className={`band band-${band}`}>
			{BAND_LABELS[band]}
			{score !== undefined && band !== 'none' ? ` · ${formatScore(score)}` : ''}
		</span>
	)
}

export const formatScore = (s: number) => (Number.isInteger(s) ? String(s) : s.toFixed(1))
