export { FormModal } from './form-modal';
export { limitsOf, rulesFrom } from './rules';
export { applyServerErrors } from './server-errors';
export { type Mutation, type Submit, useSubmit } from './use-submit';
