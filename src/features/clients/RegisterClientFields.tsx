/**
 * The fields of the register page, in the order a worker asks them: who the person is first (name,
 * date of birth, postcode, which the duplicate check reads), then contact details, language, needs,
 * notes and, for someone in several teams or none, the team. Ids follow `client-<field>` so the
 * error summary links to each.
 */
import type { ReactNode } from 'react';
import type { TeamRef } from '#shared/domain/roles';
import { LONG_TEXT_MAX } from '#shared/schemas/common';
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput, type FormState } from '../../ui/form';
import { NEEDS, needLabel } from './vocabulary';

export interface RegisterValues {
  name: string;
  dateOfBirth: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
  language: string;
  needs: string[];
  notes: string;
  teamId: string;
}

/** Page order, used to sort the error summary the same way. */
export const FIELD_ORDER: readonly string[] = ['name', 'dateOfBirth', 'postcode', 'address', 'phone', 'email', 'language', 'needs', 'notes', 'teamId'];

export const fieldId = (field: string): string => (field === 'teamId' ? 'client-team' : `client-${field}`);

export interface RegisterClientFieldsProps {
  form: FormState<RegisterValues>;
  teams: readonly TeamRef[];
  /** Teams seen on this device, offered when the user belongs to none. */
  knownTeamIds: readonly string[];
  /** Shown right after the identity fields (the duplicate warning). */
  afterIdentity: ReactNode;
}

export function RegisterClientFields({ form, teams, knownTeamIds, afterIdentity }: RegisterClientFieldsProps) {
  const { values, set, errorFor } = form;
  return (
    <>
      <TextInput id={fieldId('name')} label="Full name" autoComplete="off" spellCheck={false} value={values.name} onChange={(v) => set('name', v)} error={errorFor('name')} />
      <DateInput
        id={fieldId('dateOfBirth')}
        label="Date of birth (optional)"
        hint="Leave blank if they do not want to say or do not know"
        value={values.dateOfBirth}
        onChange={(v) => set('dateOfBirth', v)}
        error={errorFor('dateOfBirth')}
      />
      <TextInput
        id={fieldId('postcode')}
        label="Postcode (optional)"
        width="short"
        autoComplete="off"
        autoCapitalize="characters"
        value={values.postcode}
        onChange={(v) => set('postcode', v)}
        error={errorFor('postcode')}
      />
      {afterIdentity}
      <Textarea
        id={fieldId('address')}
        label="Address (optional)"
        hint="Or where they can be found, for example a hostel or a day centre"
        rows={3}
        maxLength={500}
        value={values.address}
        onChange={(v) => set('address', v)}
        error={errorFor('address')}
      />
      <TextInput id={fieldId('phone')} label="Phone number (optional)" type="tel" width="half" autoComplete="off" value={values.phone} onChange={(v) => set('phone', v)} error={errorFor('phone')} />
      <TextInput
        id={fieldId('email')}
        label="Email address (optional)"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={values.email}
        onChange={(v) => set('email', v)}
        error={errorFor('email')}
      />
      <TextInput
        id={fieldId('language')}
        label="Preferred language (optional)"
        hint="For example, English, Polish or Arabic"
        width="half"
        value={values.language}
        onChange={(v) => set('language', v)}
        error={errorFor('language')}
      />
      <Checkboxes
        id={fieldId('needs')}
        legend="What do they need help with? (optional)"
        hint="Select all that apply"
        options={NEEDS.map((n) => ({ value: n, label: needLabel(n) }))}
        values={values.needs}
        onChange={(v) => set('needs', v)}
        error={errorFor('needs')}
      />
      <Textarea id={fieldId('notes')} label="Notes (optional)" maxLength={LONG_TEXT_MAX} value={values.notes} onChange={(v) => set('notes', v)} error={errorFor('notes')} />
      {teams.length > 1 ? (
        <Radios
          id={fieldId('teamId')}
          legend="Which team is this client with?"
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          value={values.teamId}
          onChange={(v) => set('teamId', v)}
          error={errorFor('teamId')}
        />
      ) : teams.length === 0 ? (
        <Select
          id={fieldId('teamId')}
          label="Which team is this client with?"
          hint="You are not in a team, so choose the team that will support them"
          placeholder="Choose a team"
          options={knownTeamIds.map((id) => ({ value: id, label: id }))}
          value={values.teamId}
          onChange={(v) => set('teamId', v)}
          error={errorFor('teamId')}
        />
      ) : null}
    </>
  );
}
