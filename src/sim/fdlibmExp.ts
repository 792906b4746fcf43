/**
 * The exponential of the multi-candidate draw, written once for JavaScript and (in the same arithmetic)
 * for the WebAssembly kernel (src/sim/wasm/assembly/kernel.ts `exp`), so both give the same last bit on
 * every engine. AssemblyScript's own Math.exp (musl's table method) and an engine's Math.exp may differ
 * in the last bit, which would change a close draw's winner between the two paths.
 *
 * Method: fdlibm's e_exp.c (Sun Microsystems 1993, as in FreeBSD msun and V8's base/ieee754.cc): with
 * x = k ln2 + r, |r| ≤ 0.5 ln2 (ln2 split in a high part exact in k × hi and a low part), exp(r) from the
 * Remez polynomial R(r²) of degree 5 as 1 + r + r c / (2 − c), c = r − r² R(r²), then scaled by 2^k.
 * Error below 1 ulp. V8's Math.exp is this algorithm (with exp(1) = Math.E exactly), so on Node and
 * Chromium this function equals Math.exp bit for bit (test/sim/fdlibmExp.test.ts checks 3 million
 * arguments). The high-word tests of the C source are written as comparisons of |x| with the doubles
 * whose high words they name (the low word is 0), which select the same branches.
 */

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
/** Above this exp overflows (0x40862E42 FEFA39EF). */
const OVERFLOW = 7.09782712893383973096e2;
/** Below this exp underflows to 0 (0xC0874910 D52D3051). */
const UNDERFLOW = -7.4513321910194110842e2;
/** 2^-1000 (0x01700000 00000000). */
const TWO_M1000 = 9.3326361850321887899e-302;
/** 2^1023. */
const TWO_1023 = 8.98846567431158e307;

const bits = new Float64Array(1);
const high = new Int32Array(bits.buffer, 4, 1);

/** 2^k for −1022 ≤ k ≤ 1023: a double with exponent k and mantissa 0 (its high word at byte 4: little-endian, as every WebAssembly host). */
function powerOfTwo(k: number): number {
  bits[0] = 0;
  high[0] = (0x3ff + k) << 20;
  return bits[0];
}

/**
 * e^x, fdlibm's algorithm (see the module): the same double as the kernel's WebAssembly `exp` and, on V8,
 * as Math.exp.
 *
 * @param x Any number.
 * @returns e^x (NaN for NaN, +∞ above 709.78, 0 below −745.13).
 * @example
 * fdlibmExp(0.25) === Math.exp(0.25) // => true (on V8)
 * fdlibmExp(1) // => 2.718281828459045
 */
export function fdlibmExp(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 709.7822265625)) {
    // high word ≥ 0x40862E42: NaN, ±∞, overflow, underflow or the last range before them.
    if (x !== x) return x + x;
    if (ax === Infinity) return x > 0 ? x : 0;
    if (x > OVERFLOW) return Infinity;
    if (x < UNDERFLOW) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  let r = x;
  if (ax >= 0.3465735912322998) {
    // |x| > 0.5 ln2 (high word above 0x3FD62E42): reduce.
    if (ax < 1.0397205352783203) {
      // and |x| < 1.5 ln2 (high word below 0x3FF0A2B2): k = ±1.
      if (x === 1) return 2.718281828459045;
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    // |x| < 2^-28 (high word below 0x3E300000).
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * TWO_1023 : y * powerOfTwo(k);
  return y * powerOfTwo(k + 1000) * TWO_M1000;
}
