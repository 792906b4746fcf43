/**
 * The mechanisms of a campaign that move no vote, and why: a channel switched on whose turnout effect is
 * zero by its prior (a point at 0, or a non-negative prior whose mean is 0), or whose persuasion is zero
 * because the prior is or because a supporter list has nobody to persuade. Each carries the source the
 * resolved scenario cites for the prior, so `value` says "door canvassing moves no turnout in France:
 * Pons 2018 AER 108(6):1322-63" instead of printing an unexplained +0.000.
 */
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { CHANNEL_NAMES, type ChannelName, type Side } from '../model/types.js';
import { priorShape } from '../model/priorDraw.js';
import type { Prior } from '../model/types.js';

/** A mechanism that moves no vote, with the reason and its source. */
export interface ZeroMechanism {
  side: Side;
  channel: ChannelName;
  mechanism: 'turnout' | 'persuasion';
  /** One sentence a strategist reads. */
  reason: string;
  /** The source cited for the prior (resolved scenario `citations`), or the scenario key that sets it. */
  source: string;
}

const WORDS: Record<ChannelName, string> = {
  email: 'E-mail',
  sms: 'Text messages',
  phone: 'Volunteer phone calls',
  door: 'Door canvassing',
  mail: 'Direct mail',
  social: 'The social-network message',
  relay: 'Relay messages',
};

/** Channels named in the plural (their verbs agree). */
const PLURAL: ReadonlySet<ChannelName> = new Set(['sms', 'phone', 'relay']);

/** A verb in the form the channel's name takes (`moves`/`move`). */
function verb(name: ChannelName, singular: string, plural: string): string {
  return PLURAL.has(name) ? plural : singular;
}

/** Whether every draw of a prior is exactly 0. */
function alwaysZero(prior: Prior): boolean {
  const s = priorShape(prior);
  return s.below === 0 && s.above === 0 && s.mode === 0;
}

/**
 * Every zero mechanism of a side's campaign (turnout and persuasion of each channel switched on).
 *
 * @param resolved resolved scenario
 * @param side the side
 * @returns the mechanisms, channels in CHANNEL_NAMES order, turnout first
 * @example
 * zeroMechanisms(resolvedFrance2027, 'LREM')[0].reason // => 'Door canvassing moves no turnout in France (Pons 2018 AER 108(6):1322-63)'
 */
export function zeroMechanisms(resolved: ResolvedScenario, side: Side): ZeroMechanism[] {
  const campaign = resolved.campaigns[side];
  if (!campaign || !(campaign.listSize > 0)) return [];
  const place = resolved.country === 'fr' ? 'in France' : resolved.salience === 'high' ? 'in a high-salience election' : 'in a low-salience election';
  const out: ZeroMechanism[] = [];
  for (const name of CHANNEL_NAMES) {
    const channel = campaign.channels[name];
    if (!channel) continue;
    const at = `campaigns.${side}.channels.${name}`;
    if (alwaysZero(channel.effect)) {
      const source = resolved.citations[`${at}.effect`]?.source ?? `${at}.effect (set in the scenario)`;
      out.push({ side, channel: name, mechanism: 'turnout', reason: `${WORDS[name]} ${verb(name, 'moves', 'move')} no turnout ${place} (${source})`, source });
    }
    if (alwaysZero(channel.persuasion)) {
      const source = resolved.citations[`${at}.persuasion`]?.source ?? `${at}.persuasion (set in the scenario)`;
      out.push({ side, channel: name, mechanism: 'persuasion', reason: `${WORDS[name]} ${verb(name, 'persuades', 'persuade')} nobody ${place} (${source})`, source });
    } else if (name !== 'relay' && !((campaign.persuadable ?? 0) > 0)) {
      const source = `campaigns.${side}.persuadable`;
      out.push({
        side,
        channel: name,
        mechanism: 'persuasion',
        reason: `${WORDS[name]} to list members ${verb(name, 'persuades', 'persuade')} nobody: they are the side's supporters already (${source} is 0; set it for a list of non-supporters)`,
        source,
      });
    }
  }
  return out;
}
