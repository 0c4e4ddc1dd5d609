/** Hashed feature space of the injection classifier: 2^18 weights, about 2 MB as Float64. */
export const FEATURE_BITS = 18;
export const FEATURE_COUNT = 1 << FEATURE_BITS;
const MASK = FEATURE_COUNT - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** One FNV-1a step over a UTF-16 code unit. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

/** FNV-1a of a string, started from a namespace so that "w:ignore" and "c:ignore" differ. */
export function fnvHash(text: string, namespace: number): number {
  let hash = fnvStep(FNV_OFFSET, namespace);
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
}

/** The weight slot of a hash. */
export function slot(hash: number): number {
  return hash & MASK;
}

/** A sparse, L2-normalized feature vector: parallel arrays of slots and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Collects the distinct feature slots of one message in a reusable buffer; a generation stamp
 * per slot drops duplicates without a Set or a sort, which cost more than the hashing itself.
 * `vector()` returns binary presence scaled to unit length and starts the next message.
 */
export class SlotCollector {
  private buffer = new Int32Array(4096);
  private size = 0;
  private readonly stamps = new Uint32Array(FEATURE_COUNT);
  private generation = 1;

  add(slotIndex: number): void {
    if (this.stamps[slotIndex] === this.generation) return;
    this.stamps[slotIndex] = this.generation;
    if (this.size === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.size++] = slotIndex;
  }

  vector(): SparseVector {
    const indices = this.buffer.slice(0, this.size);
    const value = indices.length === 0 ? 0 : 1 / Math.sqrt(indices.length);
    this.size = 0;
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    return { indices, values: new Float64Array(indices.length).fill(value) };
  }
}

export { FNV_OFFSET };
