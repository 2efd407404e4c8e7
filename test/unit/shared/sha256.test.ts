import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkLink } from '../../../shared/domain/audit-chain';
import { canonicalJson, sha256Hex, sha256HexOfBytes } from '../../../shared/domain/sha256';
import type { AuditEntry } from '../../../shared/models/audit';

describe('sha256Hex', () => {
  it.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'Zoë 🙂 £', '{"a":1}'])(
    'matches Node crypto for %j',
    (text) => {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    },
  );
});

describe('sha256HexOfBytes', () => {
  it.each([0, 1, 55, 56, 64, 65, 100_000])('matches Node crypto for %i bytes', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
    expect(sha256HexOfBytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
});

describe('audit entries written before @noble/hashes', () => {
  // Hashes written by the hand-written SHA-256 this replaced: the chain must still verify.
  const first: AuditEntry = {
    id: 1,
    at: '2026-03-29T00:30:00.000Z',
    operatorId: 'op-1',
    entity: 'account',
    entityId: 'acc-1',
    action: 'create',
    before: null,
    after: { fullName: 'Zoë Ní Bhriain', email: 'zoe@nhs.net', roles: ['viewer'] },
    prevHash: '',
    hash: '0cb5823c2a6eb9fd564195f9ab7ba04f276b1d2f0d4a66533033bd78e014d2ec',
  };
  const second: AuditEntry = {
    id: 2,
    at: '2026-03-29T01:30:00.000Z',
    operatorId: 'op-1',
    entity: 'account',
    entityId: 'acc-1',
    action: 'update',
    before: first.after,
    after: { fullName: 'Zoë Ní Bhriain', email: 'zoe@nhs.net', roles: ['viewer', 'editor'] },
    prevHash: first.hash,
    hash: '239f2e3a16dba459d5de5ab86e177cc61fd0123c67f1f99ebe6c4fa22a6fb23f',
  };

  it('still verify', () => {
    expect(checkLink(first, null)).toBeNull();
    expect(checkLink(second, first)).toBeNull();
  });
});
