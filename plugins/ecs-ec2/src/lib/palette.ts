/**
 * Okabe-Ito colours, which stay distinct for the common forms of colour blindness.
 * Every use pairs them with text, an icon or a pattern, so colour is never the only cue.
 */
export const okabeIto = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

/** Colours of the deployments of a service, PRIMARY first. */
export const deploymentColours = [
  okabeIto.blue,
  okabeIto.orange,
  okabeIto.reddishPurple,
  okabeIto.skyBlue,
];

/** Colour of unhealthy or stopped tasks, drawn with a stripe pattern as well. */
export const problemColour = okabeIto.vermillion;

/** Diagonal stripes that mark unhealthy tasks without relying on colour. */
export const stripePattern =
  'repeating-linear-gradient(45deg, rgba(0,0,0,0.45) 0 3px, transparent 3px 6px)';

/** Dots that mark pending tasks. */
export const dotPattern =
  'radial-gradient(circle, rgba(255,255,255,0.9) 1px, transparent 1.5px) 0 0 / 5px 5px';
