/**
 * Typed reading of parsed JSON with key-path error messages, shared by the JSON data loaders.
 * A value found in the file is rendered by describeCell: shown when shaped like a name, a number or
 * a territory, otherwise described ("a 34-character value"), so the reader is safe on a user's file.
 */
import type { Citation, CitedPrior, Confidence } from '../model/types.js';
import { InputError, describeCell, describeValue } from '../errors.js';

const CONFIDENCES: readonly Confidence[] = ['H', 'M', 'L'];

/**
 * Reads JSON values at key paths and reports the file and key path when a value has the wrong type,
 * in the one InputError grammar: `data/parameters.json: channels.door.contactRate.low must be a finite number, got "x"`.
 */
export class JsonReader {
  constructor(readonly file: string) {}

  /**
   * Throws the InputError for `at`.
   * @param found the value read from the file (rendered by describeCell), or, with `computed`, a
   *   value this reader built from checked numbers (rendered in full)
   */
  fail(at: string, expected: string, found: unknown, computed = false): never {
    throw new InputError({ file: this.file, at, expected, found: computed ? describeValue(found) : describeCell(found) });
  }

  object(value: unknown, at: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, 'an object', value);
    return value as Record<string, unknown>;
  }

  number(value: unknown, at: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(at, 'a finite number', value);
    return value as number;
  }

  string(value: unknown, at: string): string {
    if (typeof value !== 'string' || value.length === 0) this.fail(at, 'a non-empty string', value);
    return value as string;
  }

  citation(value: unknown, at: string): Citation {
    const o = this.object(value, at);
    const source = this.string(o.source, `${at}.source`);
    const confidence = o.confidence;
    if (!CONFIDENCES.includes(confidence as Confidence)) this.fail(`${at}.confidence`, 'one of "H", "M", "L"', confidence);
    const citation: Citation = { source, confidence: confidence as Confidence };
    if (o.note !== undefined) citation.note = this.string(o.note, `${at}.note`);
    if (o.sourceFr !== undefined) citation.sourceFr = this.string(o.sourceFr, `${at}.sourceFr`);
    if (o.noteFr !== undefined) citation.noteFr = this.string(o.noteFr, `${at}.noteFr`);
    return citation;
  }

  optionalString(value: unknown, at: string): string | undefined {
    return value === undefined || value === null ? undefined : this.string(value, at);
  }

  nullableNumber(value: unknown, at: string): number | null {
    return value === null ? null : this.number(value, at);
  }

  array(value: unknown, at: string): unknown[] {
    if (!Array.isArray(value)) this.fail(at, 'an array', value);
    return value as unknown[];
  }

  boolean(value: unknown, at: string): boolean {
    if (typeof value !== 'boolean') this.fail(at, 'true or false', value);
    return value as boolean;
  }

  prior(value: unknown, at: string): CitedPrior {
    const o = this.object(value, at);
    const central = this.number(o.central, `${at}.central`);
    const low = this.number(o.low, `${at}.low`);
    const high = this.number(o.high, `${at}.high`);
    if (!(low <= central && central <= high)) this.fail(at, 'a prior with low <= central <= high', { low, central, high }, true);
    return { central, low, high, citation: this.citation(o.citation, `${at}.citation`) };
  }

  share(value: unknown, at: string): CitedPrior {
    const p = this.prior(value, at);
    if (p.low < 0 || p.high > 1) this.fail(at, 'a prior of shares between 0 and 1', { low: p.low, high: p.high }, true);
    return p;
  }

  nonNegative(value: unknown, at: string): CitedPrior {
    const p = this.prior(value, at);
    if (p.low < 0) this.fail(`${at}.low`, 'a non-negative number', p.low);
    return p;
  }
}
