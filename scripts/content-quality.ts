// `npx tsx scripts/content-quality.ts [service…]`: the answer-length and near-duplicate
// figures of the question bank (src/content/quality.ts) and the content check's problems,
// for people writing questions. Unlike `npm run check:content` it shows the figures of a
// bank that does not pass yet. With service ids, the length figures cover those files only;
// duplicates are always checked across the whole bank.
import path from 'node:path';
import { compileTree } from '../src/content/compile.js';
import { lengthStats, MAX_LONGEST_SHARE, MAX_MEAN_GAP, nearDuplicates } from '../src/content/quality.js';
import { root } from './bundle.js';

const only = new Set(process.argv.slice(2));
const { questions, problems, pending } = compileTree(path.join(root, 'content'));
const mine = only.size ? questions.filter((q) => only.has(q.service)) : questions;
const stats = lengthStats(mine);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
console.log(`${mine.length} questions (${stats.single} single-answer)`);
console.log(
  `correct option strictly longest: ${stats.longest.length}/${stats.single} = ${pct(stats.longestShare)} (at most ${pct(MAX_LONGEST_SHARE)})`,
);
console.log(
  `mean length: correct ${stats.meanCorrect.toFixed(0)}, wrong ${stats.meanWrong.toFixed(0)}, gap ${pct(stats.meanGap)} (at most ${pct(MAX_MEAN_GAP)})`,
);
if (stats.longest.length) console.log(`  longest correct: ${stats.longest.join(', ')}`);
const duplicates = nearDuplicates(questions).filter((d) => !only.size || only.has(d.a.service) || only.has(d.b.service));
for (const d of duplicates) console.log(`near-duplicate (stem ${d.stem.toFixed(2)}, answer ${d.answer.toFixed(2)}): ${d.a.id} ~ ${d.b.id}`);
const counts = new Map<string, number>();
for (const q of mine) for (const t of q.tasks) counts.set(t, (counts.get(t) ?? 0) + 1);
console.log(
  `tasks: ${[...counts]
    .sort()
    .map(([t, n]) => `${t}:${n}`)
    .join(' ')}; untagged: ${mine.filter((q) => q.tasks.length === 0).length}`,
);
const relevant = (line: string) => !only.size || [...only].some((id) => line.includes(`/${id}.`) || line.includes(` ${id}-`));
const shown = problems.filter(relevant);
console.log(`content check: ${problems.length} problem(s)${only.size ? `, ${shown.length} about these files` : ''}`);
for (const p of shown) console.log(`  ${p}`);
if (pending.length) console.log(`bank-wide minimums not met yet (not enforced): ${pending.length}`);
