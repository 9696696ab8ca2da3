/**
 * The form component kit: accessible, GOV.UK-pattern form parts with the app's own calm look.
 * Importing any of them loads the kit's styles (form.css, choices.css, actions.css) once (styles.ts).
 * Pages on the first screen (the caseload) import the components' own files instead: this index
 * reaches every component, and whatever the entry chunk reaches ships in it.
 * Presentational only: no data access (lint enforces it).
 * Each component documents its props and an example in its header comment; README.md has an overview.
 */
import './styles';

export { Button, buttonClass, type ButtonProps, type ButtonVariant } from './Button';
export { Field, ErrorMessage, Hint, joinIds, hintId, errorId, type FieldProps, type ControlProps } from './Field';
export { Fieldset, type FieldsetProps } from './Fieldset';
export { TextInput, type TextInputProps, type InputWidth } from './TextInput';
export { Textarea, countMessage, type TextareaProps } from './Textarea';
export { Select, type SelectProps, type SelectOption } from './Select';
export { Radios, type RadiosProps } from './Radios';
export { Checkboxes, type CheckboxesProps } from './Checkboxes';
export { optionId, type ChoiceOption } from './choices';
export { DateInput, type DateInputProps } from './DateInput';
export { ErrorSummary, focusField, type ErrorSummaryProps, type FormError } from './ErrorSummary';
export { useFormState, type FormState, type FormStateOptions } from './useFormState';
export { ButtonGroup, InlineMessage, type InlineMessageProps } from './layout';
