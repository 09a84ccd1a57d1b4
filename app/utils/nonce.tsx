import { createContext, useContext } from 'react'

// The CSP nonce of this response (server only). In the browser the attribute is hidden from the DOM,
// so the context is empty there, which is what React expects when it hydrates.
const NonceContext = createContext<string | undefined>(undefined)
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
