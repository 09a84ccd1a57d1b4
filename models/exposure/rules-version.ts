// The version of the scoring rules (the code in rules/, score.ts, penalties.ts, ../cross-border.ts, ../mlps.ts).
// The model version (settings.ts) holds the judgements as data; this names the code that applies them. Raise it
// whenever a change to the code can change a score, a band or a finding for the same inputs and settings: a
// snapshot stores the rules version it was scored with, so a re-score that no longer reproduces it is explained
// as a change of rules rather than mistaken for tampering. Format: 'YYYY.MM' of the release, a letter after it for a
// second release in the same month.
// 2026.12b: day counts in titles grouped as the inputs list them ("1,013 days"); a unit that handles consumer data
// with nothing recorded is incomplete (a data-quality finding), not band none.
export const RULES_VERSION = '2026.12b'
