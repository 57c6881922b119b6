import { describe, expect, it } from 'bun:test';
import { fingerprintOf } from '#interfaces/http/middleware/idempotency';

describe('fingerprintOf (the body part of an idempotency key)', () => {
  it('is the same for the same JSON whatever the order of keys, at every level', () => {
    expect(fingerprintOf('{"a":1,"b":{"x":[1,{"p":1,"q":2}],"y":null}}')).toBe(fingerprintOf('{ "b": { "y": null, "x": [1, {"q":2,"p":1}] }, "a": 1 }'));
  });

  it('differs when a value, an array order or a key differs', () => {
    const base = fingerprintOf('{"a":1,"list":[1,2]}');
    expect(fingerprintOf('{"a":2,"list":[1,2]}')).not.toBe(base);
    expect(fingerprintOf('{"a":1,"list":[2,1]}')).not.toBe(base);
    expect(fingerprintOf('{"a":1,"list":[1,2],"b":0}')).not.toBe(base);
    expect(fingerprintOf('{"a":"1","list":[1,2]}')).not.toBe(base);
  });

  it('counts no body as {} (API.md), and fingerprints a body that is not JSON by its text', () => {
    expect(fingerprintOf('')).toBe(fingerprintOf('{}'));
    expect(fingerprintOf('not json')).not.toBe(fingerprintOf('not json!'));
    expect(fingerprintOf('not json')).toBe(fingerprintOf('not json'));
  });
});
