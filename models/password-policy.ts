// The password rules (ASVS 2.1): at least 12 characters, at most 256, any characters (spaces and
// Chinese included, nothing truncated: scrypt reads every byte), and not one of the ~49,000 most common
// passwords shipped with @zxcvbn-ts/language-common, nor the account's own email name.
import { dictionary } from '@zxcvbn-ts/language-common'

export const PASSWORD_RULES = { minLength: 12, maxLength: 256 } as const

let commonPasswords: Set<string> | undefined
const isCommon = (pw: string) => (commonPasswords ??= new Set(dictionary['passwords-common'] as string[])).has(pw.toLowerCase())

/** Every reason the password is refused, in words; empty when it is acceptable. */
export function passwordProblems(password: string, email?: string): string[] {
	const problems: string[] = []
	const length = [...password].length
	if (length < PASSWORD_RULES.minLength) problems.push(`Use at least ${PASSWORD_RULES.minLength} characters (this has ${length}).`)
	if (length > PASSWORD_RULES.maxLength) problems.push(`Use at most ${PASSWORD_RULES.maxLength} characters.`)
	if (isCommon(password) || isCommon(password.replace(/\d+$/, '')))
		problems.push('This is one of the most common passwords; choose another.')
	const name = email?.split('@')[0]?.toLowerCase()
	if (name && name.length >= 4 && password.toLowerCase().includes(name)) problems.push('Do not use your email name in the password.')
	return problems
}
