import { Role } from '@mangaassist/contracts';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  it('keeps the last turns of a session, oldest first', () => {
    const store = new SessionStore(4, 60_000, 10);
    store.record('s', 'ワンピースは何巻？', '116巻です。');
    store.record('s', 'and the price?', '528 yen.');
    store.record('s', 'kindle?', 'Yes.');
    const history = store.history('s');
    expect(history.map((t) => t.text)).toEqual(['and the price?', '528 yen.', 'kindle?', 'Yes.']);
    expect(history[0].role).toBe(Role.SHOPPER);
  });

  it('forgets a session after its time to live', () => {
    let now = 0;
    const store = new SessionStore(4, 1000, 10, () => now);
    store.record('s', 'hi', 'hello');
    now = 2000;
    expect(store.history('s')).toEqual([]);
  });

  it('evicts the least recently used session beyond the bound', () => {
    const store = new SessionStore(4, 60_000, 2);
    store.record('a', 'x', 'y');
    store.record('b', 'x', 'y');
    store.record('a', 'x2', 'y2');
    store.record('c', 'x', 'y');
    expect(store.size).toBe(2);
    expect(store.history('b')).toEqual([]);
    expect(store.history('a')).toHaveLength(4);
  });
});
