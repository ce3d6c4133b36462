// Capacity drills: deterministic for a seed, and always right. Every drill's correct option is
// checked against the calculator, run again here on the inputs the drill says it used.
import { describe, expect, it } from 'vitest';
import { createRng, DRILL_TEMPLATES, generateDrill, type Drill } from '../src/capacity/drills.js';
import { batchGetCapacity, queryCapacity, readCapacity, writeCapacity, type Calculated } from '../src/capacity/dynamodb.js';
import { kinesisShards } from '../src/capacity/kinesis.js';
import { describeSeconds, format, parseRate, parseSize } from '../src/capacity/parse.js';
import { present } from '../src/quiz/attempt.js';
import { questionLines } from '../src/quiz/view.js';
import { lineText } from '../src/render/lines.js';
import { stepLines } from '../src/render/steps.js';

const result = (c: Calculated) => {
  if (!c.ok) throw new Error(`${c.field}: ${c.error}`);
  return c.result;
};

/** The number at the start of an option: "1,200 RCU" → 1200, "5.5 RCU" → 5.5. */
const optionNumber = (text: string) => Number(text.replace(/,/g, '').split(' ')[0]);

/** What the calculator says for the drill's stated inputs: the answer, its steps and unit. */
function recalculate(drill: Drill): { answer: number; steps: string[]; unit: string } {
  const { inputs } = drill;
  switch (inputs.calculator) {
    case 'read': {
      const r = result(readCapacity(inputs.input));
      return { answer: r.provision!, steps: r.steps, unit: r.unit };
    }
    case 'write': {
      const r = result(writeCapacity(inputs.input));
      return { answer: r.provision!, steps: r.steps, unit: r.unit };
    }
    case 'query': {
      const r = result(queryCapacity(inputs.input));
      return { answer: r.provision!, steps: r.steps, unit: r.unit };
    }
    case 'batch-get': {
      const r = result(batchGetCapacity(inputs.input));
      return { answer: r.units, steps: r.steps, unit: r.unit };
    }
    case 'kinesis': {
      const k = kinesisShards(inputs.input);
      if (!k.ok) throw new Error(k.error);
      return { answer: k.result.shards, steps: k.result.steps, unit: 'shards' };
    }
  }
}

