/**
 * The choices the visit form offers, in plain words. Visit kinds are the schema's codes; outcomes
 * are free text in the schema, so the list is the common ones across the teams' work plus 'Other'
 * for anything else (the worker types it).
 */
import type { VisitKind } from '#shared/schemas/index';

export const KIND_OPTIONS: readonly { value: VisitKind; label: string }[] = [
  { value: 'outreach', label: 'Outreach' },
  { value: 'home', label: 'Home visit' },
  { value: 'drop-in', label: 'Drop-in' },
  { value: 'phone', label: 'Phone' },
  { value: 'online', label: 'Online' },
];

export const OTHER_OUTCOME = 'Other';

export const COMMON_OUTCOMES: readonly string[] = [
  'Advice given',
  'Signposted',
  'Referral made',
  'Essentials given',
  'Benefit claim helped',
  'Housing application updated',
  'Digital skill practised',
  OTHER_OUTCOME,
];
