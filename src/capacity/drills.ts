// Capacity drills: exam-style capacity questions with random but realistic numbers. The
// right answer always comes from the calculator (dynamodb.ts, kinesis.ts); the distractors
// are the classic mistakes, each with a `why` that names the mistake. Pure and deterministic
// for a given random source: no I/O, no UI.
//
// The question builders are in drills/ (reads.ts, writes.ts, query.ts, kinesis.ts), the
// option and distractor assembly in drills/assemble.ts; this module picks the template and
// draws the case.
import { createRng } from '../quiz/random.js';
import { toDrill } from './drills/assemble.js';
import { pick, rate, ITEM_SIZES, PER_PERIOD, PER_SECOND } from './drills/draw.js';
import { kinesisDrill } from './drills/kinesis.js';
import { batchGetDrill, queryDrill } from './drills/query.js';
import { readDrill, transactionalReadDrill } from './drills/reads.js';
import { DRILL_TEMPLATES, isDrillTemplate, type Built, type Drill, type DrillInputs, type DrillTemplate } from './drills/types.js';
import { writeDrill } from './drills/writes.js';

export { createRng, DRILL_TEMPLATES, isDrillTemplate };
export type { Drill, DrillInputs, DrillTemplate };

function build(template: DrillTemplate, rng: () => number): Built {
  switch (template) {
    case 'drill-dynamodb-read':
      return readDrill(template, rng, pick(rng, ITEM_SIZES), pick(rng, PER_SECOND), rng() < 0.5 ? 'strong' : 'eventual');
    case 'drill-dynamodb-read-period':
      return readDrill(template, rng, pick(rng, ITEM_SIZES), pick(rng, PER_PERIOD), rng() < 0.5 ? 'strong' : 'eventual');
    case 'drill-dynamodb-write':
      return writeDrill(template, rng, false);
    case 'drill-dynamodb-transactional':
      return rng() < 0.5 ? transactionalReadDrill(rng) : writeDrill(template, rng, true);
    case 'drill-dynamodb-query':
      return queryDrill(rng);
    case 'drill-dynamodb-batch-get':
      return batchGetDrill(rng);
    case 'drill-kinesis-shards':
      return kinesisDrill(rng);
  }
}

/** A drill from `template` (or a random template), with numbers drawn from `rng`. */
export function generateDrill(rng: () => number, template?: string): Drill {
  if (template !== undefined && !isDrillTemplate(template)) {
    throw new RangeError(`unknown drill template '${template}': use one of ${DRILL_TEMPLATES.join(', ')}`);
  }
  const chosen: DrillTemplate = template ?? pick(rng, DRILL_TEMPLATES);
  return toDrill(build(chosen, rng), rng);
}

/**
 * A drill of exactly the case on the calculator (its inputs must be valid): the same
 * question, answer and distractors as a generated one, with the learner's own numbers.
 */
export function drillFromCase(inputs: DrillInputs, rng: () => number): Drill {
  switch (inputs.calculator) {
    case 'read': {
      const { size: s, rate: r, consistency = 'strong' } = inputs.input;
      const built =
        consistency === 'transactional'
          ? transactionalReadDrill(rng, { size: s, rate: r })
          : readDrill(rate(r).seconds === 1 ? 'drill-dynamodb-read' : 'drill-dynamodb-read-period', rng, s, r, consistency);
      return toDrill(built, rng);
    }
    case 'write': {
      const { size: s, rate: r, transactional = false } = inputs.input;
      return toDrill(
        writeDrill(transactional ? 'drill-dynamodb-transactional' : 'drill-dynamodb-write', rng, transactional, { size: s, rate: r }),
        rng,
      );
    }
    case 'query':
      return toDrill(
        queryDrill(rng, {
          totalSize: inputs.input.totalSize,
          consistency: inputs.input.consistency ?? 'strong',
          rate: inputs.input.rate ?? '1',
        }),
        rng,
      );
    case 'batch-get':
      return toDrill(
        batchGetDrill(rng, {
          sizes: inputs.input.sizes.split(',').map((x) => x.trim()),
          consistency: inputs.input.consistency ?? 'strong',
        }),
        rng,
      );
    case 'kinesis': {
      const { records, recordSize, consumers = 1, fanOut = false } = inputs.input;
      return toDrill(kinesisDrill(rng, { records, recordSize, consumers: Number(consumers), fanOut }), rng);
    }
  }
}
