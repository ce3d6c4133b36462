// Shared by the build (which creates the Fuse index) and the runtime (which parses it):
// the two must list the same keys in the same order.
// A Fuse weight works as an exponent on the match score, so a title hit outranks an
// alias hit, which outranks a heading, which outranks a line of a note.
export const SEARCH_KEYS = [
  { name: 'title', weight: 4 },
  { name: 'alias', weight: 3.5 },
  { name: 'heading', weight: 2 },
  { name: 'line', weight: 1 },
  { name: 'owner', weight: 0.5 },
] as const;

export type SearchKey = (typeof SEARCH_KEYS)[number]['name'];
