import { describe, expect, test } from 'vitest'
import { parseAuditQuery } from '#models/audit-query.ts'
import { type User } from '#models/domain.ts'
import {
	accountDelaySeconds,
	afterFailure,
	LOGIN_LIMITS,
	lockedMinutes,
	lockStarted,
	throttleKeys,
	throttlePurgeBefore,
} from '#models/login-policy.ts'
import { passwordProblems } from '#models/password-policy.ts'
import { refuseUserChange } from '#models/user-admin.ts'

describe('passwordProblems', () => {
	test('accepts a long passphrase, including spaces and Chinese', () => {
		expect(passwordProblems('copper lantern tide harbour')).toEqual([])
		expect(passwordProblems('上海外滩的灯塔在夜里闪烁不停')).toEqual([])
	})
	test('refuses short, common and self-naming passwords, saying why', () => {
		expect(passwordProblems('kq7#vz')).toEqual(['Use at least 12 characters (this has 6).'])
		expect(passwordProblems('password1234')).toContain('This is one of the most common passwords; choose another.')
		expect(passwordProblems('Qwertyuiop123')).toContain('This is one of the most common passwords; choose another.')
		expect(passwordProblems('priya.raman-2026-!', 'priya.raman@meridian.example')).toEqual(['Do not use your email name in the password.'])
		expect(passwordProblems('x'.repeat(257))).toEqual(['Use at most 256 characters.'])
	})
})

describe('afterFailure / lockedMinutes', () => {
	const rule = LOGIN_LIMITS.pair
	const t = (min: number) => new Date(Date.UTC(2026, 10, 23, 9, min))
	test('failures outside the window start a new count', () => {
		let s = afterFailure(undefined, rule, t(0))
		for (let i = 1; i < 4; i++) s = afterFailure(s, rule, t(i))
		s = afterFailure(s, rule, t(20)) // window of 15 minutes has passed: count restarts at 1
		expect(s.failures).toBe(1)
		expect(lockedMinutes(s, t(20))).toBe(0)
	})
	test('the fifth failure in the window locks for 15 minutes', () => {
		let s = afterFailure(undefined, rule, t(0))
		for (let i = 1; i < 5; i++) s = afterFailure(s, rule, t(i))
		expect(lockedMinutes(s, t(4))).toBe(15)
		expect(lockedMinutes(s, t(19))).toBe(0)
	})
})

describe('refuseUserChange', () => {
	const u = (id: number, role: User['role'], disabled = false): User => ({
		id,
		email: `u${id}@example.com`,
		name: `U${id}`,
		role,
		disabled,
	})
	test('the last active administrator cannot be demoted or disabled', () => {
		const users = [u(1, 'admin'), u(2, 'admin', true), u(3, 'analyst')]
		expect(refuseUserChange(users, u(1, 'admin'), 1, { kind: 'role', role: 'board' })).toMatch(/last active administrator/)
		expect(refuseUserChange(users, u(3, 'analyst'), 1, { kind: 'disable' })).toMatch(/last active administrator/)
		expect(refuseUserChange(users, u(1, 'admin'), 3, { kind: 'role', role: 'admin' })).toBeNull()
	})
	test('with two administrators one may be demoted, but nobody disables themselves', () => {
		const users = [u(1, 'admin'), u(2, 'admin')]
		expect(refuseUserChange(users, u(1, 'admin'), 2, { kind: 'role', role: 'executive' })).toBeNull()
		expect(refuseUserChange(users, u(1, 'admin'), 1, { kind: 'disable' })).toMatch(/your own account/)
		expect(refuseUserChange(users, u(1, 'admin'), 9, { kind: 'enable' })).toMatch(/No user/)
	})
})

describe('parseAuditQuery', () => {
	test('takes known filters and names each bad one', () => {
		expect(parseAuditQuery(new URLSearchParams('actor=a@b.c&from=2026-01-01&to=2026-01-31&page=2&junk=1'))).toEqual({
			ok: true,
			value: { actor: 'a@b.c', from: '2026-01-01', to: '2026-01-31', page: 2 },
		})
		expect(parseAuditQuery(new URLSearchParams('from=2026-13-01&page=0'))).toEqual({
			ok: false,
			errors: ['from: is not a real date', 'page: must be 1 or more'],
		})
		expect(parseAuditQuery(new URLSearchParams('from=2026-02-01&to=2026-01-01'))).toEqual({
			ok: false,
			errors: ['from: must not be after "to"'],
		})
	})
})

describe('the account as a whole is slowed, never locked', () => {
	const t = (min: number) => new Date(Date.UTC(2026, 10, 23, 9, min))
	test('delays grow from the sixth failure in the window, capped, and never a lock', () => {
		let s = afterFailure(undefined, LOGIN_LIMITS.account, t(0))
		const delays: number[] = [accountDelaySeconds(s, t(0))]
		for (let i = 1; i < 10; i++) {
			s = afterFailure(s, LOGIN_LIMITS.account, t(i))
			delays.push(accountDelaySeconds(s, t(i)))
		}
		expect(delays).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 8, 8])
		expect(lockedMinutes(s, t(9))).toBe(0)
		expect(accountDelaySeconds(s, t(30))).toBe(0) // the window has passed
	})
	test('a lock is audited when it starts, not on each refused attempt', () => {
		let s = afterFailure(undefined, LOGIN_LIMITS.pair, t(0))
		const started: boolean[] = []
		for (let i = 1; i < 5; i++) {
			const next = afterFailure(s, LOGIN_LIMITS.pair, t(i))
			started.push(lockStarted(s, next, t(i)))
			s = next
		}
		expect(started).toEqual([false, false, false, true])
	})
	test('keys per pair, address and account; expired rows are purged after every window and lock', () => {
		expect(throttleKeys(' Victim@Example.com ', '10.0.0.1')).toEqual({
			pair: 'pair:victim@example.com 10.0.0.1',
			address: 'address:10.0.0.1',
			account: 'account:victim@example.com',
		})
		expect(throttlePurgeBefore(t(60)).toISOString()).toBe(t(30).toISOString())
	})
})
