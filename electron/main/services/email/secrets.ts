import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-file';

/** Electron's safeStorage, or null where it cannot be had (the browser preview). */
export interface SecureStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface SecretStatus {
  /** A password is held (in memory at least). */
  stored: boolean;
  /** It survives a restart, encrypted by the operating system's key store. */
  persisted: boolean;
  /** This computer offers encrypted storage. */
  secureStorage: boolean;
}

export interface SecretStore {
  get(): Promise<string | null>;
  set(secret: string): Promise<SecretStatus>;
  clear(): Promise<SecretStatus>;
  status(): Promise<SecretStatus>;
}

/**
 * The SMTP password, held by main only. Written to disk only encrypted with safeStorage; where
 * that is unavailable it is kept in memory until DoS Desk closes and never written in plain text.
 */
export function createSecretStore(file: string, secure: SecureStorage | null): SecretStore {
  let memory: string | null = null;
  const canEncrypt = () => Boolean(secure?.isEncryptionAvailable());

  async function readPersisted(): Promise<string | null> {
    if (!canEncrypt()) return null;
    try {
      return secure!.decryptString(await readFile(file));
    } catch {
      return null;
    }
  }

  async function status(): Promise<SecretStatus> {
    const persisted = (await readPersisted()) !== null;
    return { stored: memory !== null || persisted, persisted, secureStorage: canEncrypt() };
  }

  return {
    async get() {
      return memory ?? (await readPersisted());
    },
    async set(secret) {
      memory = secret;
      if (canEncrypt()) await writeFileAtomic(file, secure!.encryptString(secret));
      else await rm(file, { force: true });
      return status();
    },
    async clear() {
      memory = null;
      await rm(file, { force: true });
      return status();
    },
    status,
  };
}
