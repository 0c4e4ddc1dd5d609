import { type ArchiveStore, CHECKPOINT_KEY, CheckpointConflictError } from './archive-store';

/** What a contract run needs from an adapter: a fresh, empty archive and a view of its objects. */
export interface ArchiveStoreUnderTest {
  store: ArchiveStore;
  /** Every stored object by key relative to the archive root, as a reader of it sees them. */
  objects(): Promise<Map<string, Uint8Array>>;
  teardown(): Promise<void>;
}

const text = (bytes: Uint8Array | undefined) =>
  bytes ? new TextDecoder().decode(bytes) : undefined;

/**
 * The archive-store contract both adapters pass (local directory, and S3 at the SDK boundary):
 * objects stored whole under their keys, keys that cannot escape the root, and a checkpoint
 * that only advances from the version it was read at.
 */
export function describeArchiveStoreContract(
  adapterName: string,
  make: () => Promise<ArchiveStoreUnderTest>,
): void {
  describe(`archive store contract: ${adapterName}`, () => {
    let archive: ArchiveStoreUnderTest;
    beforeEach(async () => {
      archive = await make();
    });
    afterEach(async () => {
      await archive.teardown();
    });

    it('stores each object whole under its key', async () => {
      const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
      await archive.store.putObject(
        'dt=2025-04-01/part-a.parquet',
        bytes,
        'application/octet-stream',
      );
      await archive.store.putObject(
        'dt=2025-04-02/part-b.parquet',
        new TextEncoder().encode('二つ目'),
        'text/plain',
      );
      const objects = await archive.objects();
      expect([...objects.keys()].sort()).toEqual([
        'dt=2025-04-01/part-a.parquet',
        'dt=2025-04-02/part-b.parquet',
      ]);
      expect(objects.get('dt=2025-04-01/part-a.parquet')).toEqual(bytes);
      expect(text(objects.get('dt=2025-04-02/part-b.parquet'))).toBe('二つ目');
    });

    it.each([
      '../outside.parquet',
      '/absolute.parquet',
      'dt=x/../../up.parquet',
      'a//b',
      '',
      'sp ace',
    ])('refuses the key %j', async (key) => {
      await expect(archive.store.putObject(key, new Uint8Array([1]), 'x/y')).rejects.toThrow(
        /invalid archive key/,
      );
      expect((await archive.objects()).size).toBe(0);
    });

    it('has no checkpoint until one is written', async () => {
      expect(await archive.store.readCheckpoint()).toBeUndefined();
    });

    it('advances the checkpoint only from the version it was read at', async () => {
      const first = await archive.store.writeCheckpoint('{"n":1}', undefined);
      expect(await archive.store.readCheckpoint()).toEqual({ body: '{"n":1}', version: first });

      const second = await archive.store.writeCheckpoint('{"n":2,"note":"二"}', first);
      expect(second).not.toBe(first);
      expect(await archive.store.readCheckpoint()).toEqual({
        body: '{"n":2,"note":"二"}',
        version: second,
      });

      // A writer still holding the first version, or thinking there is none, has lost the race.
      await expect(archive.store.writeCheckpoint('{"n":3}', first)).rejects.toBeInstanceOf(
        CheckpointConflictError,
      );
      await expect(archive.store.writeCheckpoint('{"n":3}', undefined)).rejects.toBeInstanceOf(
        CheckpointConflictError,
      );
      expect((await archive.store.readCheckpoint())?.body).toBe('{"n":2,"note":"二"}');
      expect(text((await archive.objects()).get(CHECKPOINT_KEY))).toBe('{"n":2,"note":"二"}');
    });
  });
}
