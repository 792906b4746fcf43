/**
 * One catalogue of the warnings analyses give when they carry on with a weak footing (few draws left
 * after conditioning, draws not kept, ...). Warnings are returned with the result, never printed, so
 * callers count them and tests assert them (in the manner of vega-lite `src/log/message.ts`).
 */

/** A warning returned beside an analysis result. */
export interface AnalysisWarning {
  /** Stable code tests and callers can match. */
  code: 'few-draws' | 'no-draws' | 'clipped-budget' | 'blocked-channel';
  /** Ready-to-print sentence. */
  message: string;
}

/** The warning texts, one function per code. */
export const analysisMessages = {
  /**
   * @example
   * analysisMessages.fewDraws(37, 100000, 'D wins FL') // => {code: 'few-draws', message: 'conditioning on "D wins FL" kept 37 of 100000 draws; the estimate is noisy'}
   */
  fewDraws(kept: number, total: number, condition: string): AnalysisWarning {
    return { code: 'few-draws', message: `conditioning on "${condition}" kept ${kept} of ${total} draws; the estimate is noisy` };
  },
  /**
   * No draw satisfies the condition: the conditional probability is undefined (reported as NaN).
   * @example
   * analysisMessages.noDraws(1000, 'D wins WY').message // => 'conditioning on "D wins WY" kept 0 of 1000 draws; the probability is undefined'
   */
  noDraws(total: number, condition: string): AnalysisWarning {
    return { code: 'no-draws', message: `conditioning on "${condition}" kept 0 of ${total} draws; the probability is undefined` };
  },
  /**
   * Part of a budget was not spent: a legal cap, every option at its limit, or no option raising P(win).
   * @example
   * analysisMessages.clippedBudget(2500.4, 'EUR', 'spending cap').message // => '2500 EUR of the budget stayed unspent: spending cap'
   */
  clippedBudget(unspent: number, currency: string, reason: string): AnalysisWarning {
    return { code: 'clipped-budget', message: `${Math.round(unspent)} ${currency} of the budget stayed unspent: ${reason}` };
  },
  /**
   * An allocation option was excluded by a legal rule (blackout window, consent).
   * @example
   * analysisMessages.blockedChannel('channel:social', 'paid advertising is banned').message // => 'option "channel:social" is not allowed: paid advertising is banned'
   */
  blockedChannel(option: string, rule: string): AnalysisWarning {
    return { code: 'blocked-channel', message: `option "${option}" is not allowed: ${rule}` };
  },
};
