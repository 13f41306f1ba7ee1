/**
 * Sets of controllers (numbered 0 … universe - 1), immutable once made and shared freely.
 * Most sets in a vendor graph are small (one controller, or a few dozen), a few are nearly
 * everything (whatever sits below a SaaS hub): small sets are sorted member lists, large ones
 * bitsets, and a union that adds nothing to its largest part is that part, not a copy.
 */
export interface ControllerSet {
  readonly size: number;
  /** Sorted members while small; null once the set is a bitset. */
  readonly members: Int32Array | null;
  /** Bit c of word c >>> 5 is set when controller c is a member; null while the set is small. */
  readonly bits: Uint32Array | null;
}

const FEW = 16;

export class ControllerSets {
  readonly empty: ControllerSet = { size: 0, members: new Int32Array(0), bits: null };
  private readonly words: number;
  private readonly singles: (ControllerSet | undefined)[];
  // Scratch space for one union at a time: a stamp per controller marks members already taken.
  private readonly stamp: Int32Array;
  private stampNow = 0;
  private readonly gathered: Int32Array;
  private readonly parts: ControllerSet[] = [];

  constructor(readonly universe: number) {
    this.words = Math.max(1, Math.ceil(universe / 32));
    this.singles = new Array(universe);
    this.stamp = new Int32Array(universe);
    this.gathered = new Int32Array(universe);
  }

  single(controller: number): ControllerSet {
    return (this.singles[controller] ??= {
      size: 1,
      members: Int32Array.of(controller),
      bits: null,
    });
  }

  /** The union of `sets`; the array may repeat a set, and is left as it was. */
  union(sets: readonly ControllerSet[]): ControllerSet {
    const parts = this.distinctNonEmpty(sets);
    if (parts.length === 0) return this.empty;
    if (parts.length === 1) return parts[0]!;
    const largest = parts.reduce((a, b) => (b.size > a.size ? b : a));
    if (largest.bits) return this.unionIntoBits(parts, largest);
    return this.unionOfLists(parts, largest);
  }

  private distinctNonEmpty(sets: readonly ControllerSet[]): ControllerSet[] {
    const parts = this.parts;
    parts.length = 0;
    // Sets repeat a lot (many upstreams share one set); a linear check is cheaper while few.
    if (sets.length <= FEW) {
      for (const s of sets) if (s.size > 0 && !parts.includes(s)) parts.push(s);
    } else {
      for (const s of new Set(sets)) if (s.size > 0) parts.push(s);
    }
    return parts;
  }

  private unionOfLists(parts: readonly ControllerSet[], largest: ControllerSet): ControllerSet {
    const stamp = ++this.stampNow;
    let size = 0;
    for (const part of parts) {
      const members = part.members!;
      for (let k = 0; k < members.length; k++) {
        const c = members[k]!;
        if (this.stamp[c] !== stamp) {
          this.stamp[c] = stamp;
          this.gathered[size++] = c;
        }
      }
    }
    if (size === largest.size) return largest;
    if (size > this.words) {
      const bits = new Uint32Array(this.words);
      for (let k = 0; k < size; k++) setBit(bits, this.gathered[k]!);
      return { size, members: null, bits };
    }
    return { size, members: this.gathered.slice(0, size).sort(), bits: null };
  }

  private unionIntoBits(parts: readonly ControllerSet[], largest: ControllerSet): ControllerSet {
    if (parts.every((part) => part === largest || this.isSubset(part, largest.bits!)))
      return largest;
    const bits = largest.bits!.slice();
    for (const part of parts) {
      if (part === largest) continue;
      if (part.bits) orInto(bits, part.bits);
      else for (const c of part.members!) setBit(bits, c);
    }
    return { size: popcount(bits), members: null, bits };
  }

  private isSubset(part: ControllerSet, of: Uint32Array): boolean {
    if (part.members) {
      for (const c of part.members) if ((of[c >>> 5]! & (1 << (c & 31))) === 0) return false;
      return true;
    }
    const bits = part.bits!;
    for (let w = 0; w < bits.length; w++) if ((bits[w]! & ~of[w]!) !== 0) return false;
    return true;
  }
}

function setBit(bits: Uint32Array, c: number): void {
  bits[c >>> 5]! |= 1 << (c & 31);
}

/** dst |= src, word by word; unrolled, as unions below a hub are mostly this loop. */
function orInto(dst: Uint32Array, src: Uint32Array): void {
  const n = dst.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    dst[i] = dst[i]! | src[i]!;
    dst[i + 1] = dst[i + 1]! | src[i + 1]!;
    dst[i + 2] = dst[i + 2]! | src[i + 2]!;
    dst[i + 3] = dst[i + 3]! | src[i + 3]!;
  }
  for (; i < n; i++) dst[i] = dst[i]! | src[i]!;
}

function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
