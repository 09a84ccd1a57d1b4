// Sign-in protection as data and pure functions: failures counted per account and per address in a
// window; past the limit the key is locked for a while, then the lock expires by itself (ASVS 2.2.1).
export interface ThrottleRule {
	maxFailures: number
	windowMinutes: number
	lockMinutes: number
}

export const LOGIN_LIMITS = {
	// Per account: slows guessing one person's password without letting anyone lock an account for long.
	account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
	// Per address: stops one machine spraying many accounts; generous for offices behind one NAT.
	address: { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 },
} as const satisfies Record<string, ThrottleRule>

export interface ThrottleState {
	failures: number
	windowStartedAt: Date
	lockedUntil: Date | null
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | undefined, rule: ThrottleRule, now: Date): ThrottleState {
	const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < rule.windowMinutes * 60_000
	const failures = windowOpen ? state.failures + 1 : 1
	const windowStartedAt = windowOpen ? state.windowStartedAt : now
	const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMinutes * 60_000) : (state?.lockedUntil ?? null)
	return { failures: failures >= rule.maxFailures ? 0 : failures, windowStartedAt: failures >= rule.maxFailures ? now : windowStartedAt, lockedUntil }
}

/** Whole minutes until the lock lifts, or 0 when not locked. */
export function lockedMinutes(state: ThrottleState | undefined, now: Date): number {
	if (!state?.lockedUntil || state.lockedUntil <= now) return 0
	return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000)
}
