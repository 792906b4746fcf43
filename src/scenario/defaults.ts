/**
 * Citations of the defaults that are modelling conventions rather than published figures. Channel
 * priors, churn, volunteer conversion, relay contacts and error SDs come from data/parameters.json with
 * their own citations; the few defaults below are choices of this project, stated so that every default
 * in a resolved scenario names where it comes from.
 */
import type { Citation } from '../model/types.js';

/** Citations of convention defaults, by field. */
export const CONVENTION_CITATIONS = {
  coverage: {
    source: 'campaign-lab convention: a channel switched on targets the whole list',
    confidence: 'L',
    note: 'Set coverage below 1 to target part of the list.',
  },
  contacts: {
    source: 'campaign-lab convention: one contact per person reached',
    confidence: 'L',
  },
  costPerContact: {
    source: 'campaign-lab convention: no cited cost for this channel in data/parameters.json, so 0',
    confidence: 'L',
  },
  yearsSinceCollected: {
    source: 'campaign-lab convention: the list size is as of the election',
    confidence: 'L',
  },
  channels: {
    source: 'campaign-lab convention: a supporter list without channels is an e-mail list (the list sizes in data/parameters.json are e-mail lists)',
    confidence: 'L',
  },
  certainShare(resultsSource: string): Citation {
    return {
      source: `baseline turnout per territory: votes cast / eligible voters (${resultsSource})`,
      confidence: 'M',
      note: 'List members are assumed to vote at least as often as the territory as a whole; 0 where eligible voters are unknown.',
    };
  },
} satisfies Record<string, Citation | ((s: string) => Citation)>;
