// A private MariaDB server for tests that stop, kill or cluster the database: its own data directory
// (mariadb-install-db into a temporary folder), its own port and socket, started and stopped by the test.
// A server shared with other work (the usual one on 3306) is never touched by these tests.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './free-port.ts'

const MARIADBD = process.env.MARIADBD_PATH ?? '/usr/sbin/mariadbd'
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

export interface MariadbServerOptions {
	/** Parent folder of the data directory; a fresh temporary folder by default. */
	dir?: string
	/** A name for logs and folders (node1, ...). */
	name?: string
	port?: number
	/** Extra server options (e.g. wsrep settings), given on every start. */
	args?: string[]
	/** Copy this data directory (of a cleanly stopped server) instead of creating an empty one. */
	copyOf?: string
}

export interface MariadbServer {
	name: string
	port: number
	socket: string
	datadir: string
	/** mysql://root@127.0.0.1:<port>/<database> */
	url: (database?: string) => string
	/** Starts mariadbd (with `extraArgs` for this start only) and waits until it answers. */
	start: (extraArgs?: string[], timeoutMs?: number) => Promise<void>
	/** A clean shutdown; waits for the process to exit. */
	stop: () => Promise<void>
	/** Sends a signal (SIGKILL by default) and waits for the process to exit. */
	kill: (signal?: NodeJS.Signals) => Promise<void>
	restart: (extraArgs?: string[]) => Promise<void>
	running: () => boolean
	ping: () => Promise<boolean>
	/** Runs SQL through the socket as root and returns the tab-separated output (asynchronous: a server that is slow to
	 * answer must not stall the test's own traffic). */
	query: (sql: string) => Promise<string>
	/** The server's error log so far. */
	log: () => string
	/** Stops the server (SIGKILL if it does not stop) and deletes its folder. */
	destroy: () => Promise<void>
}

/** Creates the data directory of a private server (not started: call `start`). */
export async function createMariadbServer(options: MariadbServerOptions = {}): Promise<MariadbServer> {
	const name = options.name ?? 'mariadb'
	const base = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ced-mariadb-'))
	const ownsBase = !options.dir
	const home = path.join(base, name)
	const datadir = path.join(home, 'data')
	const socket = path.join(home, 'mysqld.sock')
	const logFile = path.join(home, 'error.log')
	fs.mkdirSync(datadir, { recursive: true })
	const port = options.port ?? (await freePort())
	// As root the server runs as the mysql account (as a packaged server does): Galera's rsync state transfer
	// runs its daemon as that account and cannot write a root-owned folder.
	const asRoot = process.getuid?.() === 0
	const user = asRoot ? ['--user=mysql'] : []
	if (asRoot) fs.chmodSync(base, 0o755)
	if (options.copyOf) fs.cpSync(options.copyOf, datadir, { recursive: true })
	else
		execFileSync(
			'mariadb-install-db',
			[
				'--no-defaults',
				`--datadir=${datadir}`,
				...user,
				'--auth-root-authentication-method=normal',
				'--skip-test-db',
				'--skip-name-resolve',
			],
			{ stdio: 'pipe', timeout: 120_000 },
		)
	if (asRoot) execFileSync('chown', ['-R', 'mysql:mysql', home])
	let child: ChildProcess | null = null
	const serverArgs = (extra: string[]) => [
		'--no-defaults',
		...user,
		`--datadir=${datadir}`,
		`--port=${port}`,
		'--bind-address=127.0.0.1',
		`--socket=${socket}`,
		`--pid-file=${path.join(home, 'mysqld.pid')}`,
		`--log-error=${logFile}`,
		'--skip-name-resolve',
		'--innodb-buffer-pool-size=64M',
		'--innodb-log-file-size=48M',
		'--innodb-flush-log-at-trx-commit=2',
		'--max-connections=300',
		'--character-set-server=utf8mb4',
		'--collation-server=utf8mb4_unicode_ci',
		...(options.args ?? []),
		...extra,
	]
	const client = (program: string, args: string[], timeout: number) =>
		new Promise<string>((resolve, reject) =>
			execFile(
				program,
				['--no-defaults', `--socket=${socket}`, '-u', 'root', ...args],
				{ encoding: 'utf8', timeout },
				(error, stdout, stderr) => (error ? reject(new Error(`${error.message}${stderr}`)) : resolve(stdout)),
			),
		)
	const ping = () =>
		client('mariadb-admin', ['ping', '--silent', '--connect-timeout=2'], 5_000).then(
			() => true,
			() => false,
		)
	const query = (sql: string) => client('mariadb', ['-N', '-B', '-e', sql], 60_000)
	const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '')
	const running = () => child !== null && child.exitCode === null && child.signalCode === null
	const waitExit = async (timeoutMs: number) => {
		const deadline = Date.now() + timeoutMs
		while (running() && Date.now() < deadline) await sleep(100)
		return !running()
	}

	const server: MariadbServer = {
		name,
		port,
		socket,
		datadir,
		url: (database = '') => `mysql://root@127.0.0.1:${port}/${database}`,
		async start(extraArgs = [], timeoutMs = 120_000) {
			if (running()) throw new Error(`${name} is already running`)
			const proc = spawn(MARIADBD, serverArgs(extraArgs), { stdio: 'ignore', detached: false })
			child = proc
			// A test that crashes must not leave a server behind.
			const orphan = () => proc.kill('SIGKILL')
			process.once('exit', orphan)
			proc.once('exit', () => process.off('exit', orphan))
			const deadline = Date.now() + timeoutMs
			while (!(await ping())) {
				if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${name} exited while starting:\n${log().slice(-3000)}`)
				if (Date.now() > deadline) {
					proc.kill('SIGKILL')
					throw new Error(`${name} did not answer within ${timeoutMs / 1000} s:\n${log().slice(-3000)}`)
				}
				await sleep(200)
			}
			// Root over TCP from loopback (the install grants root@localhost only). A Galera node answers pings before
			// it has joined the cluster and refuses statements until then (ER_UNKNOWN_COM_ERROR 1047, "WSREP has not
			// yet prepared node for application use"): wait for it.
			for (;;) {
				try {
					await query(`CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION`)
					break
				} catch (error) {
					if (!/ERROR 1047|WSREP has not yet prepared/.test(String(error)) || Date.now() > deadline) throw error
					if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${name} exited while joining:\n${log().slice(-3000)}`)
					await sleep(250)
				}
			}
		},
		async stop() {
			if (!running()) return
			child!.kill('SIGTERM')
			if (!(await waitExit(120_000))) await server.kill('SIGKILL')
		},
		async kill(signal = 'SIGKILL') {
			if (!running()) return
			child!.kill(signal)
			await waitExit(60_000)
		},
		async restart(extraArgs = []) {
			await server.stop()
			await server.start(extraArgs)
		},
		running,
		ping,
		query,
		log,
		async destroy() {
			await server.stop()
			fs.rmSync(ownsBase ? base : home, { recursive: true, force: true })
		},
	}
	return server
}
