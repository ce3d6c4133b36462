// Reads of several items: one Query (the total rounded once) and one BatchGetItem call
// (each item rounded).
import { batchGetCapacity, queryCapacity, READ_BLOCK, WRITE_BLOCK, type BatchGetInput, type QueryInput } from '../dynamodb.js';
import { format } from '../parse.js';
import {
  APPS,
  BATCH_SIZES,
  CONSISTENCY_TEXT,
  dynamodbBuilt,
  pick,
  QUERY_ITEM_COUNTS,
  QUERY_ITEM_SIZES,
  QUERY_RATES,
  rate,
  size,
  solved,
  whole,
} from './draw.js';
import type { Built, Mistake, ReadConsistency } from './types.js';

export function queryDrill(rng: () => number, fixed?: { totalSize: string; consistency: ReadConsistency; rate: string }): Built {
  // A fixed case gives only the total: it is asked as one item of that size.
  let itemSize = fixed?.totalSize ?? pick(rng, QUERY_ITEM_SIZES);
  let itemCount = fixed ? 1 : pick(rng, QUERY_ITEM_COUNTS);
  // One Query page is at most 1 MB: draw again until the result fits (deterministically).
  while (!fixed && size(itemSize).bytes * itemCount > 1024 * 1024) {
    itemSize = pick(rng, QUERY_ITEM_SIZES);
    itemCount = pick(rng, QUERY_ITEM_COUNTS);
  }
  const item = size(itemSize);
  const totalBytes = item.bytes * itemCount;
  // A total in KB when it has at most 3 decimals and the items were given in KB; else bytes.
  const totalSize = fixed?.totalSize ?? (totalBytes % 128 === 0 && /kb$/i.test(itemSize) ? `${totalBytes / 1024}KB` : String(totalBytes));
  const consistency: ReadConsistency = fixed?.consistency ?? (rng() < 0.5 ? 'strong' : 'eventual');
  const rateText = fixed?.rate ?? pick(rng, QUERY_RATES);
  const input: QueryInput = { totalSize, consistency, rate: rateText };
  const result = solved(queryCapacity(input));
  const total = size(totalSize);
  const r = rate(rateText);
  const factor = consistency === 'eventual' ? 0.5 : 1;
  const perQuery = Math.ceil(total.bytes / READ_BLOCK);
  const app = pick(rng, APPS);
  const returned = fixed ? `items totalling ${total.text}` : `${itemCount} items of ${item.text} (${total.text} in total)`;
  const question = `${app} runs ${format(r.perSecond)} ${r.perSecond === 1 ? 'Query' : 'Queries'} per second against a DynamoDB table. Each Query returns ${returned} with ${CONSISTENCY_TEXT[consistency]} reads. How many read capacity units (RCU) must the table provision?`;
  const mistakes: Mistake[] = [
    {
      value: whole(Math.ceil(item.bytes / READ_BLOCK) * itemCount * factor * r.perSecond),
      why: `Rounded each item up to 4 KB, as BatchGetItem does: a Query adds up the items first and rounds the total once (${total.text} → ${perQuery} RCU).`,
    },
    consistency === 'strong'
      ? { value: whole(perQuery * 0.5 * r.perSecond), why: 'Halved for eventual consistency, but these Queries are strongly consistent.' }
      : {
          value: whole(perQuery * r.perSecond),
          why: 'Did not halve: this is the strongly consistent figure, and eventually consistent Queries cost half as much.',
        },
    {
      value: whole(Math.ceil(total.bytes / WRITE_BLOCK) * factor * r.perSecond),
      why: 'Used 1 KB per unit, which is the write rule: reads are measured in 4 KB blocks.',
    },
    {
      value: whole(perQuery * factor),
      why: `Gave the units for one Query: multiply by the ${format(r.perSecond)} Queries per second to get the capacity to provision.`,
    },
    {
      value: whole(Math.ceil(perQuery * factor - 1e-9) * r.perSecond),
      why: 'Rounded the units of each Query up to a whole number before multiplying by the rate: round once, at the end.',
    },
  ];
  return {
    template: 'drill-dynamodb-query',
    service: 'dynamodb',
    section: 'capacity-units',
    question,
    answerValue: result.provision!,
    unitLabel: result.unit,
    correctWhy: `Correct: ${result.summary}.`,
    steps: result.steps,
    summary: result.summary,
    mistakes,
    inputs: fixed ? { calculator: 'query', input } : { calculator: 'query', input, itemCount, itemSize },
  };
}

export function batchGetDrill(rng: () => number, fixed?: { sizes: string[]; consistency: ReadConsistency }): Built {
  const count = fixed?.sizes.length ?? 2 + Math.floor(rng() * 4);
  const sizeTexts = fixed?.sizes ?? Array.from({ length: count }, () => pick(rng, BATCH_SIZES));
  const consistency: ReadConsistency = fixed?.consistency ?? (rng() < 0.5 ? 'strong' : 'eventual');
  const input: BatchGetInput = { sizes: sizeTexts.join(', '), consistency };
  const result = solved(batchGetCapacity(input));
  const sizes = sizeTexts.map(size);
  const factor = consistency === 'eventual' ? 0.5 : 1;
  const blocks = sizes.map((s) => Math.ceil(s.bytes / READ_BLOCK));
  const perItem = blocks.reduce((a, b) => a + b, 0);
  const totalBytes = sizes.reduce((a, s) => a + s.bytes, 0);
  const list = sizes.map((s) => s.text);
  const listText = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
  const app = pick(rng, APPS);
  const question = `${app} calls BatchGetItem with ${CONSISTENCY_TEXT[consistency]} reads and gets back ${count} items of ${listText}. How many read capacity units (RCU) does the call consume?`;
  const mistakes: Mistake[] = [
    {
      value: Math.ceil(totalBytes / READ_BLOCK) * factor,
      why: `Added the sizes and rounded the total once, as a Query does: BatchGetItem rounds each item up to 4 KB first (${blocks.map((b) => `${b * 4} KB`).join(' + ')}).`,
    },
    consistency === 'strong'
      ? { value: perItem * 0.5, why: 'Halved for eventual consistency, but this call uses strongly consistent reads.' }
      : {
          value: perItem,
          why: 'Did not halve: this is the strongly consistent figure, and eventually consistent reads cost half as much.',
        },
    {
      value: sizes.reduce((a, s) => a + Math.ceil(s.bytes / WRITE_BLOCK), 0) * factor,
      why: 'Used 1 KB per unit, which is the write rule: each item is rounded up to 4 KB for reads.',
    },
    { value: count * factor, why: 'Counted one unit per item whatever its size: items over 4 KB cost a unit per 4 KB block.' },
    {
      value: perItem * 2 * factor,
      why: 'Doubled as if the reads were transactional: BatchGetItem is not a transaction (TransactGetItems is).',
    },
  ];
  return dynamodbBuilt('drill-dynamodb-batch-get', question, result, result.units, mistakes, { calculator: 'batch-get', input });
}