const sizeText = (text: string) => {
  const parsed = parseSize(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const rateOf = (text: string) => {
  const parsed = parseRate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/** The stem states every input as the calculator parsed it. */
function expectStemStatesInputs(drill: Drill) {
  const { inputs, question } = drill;
  switch (inputs.calculator) {
    case 'read':
    case 'write': {
      const item = sizeText(inputs.input.size).text;
      expect([`Each item is ${item}.`, `Each item is ${item},`].some((t) => question.includes(t))).toBe(true);
      const rate = rateOf(inputs.input.rate);
      expect(question).toContain(
        rate.seconds === 1
          ? `${format(rate.count)} items per second`
          : `${format(rate.count)} items every ${describeSeconds(rate.seconds)}`,
      );
      if (inputs.calculator === 'read') {
        const consistency = inputs.input.consistency;
        expect(question).toContain(
          consistency === 'transactional' ? 'TransactGetItems' : `${consistency === 'strong' ? 'strongly' : 'eventually'} consistent`,
        );
      } else if (inputs.input.transactional) expect(question).toContain('TransactWriteItems');
      else expect(question).not.toContain('Transact');
      break;
    }
    case 'query': {
      const total = sizeText(inputs.input.totalSize);
      // Generated Query drills always say how many items of which size.
      expect(inputs.itemSize).toBeDefined();
      const item = sizeText(inputs.itemSize!);
      expect(total.bytes).toBe(item.bytes * inputs.itemCount!);
      expect(question).toContain(`${inputs.itemCount} items of ${item.text} (${total.text} in total)`);
      expect(question).toContain(`runs ${format(rateOf(inputs.input.rate!).perSecond)} Quer`);
      expect(question).toContain(`${inputs.input.consistency === 'strong' ? 'strongly' : 'eventually'} consistent`);
      break;
    }
    case 'batch-get': {
      const sizes = inputs.input.sizes.split(',').map((s) => sizeText(s.trim()).text);
      expect(question).toContain(`${sizes.length} items of ${sizes.slice(0, -1).join(', ')} and ${sizes.at(-1)}.`);
      expect(question).toContain(`${inputs.input.consistency === 'strong' ? 'strongly' : 'eventually'} consistent`);
      break;
    }
    case 'kinesis': {
      expect(question).toContain(`writes ${format(rateOf(inputs.input.records).perSecond)} records per second`);
      expect(question).toContain(`each record is ${sizeText(inputs.input.recordSize).text}.`);
      expect(question).toContain(inputs.input.fanOut ? 'enhanced fan-out' : 'shared-throughput');
      expect(question).toMatch(
        Number(inputs.input.consumers) === 1 ? /One consumer application/ : /[A-Z][a-z]+ consumer applications each/,
      );
      break;
    }
  }
}

describe('createRng', () => {
  it('is deterministic, seed-dependent and in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateDrill', () => {
  it('gives the same drill for the same seed, for every template and for a random one', () => {
    for (const seed of [1, 7, 2024, 0xdeadbeef]) {
      expect(generateDrill(createRng(seed))).toEqual(generateDrill(createRng(seed)));
      for (const template of DRILL_TEMPLATES)
        expect(generateDrill(createRng(seed), template)).toEqual(generateDrill(createRng(seed), template));
    }
    const many = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => generateDrill(rng));
    };
    expect(many(5)).toEqual(many(5));
    expect(many(5)).not.toEqual(many(6));
  });

  it('template ids are kebab-case, start with drill- and are distinct', () => {
    expect(new Set(DRILL_TEMPLATES).size).toBe(DRILL_TEMPLATES.length);
    for (const t of DRILL_TEMPLATES) expect(t).toMatch(/^drill-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses the template it is given, and refuses an unknown one', () => {
    for (const template of DRILL_TEMPLATES) {
      const drill = generateDrill(createRng(3), template);
      expect(drill.template).toBe(template);
      expect(drill.id).toBe(template);
    }
    expect(() => generateDrill(createRng(3), 'drill-sqs')).toThrow(/unknown drill template 'drill-sqs'/);
  });

  it('2,000 seeded drills across every template: the correct option is what the calculator says', () => {
    const seen = new Map<string, number>();
    const answers = new Map<string, Set<number>>();
    for (let seed = 0; seed < 2000; seed++) {
      const rng = createRng(seed);
      // Half the drills with a given template (every template equally), half chosen at random.
      const drill = seed % 2 === 0 ? generateDrill(rng, DRILL_TEMPLATES[(seed / 2) % DRILL_TEMPLATES.length]) : generateDrill(rng);
      seen.set(drill.template, (seen.get(drill.template) ?? 0) + 1);

      expect(drill.id).toBe(drill.template);
      expect(drill.domain).toBe('development');
      expect(drill.kind).toBe('single');
      expect(drill.service === 'kinesis' ? 'shards-and-capacity' : 'capacity-units').toBe(drill.section);
      expect(drill.service).toBe(drill.template.startsWith('drill-kinesis') ? 'kinesis' : 'dynamodb');

      const { answer, steps, unit } = recalculate(drill);
      expect(drill.answerValue).toBe(answer);
      expect(drill.unitLabel).toBe(unit);
      expect(Number.isFinite(drill.answerValue) && drill.answerValue > 0).toBe(true);
      if (drill.template !== 'drill-dynamodb-batch-get') expect(Number.isInteger(drill.answerValue)).toBe(true);
      answers.set(drill.template, (answers.get(drill.template) ?? new Set()).add(answer));

      expect(drill.options).toHaveLength(4);
      const correct = drill.options.filter((o) => o.correct);
      expect(correct).toHaveLength(1);
      expect(optionNumber(correct[0]!.text)).toBe(answer);
      expect(correct[0]!.text).toMatch(unit === 'shards' ? /^[\d,.]+ shards?$/ : new RegExp(`^[\\d,.]+ ${unit}$`));
      expect(new Set(drill.options.map((o) => o.text)).size).toBe(4);
      for (const option of drill.options) {
        expect(option.why.trim().length).toBeGreaterThan(10);
        const n = optionNumber(option.text);
        expect(Number.isFinite(n) && n > 0).toBe(true);
        if (!option.correct) expect(n).not.toBe(answer);
      }

      const lines = drill.explanation.split('\n');
      expect(optionNumber(lines[0]!)).toBe(answer);
      expect(lines.slice(1)).toEqual(steps.map((step, i) => `${i + 1}. ${step}`));

      expectStemStatesInputs(drill);
      expect(drill.question).toMatch(/\?$/);
    }
    for (const template of DRILL_TEMPLATES) {
      expect(seen.get(template) ?? 0).toBeGreaterThan(100);
      // Numbers really vary within each template.
      expect(answers.get(template)!.size).toBeGreaterThan(10);
    }
  });

  it('the correct option is not always in the same place', () => {
    const places = new Set<number>();
    for (let seed = 0; seed < 200; seed++) places.add(generateDrill(createRng(seed)).options.findIndex((o) => o.correct));
    expect([...places].sort()).toEqual([0, 1, 2, 3]);
  });

  it('distractors come from the classic mistakes, not only near misses', () => {
    let nearMisses = 0;
    let distractors = 0;
    for (let seed = 0; seed < 700; seed++) {
      const drill = generateDrill(createRng(seed), DRILL_TEMPLATES[seed % DRILL_TEMPLATES.length]);
      for (const o of drill.options.filter((o) => !o.correct)) {
        distractors++;
        if (o.why.startsWith('A near miss')) nearMisses++;
      }
    }
    expect(nearMisses / distractors).toBeLessThan(0.1);
  });

  it("the notes' example reads as the brief's stem: 300 items of 6 KB every 30 s, eventually consistent = 10 RCU", () => {
    for (let seed = 0; seed < 5000; seed++) {
      const drill = generateDrill(createRng(seed), 'drill-dynamodb-read-period');
      if (
        drill.inputs.calculator !== 'read' ||
        drill.inputs.input.size !== '6KB' ||
        drill.inputs.input.rate !== '300/30s' ||
        drill.inputs.input.consistency !== 'eventual'
      )
        continue;
      expect(drill.question).toMatch(
        /reads 300 items every 30 seconds from a DynamoDB table\. Each item is 6 KB, and the reads are eventually consistent\. How many read capacity units \(RCU\) must the table provision\?$/,
      );
      expect(drill.answerValue).toBe(10);
      expect(drill.options.find((o) => o.correct)!.text).toBe('10 RCU');
      const texts = drill.options.map((o) => o.text);
      // Not halving gives 20; forgetting the period gives 300; 1 KB blocks give 30.
      expect(texts.filter((t) => ['20 RCU', '300 RCU', '30 RCU', '8 RCU', '5 RCU', '40 RCU', '15 RCU'].includes(t))).toHaveLength(3);
      return;
    }
    throw new Error('no seed gave the example');
  });
});

describe('drillFromCase', () => {
  it('turns any valid calculator case into a drill whose answer is the calculator’s', async () => {
    const { drillFromCase } = await import('../src/capacity/drills.js');
    const { readCapacity, writeCapacity, queryCapacity, batchGetCapacity } = await import('../src/capacity/dynamodb.js');
    const { kinesisShards } = await import('../src/capacity/kinesis.js');
    const rng = createRng(11);
    const cases = [
      { calculator: 'read', input: { size: '6 KB', rate: '300/30s', consistency: 'eventual' } },
      { calculator: 'read', input: { size: '3KB', rate: '80', consistency: 'transactional' } },
      { calculator: 'write', input: { size: '512', rate: '100', transactional: false } },
      { calculator: 'write', input: { size: '3KB', rate: '7/min', transactional: true } },
      { calculator: 'query', input: { totalSize: '40.8KB', consistency: 'strong', rate: '2' } },
      { calculator: 'batch-get', input: { sizes: '1.5KB, 6.5KB', consistency: 'eventual' } },
      { calculator: 'kinesis', input: { records: '2000/s', recordSize: '2KB', consumers: '7', fanOut: false } },
    ] as const;
    const expected = [
      () => (readCapacity(cases[0].input) as { ok: true; result: { provision: number } }).result.provision,
      () => (readCapacity(cases[1].input) as { ok: true; result: { provision: number } }).result.provision,
      () => (writeCapacity(cases[2].input) as { ok: true; result: { provision: number } }).result.provision,
      () => (writeCapacity(cases[3].input) as { ok: true; result: { provision: number } }).result.provision,
      () => (queryCapacity(cases[4].input) as { ok: true; result: { provision: number } }).result.provision,
      () => (batchGetCapacity(cases[5].input) as { ok: true; result: { units: number } }).result.units,
      () => (kinesisShards(cases[6].input) as { ok: true; result: { shards: number } }).result.shards,
    ];
    cases.forEach((c, i) => {
      const drill = drillFromCase(c as never, rng);
      expect(drill.answerValue, c.calculator).toBe(expected[i]!());
      expect(drill.options.filter((o) => o.correct)).toHaveLength(1);
      expect(new Set(drill.options.map((o) => o.text)).size).toBe(4);
    });
  });
});

describe("a drill's explanation in the quiz", () => {
  it('shows one numbered step a line, as the calculator does, after its summary', () => {
    const drill = generateDrill(createRng(7));
    const steps = drill.explanation.split('\n').slice(1);
    expect(steps.length).toBeGreaterThan(2);
    const lines = questionLines(present(drill, createRng(1)), 60, { picked: [], revealed: true }).map(lineText);
    const numbered = lines.filter((line) => /^ ?\d+\. /.test(line));
    expect(numbered.map((line) => Number(line.trim().split('.')[0]))).toEqual(steps.map((_, i) => i + 1));
    // Each step starts its own line with its own words, and wraps under itself.
    for (const [i, step] of steps.entries()) {
      const first = numbered[i]!;
      expect(step.replace(/^\d+\. /, '').startsWith(first.replace(/^ ?\d+\. /, '').split(' ')[0]!)).toBe(true);
    }
    expect(lines.every((line) => [...line].length <= 60)).toBe(true);
    const calculator = stepLines(1, steps[0]!.replace(/^1\. /, ''), 60).map(lineText);
    expect(lines.join('\n')).toContain(calculator.join('\n'));
  });
});
