// A MariaDB Galera cluster on loopback for tests: N private servers (tests/support/mariadb-server.ts) with their own
// data directories under one temporary folder, their own client, group-communication, IST and SST ports. The first
// node bootstraps the cluster; the others join it by state transfer (rsync).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './free-port.ts'
import { createMariadbServer, type MariadbServer } from './mariadb-server.ts'

export const GALERA_PROVIDER = process.env.GALERA_PROVIDER ?? '/usr/lib/galera/libgalera_smm.so'

export interface GaleraCluster {
	dir: string
	nodes: MariadbServer[]
	/** wsrep_cluster_size as seen by a node (0 when it does not answer). */
	clusterSize: (node: MariadbServer) => Promise<number>
	/** True when the node is a synced member of the primary component. */
	synced: (node: MariadbServer) => Promise<boolean>
	/** Starts a node that was stopped or killed; it rejoins (IST or SST) and is waited for until synced. Says how. */
	rejoin: (node: MariadbServer) => Promise<'IST' | 'SST' | 'unknown'>
	destroy: () => Promise<void>
}

export async function startGaleraCluster(
	size = 3,
	options: { sst?: 'rsync' | 'mariabackup'; sstJoin?: boolean } = {},
): Promise<GaleraCluster> {
	if (!fs.existsSync(GALERA_PROVIDER))
		throw new Error(`the Galera provider is missing at ${GALERA_PROVIDER} (Debian: apt-get install galera-4)`)
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ced-galera-'))
	const ports: { gcomm: number; ist: number; sst: number }[] = []
	for (let i = 0; i < size; i++) ports.push({ gcomm: await freePort(), ist: await freePort(), sst: await freePort() })
	const address = `gcomm://${ports.map(p => `127.0.0.1:${p.gcomm}`).join(',')}`
	const nodeArgs = (i: number) => {
		const p = ports[i]!
		return [
			'--wsrep-on=ON',
			`--wsrep-provider=${GALERA_PROVIDER}`,
			`--wsrep-cluster-address=${address}`,
			'--wsrep-cluster-name=ced-test',
			`--wsrep-node-name=node${i + 1}`,
			`--wsrep-node-address=127.0.0.1:${p.gcomm}`,
			`--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${p.gcomm};ist.recv_addr=127.0.0.1:${p.ist};gcache.size=64M`,
			`--wsrep-sst-receive-address=127.0.0.1:${p.sst}`,
			`--wsrep-sst-method=${options.sst ?? 'rsync'}`,
			'--binlog-format=ROW',
			'--default-storage-engine=InnoDB',
			'--innodb-autoinc-lock-mode=2',
			'--log-bin-trust-function-creators=1',
		]
	}
	const nodes: MariadbServer[] = [await createMariadbServer({ dir, name: 'node1', args: nodeArgs(0) })]
	const status = async (node: MariadbServer, name: string) => {
		try {
			return (await node.query(`SHOW GLOBAL STATUS LIKE '${name}'`)).trim().split('\t')[1] ?? ''
		} catch {
			return ''
		}
	}
	const synced = async (node: MariadbServer) =>
		(await status(node, 'wsrep_local_state_comment')) === 'Synced' && (await status(node, 'wsrep_cluster_status')) === 'Primary'
	const waitSynced = async (node: MariadbServer, timeoutMs = 120_000) => {
		const deadline = Date.now() + timeoutMs
		while (!(await synced(node))) {
			if (Date.now() > deadline) throw new Error(`${node.name} did not sync within ${timeoutMs / 1000} s:\n${node.log().slice(-3000)}`)
			await new Promise(r => setTimeout(r, 250))
		}
	}
	const cluster: GaleraCluster = {
		dir,
		nodes,
		clusterSize: async node => Number((await status(node, 'wsrep_cluster_size')) || 0),
		synced,
		async rejoin(node) {
			const logBefore = node.log().length
			await node.start([], 180_000)
			await waitSynced(node)
			const since = node.log().slice(logBefore)
			return /SST received/.test(since) ? 'SST' : /IST received/.test(since) ? 'IST' : 'unknown'
		},
		async destroy() {
			for (const node of [...nodes].reverse()) await node.stop()
			fs.rmSync(dir, { recursive: true, force: true })
		},
	}
	try {
		// The first node bootstraps the cluster's history and is stopped cleanly; the middle ones start from copies of
		// its data directory and join by incremental transfer (IST); the last starts empty and joins by a full state
		// transfer (SST, by rsync unless `sst` says otherwise), so both ways of joining are exercised on every start
		// (`sstJoin: false`: all by IST).
		await nodes[0]!.start(['--wsrep-new-cluster'])
		await waitSynced(nodes[0]!)
		await nodes[0]!.stop()
		for (let i = 1; i < size; i++)
			nodes.push(
				await createMariadbServer({
					dir,
					name: `node${i + 1}`,
					args: nodeArgs(i),
					copyOf: i < size - 1 || options.sstJoin === false ? nodes[0]!.datadir : undefined,
				}),
			)
		await nodes[0]!.start(['--wsrep-new-cluster'])
		await waitSynced(nodes[0]!)
		await Promise.all(nodes.slice(1).map(node => cluster.rejoin(node)))
	} catch (error) {
		// The donor's side of a failed state transfer is in the other nodes' logs.
		for (const node of nodes) console.error(`--- ${node.name} log (tail)\n${node.log().slice(-2500)}`)
		await Promise.allSettled(nodes.map(n => n.kill()))
		if (!process.env.KEEP_GALERA_DIR) fs.rmSync(dir, { recursive: true, force: true })
		throw error
	}
	return cluster
}
