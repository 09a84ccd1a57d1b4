// The version of the scoring rules (the code in rules/, score.ts, penalties.ts, ../cross-border.ts, ../mlps.ts).
// The model version (settings.ts) holds the judgements as data; this names the code that applies them. Raise it
// whenever a change to the code can change a score, a band or a finding for the same inputs and settings: a
// snapshot stores the rules version it was scored with, so a re-score that no longer reproduces it is explained
// as a change of rules rather than mistaken for tampering. Format: 'YYYY.MM' of the release, with '.N' for a second
// change of rules in the same month.
// 2026.12.2: art. 6 (free-trade-zone lists) only for a unit registered in a zone whose list is in force on the date
// scored; DSL art. 46 cited from its official text.
export const RULES_VERSION = '2026.12.2'
