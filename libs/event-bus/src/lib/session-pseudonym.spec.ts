import { pseudonymizeSessionId } from './session-pseudonym';

describe('pseudonymizeSessionId', () => {
  it('is stable for one key and hides the original id', () => {
    const a = pseudonymizeSessionId('k', 'session-123');
    expect(a).toBe(pseudonymizeSessionId('k', 'session-123'));
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toContain('session');
  });
  it('differs between keys and sessions', () => {
    expect(pseudonymizeSessionId('k1', 's')).not.toBe(pseudonymizeSessionId('k2', 's'));
    expect(pseudonymizeSessionId('k', 's1')).not.toBe(pseudonymizeSessionId('k', 's2'));
  });
});
