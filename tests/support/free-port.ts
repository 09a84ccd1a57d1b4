import net from 'node:net'

/** A TCP port on loopback that was free a moment ago (another process may take it before it is used). */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer()
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo
			srv.close(() => resolve(port))
		})
		srv.on('error', reject)
	})
}
