// Driver errors the app turns into messages for people. The two drivers name them differently.

/** A UNIQUE constraint refused the write (better-sqlite3: SQLITE_CONSTRAINT_UNIQUE; mysql2: ER_DUP_ENTRY). */
export function isUniqueViolation(error: unknown) {
	const code = (error as { code?: string } | null)?.code
	return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'ER_DUP_ENTRY'
}

/** The database cannot be reached, dropped the connection, or stayed locked after retries: a 503 ("try again"), not a 500. */
export function isConnectionError(error: unknown) {
	const e = error as { code?: string; fatal?: boolean; message?: string } | null
	if (!e) return false
	return (
		e.fatal === true ||
		[
			'ECONNREFUSED',
			'ECONNRESET',
			'ECONNABORTED',
			'ETIMEDOUT',
			'EHOSTUNREACH',
			'EPIPE',
			'PROTOCOL_CONNECTION_LOST',
			'PROTOCOL_SEQUENCE_TIMEOUT',
			'ER_CON_COUNT_ERROR',
			'ER_SERVER_SHUTDOWN',
			'ER_CONNECTION_KILLED',
			'SQLITE_BUSY',
			'ER_LOCK_DEADLOCK',
			'ER_LOCK_WAIT_TIMEOUT',
			// A Galera node that is not (or no longer) a synced member of the primary component refuses every
			// statement with 1047 "WSREP has not yet prepared node for application use": the database is not answering.
			'ER_UNKNOWN_COM_ERROR',
		].includes(e.code ?? '') ||
		/Queue limit reached|Pool is closed|connection is in closed state|Can't add new command/i.test(e.message ?? '')
	)
}
