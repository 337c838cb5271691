import { createContext, useContext } from "react";

// The CSP nonce of the current response, handed from entry.server to the document's scripts.
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);

// The reference of a server failure, shown on the 500 page and written to the server log.
export const ErrorReferenceContext = createContext<string | null>(null);
export const useErrorReference = () => useContext(ErrorReferenceContext);
