// DynamoDB writes, standard and transactional.
import { writeCapacity, READ_BLOCK, WRITE_BLOCK, type WriteInput } from '../dynamodb.js';
import { describeSeconds, format } from '../parse.js';
import { APPS, dynamodbBuilt, ITEM_SIZES, PER_PERIOD, PER_SECOND, pick, rate, rateWords, size, solved, whole } from './draw.js';
import type { Built, DrillTemplate, Mistake } from './types.js';

export function writeDrill(
  template: DrillTemplate,
  rng: () => number,
  transactional: boolean,
  fixed?: { size: string; rate: string },
): Built {
  const sizeText = fixed?.size ?? pick(rng, ITEM_SIZES);
  const rateText = fixed?.rate ?? pick(rng, rng() < 0.7 ? PER_SECOND : PER_PERIOD);
  const input: WriteInput = { size: sizeText, rate: rateText, transactional };
  const result = solved(writeCapacity(input));
  const s = size(sizeText);
  const r = rate(rateText);
  const perWrite = Math.ceil(s.bytes / WRITE_BLOCK);
  const factor = transactional ? 2 : 1;
  const app = pick(rng, APPS);
  const how = transactional ? ' inside transactions (TransactWriteItems)' : '';
  const question = `${app} writes ${rateWords(r, 'items')} to a DynamoDB table${how}. Each item is ${s.text}. How many write capacity units (WCU) must the table provision?`;
  const mistakes: Mistake[] = [
    {
      value: whole((s.bytes / WRITE_BLOCK) * r.perSecond * factor),
      why: `Forgot to round each item up to 1 KB: ${s.text} counts as ${perWrite} KB, so each write costs ${perWrite} WCU${transactional ? ' before doubling' : ''}.`,
    },
    {
      value: whole(Math.ceil(s.bytes / READ_BLOCK) * r.perSecond * factor),
      why: 'Used 4 KB per unit, which is the read rule: one WCU covers a write of up to 1 KB.',
    },
    {
      value: whole(perWrite * r.perSecond * factor * 0.5),
      why: 'Halved as for eventually consistent reads: writes have no consistency discount.',
    },
  ];
  if (transactional) {
    mistakes.push(
      { value: whole(perWrite * r.perSecond), why: 'Forgot to double: transactional writes cost 2 WCU per 1 KB.' },
      { value: whole(perWrite * r.perSecond * 4), why: 'Doubled twice: a transactional write costs 2 WCU per 1 KB in total, not 2 × 2.' },
    );
  } else {
    mistakes.push({
      value: whole(perWrite * r.perSecond * 2),
      why: 'Doubled as if the writes were transactional: standard PutItem writes cost 1 WCU per 1 KB.',
    });
  }
  if (r.seconds !== 1) {
    mistakes.push({
      value: whole(perWrite * r.count * factor),
      why: `Forgot to convert to a per-second rate: ${format(r.count)} writes every ${describeSeconds(r.seconds)} is ${format(r.perSecond)} writes per second.`,
    });
  }
  return dynamodbBuilt(template, question, result, result.provision!, mistakes, { calculator: 'write', input });
}
