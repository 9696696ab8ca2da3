/**
 * Shared pieces of Radios and Checkboxes: the option type and the id rule. The first option takes
 * the group's id, so an error summary link `#id` focuses the first choice (GOV.UK convention); the
 * others are `id-2`, `id-3`, ….
 */
import type { ReactNode } from 'react';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  /** One short line under the option's label. */
  hint?: ReactNode;
}

export function optionId(groupId: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-${index + 1}`;
}
