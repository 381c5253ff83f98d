import { createHash } from 'node:crypto';
import { GENESIS_HASH, canonicalEventBytes, canonicalJson, eventHash } from './event-chain';

describe('the canonical form and hash of an event', () => {
  it('given an object, writes RFC 8785: keys by UTF-16 code units, no spaces, ECMAScript numbers', () => {
    expect(canonicalJson({ b: [1e21, 0.1 + 0.2, -0, 1e-7], a: '€"\n', '10': true, é: null })).toBe(
      '{"10":true,"a":"€\\"\\n","b":[1e+21,0.30000000000000004,0,1e-7],"é":null}',
    );
  });

  it('given NaN or Infinity, stores null as JSON.stringify does; given a lone surrogate, refuses', () => {
    expect(canonicalJson({ mean: Number.NaN, max: Number.POSITIVE_INFINITY })).toBe('{"max":null,"mean":null}');
    expect(() => canonicalJson({ name: '\ud800' })).toThrow(/surrogate/i);
  });

  it('given an event, hashes SHA-256(previous ‖ JCS of data, metadata, revision, streamId, time, type)', () => {
    const event = { streamId: 'dossier-x', revision: 3n, type: 'ScoreSubmitted', data: { total: 81 }, metadata: { actor: { role: 'expert', id: 'e' } }, time: '2026-04-10T01:00:00.000000Z' };
    const bytes = canonicalEventBytes(event).toString('utf8');
    expect(bytes).toBe(
      '{"data":{"total":81},"metadata":{"actor":{"id":"e","role":"expert"}},"revision":3,"streamId":"dossier-x","time":"2026-04-10T01:00:00.000000Z","type":"ScoreSubmitted"}',
    );
    const expected = createHash('sha256').update(Buffer.concat([GENESIS_HASH, Buffer.from(bytes)])).digest('hex');
    expect(eventHash(GENESIS_HASH, event).toString('hex')).toBe(expected);
    expect(eventHash(eventHash(GENESIS_HASH, event), event).toString('hex')).not.toBe(expected);
  });
});
