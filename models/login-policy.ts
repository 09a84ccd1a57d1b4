// Sign-in protection as data and pure functions (ASVS 2.2.1). Failures are counted per (account, address) pair
// and per address in a window; past the limit that key is locked for a while, then the lock expires by itself. So
// guessing from one place stops, and nobody can lock someone else out from elsewhere. The account as a whole is
// never locked: past a few failures from anywhere, each attempt on it waits a growing delay (capped).
export interface ThrottleRule {
	maxFailures: number
	windowMinutes: number
	/** 0: counted but never locked (the account-wide slow-down). */
	lockMinutes: number
}

export const LOGIN_LIMITS = {
	// One address guessing one account's password: locked after 5 failures for 15 minutes.
	pair: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
	// One address spraying many accounts; generous for offices behind one NAT.
	address: { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 },
	// The account from anywhere: never locked, slowed down past maxFailures (accountDelaySeconds).
	account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 0 },
} as const satisfies Record<string, ThrottleRule>

/** The longest wait an attempt on a much-failed account is made to take. */
export const MAX_ACCOUNT_DELAY_SECONDS = 8

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
	if (rule.lockMinutes === 0) return { failures, windowStartedAt, lockedUntil: null }
	const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMinutes * 60_000) : (state?.lockedUntil ?? null)
	return {
		failures: failures >= rule.maxFailures ? 0 : failures,
		windowStartedAt: failures >= rule.maxFailures ? now : windowStartedAt,
		lockedUntil,
	}
}

/** Whole minutes until the lock lifts, or 0 when not locked. */
export function lockedMinutes(state: ThrottleState | undefined, now: Date): number {
	if (!state?.lockedUntil || state.lockedUntil <= now) return 0
	return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000)
}

/** Did this failure start a lock (it was not locked before, it is now)? One audit event per lock period. */
export const lockStarted = (before: ThrottleState | undefined, after: ThrottleState, now: Date) =>
	lockedMinutes(before, now) === 0 && lockedMinutes(after, now) > 0

/** Seconds an attempt on the account waits: 0 up to maxFailures in the window, then 1, 2, 4… up to the cap. */
export function accountDelaySeconds(state: ThrottleState | undefined, now: Date, rule: ThrottleRule = LOGIN_LIMITS.account): number {
	if (!state || now.getTime() - state.windowStartedAt.getTime() >= rule.windowMinutes * 60_000) return 0
	if (state.failures < rule.maxFailures) return 0
	return Math.min(2 ** (state.failures - rule.maxFailures), MAX_ACCOUNT_DELAY_SECONDS)
}

/** The throttle keys of one attempt. Keys exist whether or not the account does, so they reveal nothing about it. */
export function throttleKeys(email: string, address: string) {
	const account = email.trim().toLowerCase()
	return { pair: `pair:${account} ${address}`, address: `address:${address}`, account: `account:${account}` }
}

/** Rows older than every window and not locked any more can go. */
export const throttlePurgeBefore = (now: Date) =>
	new Date(now.getTime() - Math.max(...Object.values(LOGIN_LIMITS).map(r => r.windowMinutes + r.lockMinutes)) * 60_000)
