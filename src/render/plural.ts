// A count in words, as the plain commands and the app's notices write counts.

/** "1 answer", "2 answers", "1,075,572 events"; `many` for the plural that is not one + s. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
