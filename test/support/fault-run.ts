import type { QueueRequest } from '../../electron/main/services/email/outbox';

/** Small seeded PRNG (mulberry32) so a failing fault run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Message `i` of a fault run: a DoS team note by SMTP, plain and rich in turn. */
export function faultRunNote(run: string, i: number): QueueRequest {
  return {
    template: 'dos-team-note',
    data: { subject: `${run} ${i}`, body: `Message ${i}`, senderName: 'Sam Okoro', senderRole: 'Director on Call' },
    from: { address: 'sam.okoro@nhs.net' },
    to: [{ address: 'london.dos@nhs.net' }],
    cc: [],
    format: i % 2 ? 'rich' : 'plain',
    delivery: 'smtp',
    operatorId: 'op-1',
    relatedTo: null,
  };
}
