/** Implemented with a memory-hard hash (Argon2id) in the server; tests may use the same. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
