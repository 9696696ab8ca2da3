/** The feedback form's choices in plain words: the 1-5 rating scale and the schema's themes. */
import type { FEEDBACK_THEMES } from '#shared/schemas/feedback';

type Theme = (typeof FEEDBACK_THEMES)[number];

export const RATING_OPTIONS = [
  { value: '1', label: '1 – Very poor' },
  { value: '2', label: '2 – Poor' },
  { value: '3', label: '3 – Neither good nor poor' },
  { value: '4', label: '4 – Good' },
  { value: '5', label: '5 – Very good' },
] as const;

export const THEME_LABELS: Record<Theme, string> = {
  staff: 'The staff',
  waiting: 'Waiting times',
  place: 'The place or building',
  information: 'Information and advice',
  outcome: 'What happened as a result',
  other: 'Something else',
};

/** A radio value for "no particular theme", so a theme chosen by mistake can be cleared. */
export const NO_THEME = 'none';
