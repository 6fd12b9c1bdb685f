import { sweep } from './a11y-sweep';

// The phone part of the axe sweep (a11y-sweep.ts).
sweep({ pages: ['volunteer01', 'resident01'], details: false });
