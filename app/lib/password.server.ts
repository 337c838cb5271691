import { hash, verify } from "@node-rs/argon2";

// argon2id with the parameters the Lucia guide recommends (OWASP's minimum for argon2id).
// 2 is Algorithm.Argon2id; the package exports it as a const enum, which isolatedModules forbids.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password, options);
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown address cannot be told from a wrong password. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword("gremium-onbekend-adres");
  await verify(await dummyHash, password, options);
}
