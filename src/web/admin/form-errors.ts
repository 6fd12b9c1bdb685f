// The helper moved into the form kit; forms not yet on `useSubmit` still import it from here.
export { applyServerErrors } from '../lib/form/server-errors';
