import { sweep } from './a11y-sweep';

// The desk part of the axe sweep (a11y-sweep.ts).
sweep({ pages: [null, 'admin'], details: false });
