// The fields Fuse scores. A Fuse weight works as an exponent on the match score, so a
// title hit outranks an alias hit, which outranks a heading, which outranks a line.
export const SEARCH_KEYS = [
  { name: 'title', weight: 4 },
  { name: 'alias', weight: 3.5 },
  { name: 'heading', weight: 2 },
  { name: 'line', weight: 1 },
] as const;
