import { hashParts } from "./uid";

// Two uniforms on [0, 65535] summed have variance 2 * 65536^2 / 12: this scales them to 1.
const UNIT_TRIANGULAR_SCALE = 1 / (65536 * Math.sqrt(2 / 12));

/** mulberry32: a 32-bit state, one multiply-xorshift step per draw, good enough for image noise. */
export class SeededRandom {
  private state: number;

  constructor(seed: string, ...parts: string[]) {
    this.state = hashParts(seed, parts).readUInt32LE(0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    return mix(this.state) / 4294967296;
  }

  /**
   * Fills `out` with zero-mean, unit-deviation noise of triangular shape (close enough to Gaussian
   * for image noise): the sum of the two 16-bit halves of one draw. The loop keeps the state in a
   * local so a 512 x 512 slice costs about a millisecond.
   */
  fillTriangularNoise(out: Float32Array): void {
    let state = this.state;
    for (let i = 0; i < out.length; i++) {
      state = (state + 0x6d2b79f5) | 0;
      const bits = mix(state);
      out[i] = ((bits & 0xffff) + (bits >>> 16) - 65535) * UNIT_TRIANGULAR_SCALE;
    }
    this.state = state;
  }
}

function mix(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
}
