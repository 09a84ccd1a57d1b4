// How a snapshot's three canonical JSON texts are stored. The content hash is taken over the texts
// (models/snapshot.ts), not over these bytes: the bytes are only a container, and decoding them must give back
// exactly the text that was hashed, which `npm run snapshots:verify` checks for every row.
//
// New snapshots are Brotli-compressed (quality 6, text mode). A 1,000-unit quarter is 15 MB of inventory and 39 MB
// of results as text; Brotli stores them in about 0.8 MB and 0.6 MB (the results repeat each finding's text,
// articles and penalties across units, and Brotli's 4 MB window finds the repeats that gzip's 32 KB window cannot:
// gzip -6 leaves 1.3 MB and 4.2 MB). Quality 6 compresses in about 0.55 s and decompresses in about 70 ms;
// qualities above 7 cost several times the time for a few per cent. See docs/decisions/008-compact-snapshots.md.
// Rows frozen before compression hold the UTF-8 text itself ('identity') and are read as they are.
import { isUtf8 } from 'node:buffer'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

export type SnapshotEncoding = 'identity' | 'br'

/** The encoding new snapshots are written with. */
export const SNAPSHOT_ENCODING: SnapshotEncoding = 'br'

const BROTLI_QUALITY = 6

// The asynchronous forms run on libuv's thread pool: a freeze or a cold snapshot page does not stall other requests.
const brotliCompress = promisify(zlib.brotliCompress)
const brotliDecompress = promisify(zlib.brotliDecompress)

/** The bytes to store for a canonical JSON text, in SNAPSHOT_ENCODING. */
export async function encodeSnapshotText(text: string): Promise<Buffer> {
	const bytes = Buffer.from(text, 'utf8')
	return brotliCompress(bytes, {
		params: {
			[zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
			[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
			[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
		},
	})
}

/** The text stored in `bytes`; throws when the encoding is unknown or the bytes are not valid in it. */
export async function decodeSnapshotText(encoding: string, bytes: Uint8Array): Promise<string> {
	if (!(bytes instanceof Uint8Array)) throw new TypeError(`the stored value is a ${typeof bytes}, not bytes`)
	switch (encoding) {
		case 'identity':
			return utf8(bytes)
		case 'br':
			return utf8(await brotliDecompress(bytes))
		default:
			throw new TypeError(`unknown content encoding '${encoding}'`)
	}
}

/** The text of UTF-8 bytes, refusing invalid ones rather than replacing them (a replaced byte would change the text). */
function utf8(bytes: Uint8Array): string {
	if (!isUtf8(bytes)) throw new TypeError('the bytes are not valid UTF-8')
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}
