/**
 * Loads the JSON fact files of data/ (Node-only edge; parsing lives in src/data/campaignLists.ts,
 * primaries.ts and legalLimits.ts).
 */
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import { parseCampaignLists, type CampaignLists } from '../../data/campaignLists.js';
import { parsePrimaries, type Primary } from '../../data/primaries.js';
import { parseLegalLimits, type LegalLimits } from '../../data/legalLimits.js';

function read(name: string, options: DataDirectoryOptions) {
  const { path, text } = readDataFile(name, options);
  return { file: path, text };
}

/**
 * Loads the campaign supporter-list and database facts (data/campaign_lists.json).
 *
 * @param options `dataDirectory` reads another folder.
 * @returns Facts by year and side with citations; figures not found are null.
 * @throws {InputError} when the file is missing or malformed.
 * @example
 * loadCampaignLists().largerListWon['2016'] // => false
 */
export function loadCampaignLists(options: DataDirectoryOptions = {}): CampaignLists {
  return parseCampaignLists(read('campaign_lists.json', options));
}

/**
 * Loads the open-primary participation benchmarks (data/primaries.json).
 *
 * @param options `dataDirectory` reads another folder.
 * @returns The 2011 PS primary and the 2005 Italian centre-left primary.
 * @throws {InputError} when the file is missing or malformed.
 * @example
 * loadPrimaries().map((p) => p.id) // => ['fr-ps-2011', 'it-unione-2005']
 */
export function loadPrimaries(options: DataDirectoryOptions = {}): Primary[] {
  return parsePrimaries(read('primaries.json', options));
}

/**
 * Loads the legal limits of one country (data/legal.json): spending caps, advertising blackout
 * windows, donation caps and consent rules, for the allocation analysis.
 *
 * @param country `us` or `fr`.
 * @param options `dataDirectory` reads another folder.
 * @returns The limits with citations.
 * @throws {InputError} for an unknown country or a missing or malformed file.
 * @example
 * loadLegalLimits('fr').spendingCaps[0]?.amount // => 22509000
 */
export function loadLegalLimits(country: 'us' | 'fr', options: DataDirectoryOptions = {}): LegalLimits {
  return parseLegalLimits(read('legal.json', options), country);
}
