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
    sourceFr: 'convention de campaign-lab\u00a0: un canal activé vise toute la liste',
    confidence: 'L',
    note: 'Set coverage below 1 to target part of the list.',
    noteFr: 'Une couverture inférieure à 1 vise une partie de la liste.',
  },
  contacts: {
    source: 'campaign-lab convention: one contact per person reached',
    sourceFr: 'convention de campaign-lab\u00a0: un contact par personne atteinte',
    confidence: 'L',
  },
  costPerContact: {
    source: 'campaign-lab convention: no cited cost for this channel in data/parameters.json, so 0',
    sourceFr: 'convention de campaign-lab\u00a0: la table des paramètres du projet ne cite aucun coût pour ce canal, donc 0',
    confidence: 'L',
  },
  yearsSinceCollected: {
    source: 'campaign-lab convention: the list size is as of the election',
    sourceFr: "convention de campaign-lab\u00a0: la taille de la liste est celle du jour de l'élection",
    confidence: 'L',
  },
  channels: {
    source: 'campaign-lab convention: a supporter list without channels is an e-mail list (the list sizes in data/parameters.json are e-mail lists)',
    sourceFr: "convention de campaign-lab\u00a0: une liste de soutiens sans canal est une liste d'adresses électroniques (les tailles de listes de la table des paramètres du projet sont celles de listes d'adresses électroniques)",
    confidence: 'L',
  },
  certainShare(resultsSource: string): Citation {
    return {
      source: `baseline turnout per territory: votes cast / eligible voters (${resultsSource})`,
      sourceFr: `participation de référence par territoire\u00a0: votants / inscrits (${resultsSource})`,
      confidence: 'M',
      note: 'List members are assumed to vote at least as often as the territory as a whole; 0 where eligible voters are unknown.',
      noteFr: "Les membres de la liste sont supposés voter au moins aussi souvent que l'ensemble du territoire\u00a0; 0 là où le nombre d'inscrits est inconnu.",
    };
  },
} satisfies Record<string, Citation | ((s: string) => Citation)>;
