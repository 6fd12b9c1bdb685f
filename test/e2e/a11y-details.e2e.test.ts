import { sweep } from './a11y-sweep';

// The details part of the axe sweep (a11y-sweep.ts).
sweep({ pages: [], details: true });
