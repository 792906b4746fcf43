/**
 * Loads data/poll-error-calibration.json, the poll forecast's error model fitted on the record
 * (scripts/data/fit_poll_error.ts). Node-only edge; the model's types and arithmetic are in
 * src/polls/pollErrorModel.ts.
 */
import { InputError, describeValue } from '../../errors.js';
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import { parseJsonText } from '../../data/parseJsonText.js';
import type { PollErrorFit, PollErrorModel } from '../../polls/pollErrorModel.js';

/** Name of the calibration file in data/. */
const POLL_ERROR_FILE = 'poll-error-calibration.json';

/**
 * Reads and checks the poll error model.
 *
 * @param options `dataDirectory` reads another folder (tests).
 * @returns the model: its fits (`all`, `without-<year>`), source, script and descriptive tables
 * @throws {InputError} naming the file and key of a missing or ill-typed value
 * @example
 * loadPollErrorModel().fits.map((f) => f.id) // => ['all', 'without-2000', 'without-2004', 'without-2008', 'without-2012', 'without-2016']
 */
export function loadPollErrorModel(options: DataDirectoryOptions = {}): PollErrorModel {
  const { path, text } = readDataFile(POLL_ERROR_FILE, options);
  const root = parseJsonText(text, path) as Record<string, unknown> | null;
  const fail = (at: string, expected: string, found: unknown): never => {
    throw new InputError({ file: path, at, expected, found: describeValue(found) });
  };
  if (root === null || typeof root !== 'object' || Array.isArray(root)) fail('(root)', 'an object', root);
  const model = root as Record<string, unknown>;
  if (!Array.isArray(model.fits) || model.fits.length === 0) fail('fits', 'a list of fits', model.fits);
  (model.fits as unknown[]).forEach((fit, i) => {
    const f = fit as Record<string, unknown>;
    if (typeof f?.id !== 'string') fail(`fits.${i}.id`, 'a text', f?.id);
    for (const key of ['national', 'regional', 'stateBase', 'statePerPoll', 'priorRelative'] as const) {
      if (typeof f[key] !== 'number' || !((f[key] as number) >= 0)) fail(`fits.${i}.${key}`, 'a non-negative number of pp', f[key]);
    }
    if (typeof f.tails !== 'number' || !((f.tails as number) > 2)) fail(`fits.${i}.tails`, 'degrees of freedom above 2', f.tails);
    if (typeof f.undecidedPower !== 'number' || !Number.isFinite(f.undecidedPower)) fail(`fits.${i}.undecidedPower`, 'a number', f.undecidedPower);
    if (!Array.isArray(f.years)) fail(`fits.${i}.years`, 'a list of years', f.years);
  });
  if (!(model.fits as PollErrorFit[]).some((f) => f.id === 'all')) fail('fits', 'a fit with id "all"', 'none');
  for (const key of ['description', 'source', 'script'] as const) if (typeof model[key] !== 'string') fail(key, 'a text', model[key]);
  if (typeof model.recentDays !== 'number') fail('recentDays', 'a number of days', model.recentDays);
  return model as unknown as PollErrorModel;
}

/**
 * The D and R nominees of a US election year from data/us_candidates.json, or undefined when the file
 * has no entry for that year (a race yet to be held).
 *
 * @example
 * loadUsNominees(2016) // => { D: 'Hillary Clinton', R: 'Donald Trump' }
 */
export function loadUsNominees(year: number, options: DataDirectoryOptions = {}): Record<string, string> | undefined {
  const { path, text } = readDataFile('us_candidates.json', options);
  const root = parseJsonText(text, path) as Record<string, unknown>;
  const entry = root?.[String(year)];
  if (entry === null || typeof entry !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [side, name] of Object.entries(entry as Record<string, unknown>)) if (typeof name === 'string') out[side] = name;
  return out;
}
