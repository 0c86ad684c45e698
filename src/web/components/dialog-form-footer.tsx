import type { FieldError } from '../../contracts/common';
import { errorMessage } from '../lib/api';
import { fieldErrorsOf } from '../lib/field-errors';
import { Alert } from './ui/alert';
import { Button } from './ui/button';

/**
 * The end of the dialog: what the server refused that no field shows (`unplaced`, or a whole-request
 * error), then Close and the save button. Shared by the studio's form dialogs.
 */
export function DialogFormFooter(props: {
  error: unknown;
  unplaced: FieldError[];
  saving: boolean;
  /** What the save button says: "Save" for an edit, "Create" or "Create plan" for a new one. */
  submitLabel: string;
  onClose: () => void;
}) {
  const formError = props.error && !fieldErrorsOf(props.error).length ? errorMessage(props.error) : null;
  return (
    <>
      {formError && <Alert tone="error">{formError}</Alert>}
      {props.unplaced.map((problem) => (
        <Alert key={problem.path} tone="error">
          {problem.message}
        </Alert>
      ))}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={props.onClose}>
          Close
        </Button>
        <Button type="submit" loading={props.saving}>
          {props.submitLabel}
        </Button>
      </div>
    </>
  );
}
