import { createHash } from 'node:crypto'

/** Hex SHA-256 of a text's UTF-8 bytes: the hash models/snapshot is given (models/ imports nothing from Node). */
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
