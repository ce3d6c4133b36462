// DynamoDB reads: strongly or eventually consistent (per second or per period), and
// transactional reads.
import { readCapacity, READ_BLOCK, WRITE_BLOCK, type ReadInput } from '../dynamodb.js';
import { describeSeconds, format } from '../parse.js';
import {
  APPS,
  CONSISTENCY_TEXT,
  dynamodbBuilt,
  ITEM_SIZES,
  PER_PERIOD,
  PER_SECOND,
  pick,
  rate,
  rateWords,
  size,
  solved,
  whole,
} from './draw.js';
import type { Built, DrillTemplate, Mistake, ReadConsistency } from './types.js';

export function readDrill(
  template: DrillTemplate,
  rng: () => number,
  sizeText: string,
  rateText: string,
  consistency: ReadConsistency,
): Built {
  const input: ReadInput = { size: sizeText, rate: rateText, consistency };
  const result = solved(readCapacity(input));
  const s = size(sizeText);
  const r = rate(rateText);
  const factor = consistency === 'eventual' ? 0.5 : 1;
  const perRead = Math.ceil(s.bytes / READ_BLOCK);
  const app = pick(rng, APPS);
  const question = `${app} reads ${rateWords(r, 'items')} from a DynamoDB table. Each item is ${s.text}, and the reads are ${CONSISTENCY_TEXT[consistency]}. How many read capacity units (RCU) must the table provision?`;
  const mistakes: Mistake[] = [
    {
      value: whole((s.bytes / READ_BLOCK) * r.perSecond * factor),
      why: `Forgot to round each item up to 4 KB: ${s.text} ÷ 4 KB is ${format(s.bytes / READ_BLOCK)}, but each read costs ${perRead} RCU because the item size is rounded up before multiplying.`,
    },
    consistency === 'strong'
      ? {
          value: whole(perRead * r.perSecond * 0.5),
          why: 'Halved for eventual consistency, but these reads are strongly consistent: only eventually consistent reads cost half.',
        }
      : {
          value: whole(perRead * r.perSecond),
          why: 'Did not halve: this is the strongly consistent figure, and eventually consistent reads cost half as much.',
        },
    {
      value: whole(Math.ceil(s.bytes / WRITE_BLOCK) * r.perSecond * factor),
      why: `Used 1 KB per unit, which is the write rule: one RCU covers 4 KB, so a ${s.text} item is ${perRead} RCU per strongly consistent read.`,
    },
    {
      value: whole(perRead * r.perSecond * 2 * factor),
      why: 'Doubled as if the reads were transactional: only TransactGetItems reads cost 2 RCU per 4 KB.',
    },
    {
      value: whole((Math.ceil(s.bytes / WRITE_BLOCK) / 4) * r.perSecond * factor),
      why: `Rounded the item up to a whole KB instead of to 4 KB: a ${s.text} item counts as ${perRead * 4} KB, ${perRead} RCU per strongly consistent read.`,
    },
  ];
  if (consistency === 'eventual') {
    mistakes.push({
      value: whole(Math.ceil(s.bytes / (2 * READ_BLOCK)) * r.perSecond),
      why: `Rounded each item up to 8 KB per RCU: halving applies after rounding to 4 KB, so a ${s.text} item is ${perRead} × ½ = ${format(perRead / 2)} RCU per read.`,
    });
  }
  if (r.seconds !== 1) {
    mistakes.push({
      value: whole(perRead * r.count * factor),
      why: `Forgot to convert to a per-second rate: ${format(r.count)} reads every ${describeSeconds(r.seconds)} is ${format(r.perSecond)} reads per second, and capacity units are per second.`,
    });
  }
  return dynamodbBuilt(template, question, result, result.provision!, mistakes, { calculator: 'read', input });
}

export function transactionalReadDrill(rng: () => number, fixed?: { size: string; rate: string }): Built {
  const sizeText = fixed?.size ?? pick(rng, ITEM_SIZES);
  const rateText = fixed?.rate ?? pick(rng, rng() < 0.75 ? PER_SECOND : PER_PERIOD);
  const input: ReadInput = { size: sizeText, rate: rateText, consistency: 'transactional' };
  const result = solved(readCapacity(input));
  const s = size(sizeText);
  const r = rate(rateText);
  const perRead = Math.ceil(s.bytes / READ_BLOCK);
  const app = pick(rng, APPS);
  const question = `${app} reads ${rateWords(r, 'items')} from a DynamoDB table inside transactions (TransactGetItems). Each item is ${s.text}. How many read capacity units (RCU) must the table provision?`;
  const mistakes: Mistake[] = [
    {
      value: whole(perRead * r.perSecond),
      why: 'Forgot to double: transactional reads cost 2 RCU per 4 KB, twice a strongly consistent read.',
    },
    {
      value: whole(perRead * r.perSecond * 0.5),
      why: 'Halved as for eventually consistent reads: transactional reads cost double, not half.',
    },
    { value: whole(perRead * r.perSecond * 4), why: 'Doubled twice: a transactional read costs 2 RCU per 4 KB in total, not 2 × 2.' },
    {
      value: whole((s.bytes / READ_BLOCK) * r.perSecond * 2),
      why: `Forgot to round each item up to 4 KB before doubling: ${s.text} counts as ${perRead * 4} KB, ${perRead} RCU, then × 2.`,
    },
    {
      value: whole(Math.ceil(s.bytes / WRITE_BLOCK) * r.perSecond * 2),
      why: 'Used 1 KB per unit, which is the write rule: reads are measured in 4 KB blocks.',
    },
  ];
  if (r.seconds !== 1) {
    mistakes.push({
      value: whole(perRead * r.count * 2),
      why: `Forgot to convert to a per-second rate: ${format(r.count)} reads every ${describeSeconds(r.seconds)} is ${format(r.perSecond)} reads per second.`,
    });
  }
  return dynamodbBuilt('drill-dynamodb-transactional', question, result, result.provision!, mistakes, { calculator: 'read', input });
}
