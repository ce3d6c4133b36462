// The content: valid, complete against the user's notes, and corrected where they were wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questions, searchData, services, type SearchData } from '../src/content/bundle.js';
import { KINDS, kindOf, packSearch, recordArray, unpackSearch } from '../src/search/pack.js';
import { asciiJson, compileContent, ContentError } from '../src/content/compile.js';
import { slugify } from '../src/content/markdown.js';
import { compileNote } from '../src/content/note.js';
import { compileQuestions } from '../src/content/question.js';
import { plainText, type Block, type Service } from '../src/content/types.js';
import { NOTE_COUNT } from './helpers/content.js';

const root = path.resolve(import.meta.dirname, '..');
const seed = readFileSync(path.join(root, 'tests/fixtures/seed-notes.md'), 'utf8');

/** Where each `#` section of the user's notes lives now: a note, or a note's section. */
const SEED_PLACES: Record<string, string> = {
  EC2: 'ec2',
  'S3 (AMazon Simple Storage Service)': 's3',
  'S3 CORS (Cross Online Resource Sharing)': 's3#cors-cross-origin-resource-sharing',
  'S3 CloudFront': 'cloudfront',
  CodeBuild: 'codebuild#buildspec-yml',
  'RDS (Amazon Relational Database Service)': 'rds',
  Elasticache: 'elasticache',
  'SQS (Amazon Simple Queue Service)': 'sqs',
  'STS (AWS Security Token Service)': 'sts',
  'SNS (Amazon Simple Notification Service)': 'sns',
  Lambda: 'lambda',
  'API Gateway': 'api-gateway',
  'Systems Manager Parameter Store': 'parameter-store',
  Kinesis: 'kinesis',
  CloudWatch: 'cloudwatch',
  'Elastic Beanstalk': 'elastic-beanstalk#deployment-methods',
  DynamoDB: 'dynamodb#capacity-units',
  'DynamoDB Scan vs Query': 'dynamodb#scan-vs-query',
  'Cloudâ€‹Formation': 'cloudformation#package-and-deploy',
  CodeDeploy: 'codedeploy#appspec-file',
  'X-Ray': 'x-ray',
  CodePipeline: 'codepipeline',
  'Ecs (Amazon Elastic Container Service)': 'ecs',
  'Elb (Elastic Load Balancing)': 'elb',
  'Step Functions': 'step-functions',
  IAM: 'iam',
  'IAM Roles': 'iam#roles',
  'IAM Policies': 'iam#policies',
  Cognito: 'cognito',
  'KMS (AWS Key Management)': 'kms#data-key-caching',
  CodeStar: 'codestar',
  'Route 53': 'route-53#routing-policies',
  RedShift: 'redshift',
  OpsWorks: 'opsworks',
};

function seedHeadings(): string[] {
  return [...seed.matchAll(/^#(?!#)\s*(.+?)\s*$/gm)].map((m) => m[1]!);
}

function noteText(service: Service): string {
  const lines: string[] = [];
  const walk = (block: Block) => {
    if (block.type === 'heading' || block.type === 'paragraph') lines.push(plainText(block.spans));
    if (block.type === 'list')
      for (const item of block.items) {
        lines.push(plainText(item.spans));
        item.children.forEach(walk);
      }
    if (block.type === 'table') for (const row of [block.header, ...block.rows]) lines.push(row.map(plainText).join(' | '));
    if (block.type === 'code') lines.push(block.text);
  };
  service.blocks.forEach(walk);
  return lines.join('\n');
}

const byId = (id: string) => services().find((s) => s.id === id)!;

describe('the shipped content', () => {
  let built: ReturnType<typeof compileContent> | undefined;
  /** content/ compiled as the build compiles it: once, for the tests that compare with it (it takes a second or two). */
  const compiled = () => (built ??= compileContent(path.join(root, 'content')));

  it('compiles without a problem and has one service per note file', () => {
    const bundle = compiled();
    expect(bundle.services).toHaveLength(NOTE_COUNT);
    expect(
      services()
        .map((s) => s.id)
        .sort(),
    ).toEqual(bundle.services.map((s) => s.id).sort());
  });

  it('search.json, packed as parallel arrays, unpacks to exactly the records and index the build made', () => {
    const { records, index } = compiled();
    const packed = packSearch(records, index);
    expect(JSON.stringify(packed).length).toBeLessThan(0.85 * JSON.stringify({ records, index }).length);
    // Postings are compared list by list: the unpacked ones decode on demand.
    const plain = (data: SearchData) => ({
      records: recordArray(data.records),
      index: { ...data.index, postings: Array.from({ length: data.index.postings.length }, (_, i) => data.index.postings.at(i)) },
    });
    expect(plain(unpackSearch(JSON.parse(JSON.stringify(packed)) as typeof packed))).toEqual({ records, index });
    expect(plain(searchData())).toEqual({ records, index });
    const shipped = searchData().records;
    expect([...(shipped.kindDigits?.() ?? '')].map((digit) => KINDS[Number(digit)])).toEqual(records.map(kindOf));
  });

  it('stores the compiled content as ASCII JSON that reads back to exactly what the build made', () => {
    const bundle = compiled();
    for (const name of ['notes.json', 'meta.json', 'questions.json', 'search.json', 'note/sqs.json']) {
      expect(readFileSync(path.join(root, 'generated', name), 'utf8'), name).toMatch(/^[\x20-\x7e]*$/);
    }
    expect(services()).toEqual(bundle.services);
    expect(questions()).toEqual(bundle.questions);
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const v of [value, text, { [text]: [text, value] }]) {
          const json = asciiJson(v);
          expect(json).toMatch(/^[\x20-\x7e]*$/);
          expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
    );
  });

  it('gives every section of the notes a place, and every place exists', () => {
    const headings = seedHeadings();
    expect(headings.length).toBeGreaterThanOrEqual(36);
    for (const heading of headings) {
      const place = SEED_PLACES[heading];
      expect(place, `seed section "${heading}" has no place in content/`).toBeDefined();
      const [id, section] = place!.split('#');
      const service = byId(id!);
      expect(service, `content/services/${id}.md`).toBeDefined();
      if (section)
        expect(
          service.sections.map((s) => s.slug),
          `${id} needs a section "${section}"`,
        ).toContain(section);
    }
  });

  it.each([
    ['s3', /Correction:.*Cross-Origin/],
    ['s3', /Correction:.*per par.*prefix/s],
    ['s3', /Update:.*5 January 2023/],
    ['ec2', /Update:.*KMS key/],
    ['ec2', /Correction:.*stop/],
    ['rds', /Correction:.*Oracle.*SQL Server/s],
    ['elasticache', /Update:.*Valkey/],
    ['sqs', /Correction:.*long polling/i],
    ['sqs', /Correction:.*exactly-once/],
    ['api-gateway', /Update:.*HTTP/],
    ['lambda', /Correction:.*layers/i],
    ['kinesis', /Update:.*Firehose.*Apache Flink/s],
    ['dynamodb', /Correction:.*on-demand/i],
    ['dynamodb', /Update:.*global tables/i],
    ['dynamodb', /Correction:.*DAX/],
    ['dynamodb', /Correction:.*Encryption can only be configured/],
    ['dynamodb', /Correction:.*20 reads.*eventually/s],
    ['x-ray', /Update:.*maintenance mode.*25 February 2026/s],
    ['ecs', /Correction:.*ECS task/i],
    ['iam', /Correction:.*customer managed/],
    ['kms', /Update:.*Elastic Transcoder/],
    ['kms', /Update:.*WorkMail.*31 March 2027/s],
    ['codestar', /Update:.*31 July 2024/],
    ['opsworks', /Update:.*/],
    ['route-53', /Update:.*IP-based routing/],
  ])('%s marks the correction %s', (id, pattern) => {
    expect(noteText(byId(id))).toMatch(pattern);
  });

  it.each([
    ['codebuild', /buildspecOverride/],
    ['codedeploy', /AppSpec/],
    ['route-53', /up to eight healthy records/],
    ['dynamodb', /20 GB or larger/],
    ['dynamodb', /page size/i],
    ['dynamodb', /400 KB/],
    ['dynamodb', /100 × 512|100 writes|512 bytes/],
    ['dynamodb', /80 .*3 KB/],
    ['dynamodb', /300 items/],
    ['elasticache', /Lazy loading/i],
    ['elasticache', /Write[- ]through/i],
    ['kms', /data key caching/i],
    ['iam', /not cumulative/i],
    ['sts', /AssumeRole/],
    ['cognito', /SAML 2\.0/],
    ['elb', /access logs/i],
    ['cloudformation', /package/],
    ['elastic-beanstalk', /Traffic splitting/],
    ['sqs', /1 MiB/],
  ])('%s keeps the fact %s', (id, pattern) => {
    expect(noteText(byId(id))).toMatch(pattern);
  });

  it('has none of the notes’ typos or mojibake left', () => {
    const all = services().map(noteText).join('\n');
    for (const typo of [
      'Developper',
      'AMazon',
      'recommanded',
      'crontrol',
      'Overrride',
      'Data Steams',
      'WoekMail',
      'â€',
      'wring',
      'go the timeout',
      'Cross Online Resource Sharing"',
    ]) {
      const inCorrection = all.split('\n').filter((line) => line.includes(typo) && !/Correction:|Update:|spelled|the notes/i.test(line));
      expect(inCorrection, typo).toEqual([]);
    }
  });
});

describe('the content compiler reports broken files with their path', () => {
  const TASKS = new Set(['1.1', '1.2', '2.1']);
  const note = (front: string, body = '## Overview\n- fact\n') => `---\n${front}\n---\n${body}`;
  const good = 'id: demo\ntitle: Demo Service\naliases: [demo]\ncategory: compute\ndomains: [development]\ntasks:\n  overview: ["1.1"]';

  it('accepts a good note', () => {
    const result = compileNote('content/services/demo.md', note(good), TASKS);
    expect(result.problems).toEqual([]);
    expect(result.service?.sections).toEqual([{ slug: 'overview', title: 'Overview', level: 2, tasks: ['1.1'] }]);
  });

  it.each([
    ['no front matter', '## Overview\n', /missing front matter/],
    ['bad YAML', note('id: [demo'), /front matter is not valid YAML/],
    ['unknown category', note(good.replace('compute', 'cooking')), /category/],
    ['no aliases', note(good.replace('aliases: [demo]', 'aliases: []')), /aliases/],
    ['id not the file name', note(good.replace('id: demo', 'id: other')), /must equal the file name/],
    ['a link', note(good, '## Overview\n- see [docs](https://example.com)\n'), /unsupported inline Markdown \(link\)/],
    ['an image', note(good, '## Overview\n![x](y.png)\n'), /unsupported inline Markdown \(image\)/],
    ['an H1', note(good, '# Title\n## Overview\n'), /only ## and ### headings/],
    ['text before a section', note(good, 'intro\n## Overview\n'), /must start with a ## section heading/],
    ['duplicate sections', note(good, '## Overview\n- x\n## Overview\n- y\n'), /duplicate section "overview"/],
  ])('%s', (_name, source, problem) => {
    const result = compileNote('content/services/demo.md', source, TASKS);
    expect(result.problems.join('\n')).toMatch(problem);
    expect(result.problems.every((p) => p.startsWith('content/services/demo.md: '))).toBe(true);
  });

  it('checks questions against their note and the kinds’ rules', () => {
    const service = compileNote('content/services/demo.md', note(good), TASKS).service!;
    const services = new Map([['demo', service]]);
    const option = (text: string, correct = false) =>
      `    - text: ${text}\n      why: because this is the reason${correct ? '\n      correct: true' : ''}\n`;
    const question = (fields: string, options: string) =>
      `- id: demo-q\n  domain: development\n  kind: single\n  section: overview\n  tasks: ["1.1"]\n  question: Which one is the right answer here?\n  explanation: The explanation of the right answer.\n${fields}  options:\n${options}`;
    const ok = compileQuestions(
      'content/questions/demo.yaml',
      question('', option('A', true) + option('B') + option('C') + option('D')),
      services,
      TASKS,
    );
    expect(ok.problems).toEqual([]);
    const cases: [string, RegExp][] = [
      [question('', option('A', true) + option('B') + option('C')), /exactly 4 options and 1 correct/],
      [
        question('', option('A', true) + option('B') + option('C') + option('D')).replace('section: overview', 'section: nowhere'),
        /section "nowhere" is not a heading/,
      ],
      [
        question('', option('A', true) + option('B') + option('C') + option('All of the above')),
        /no "all of the above", "none of the above"/,
      ],
      [question('', option('A', true) + option('a') + option('C') + option('D')), /same text/],
      [
        question('', option('A', true) + option('B', true) + option('C') + option('D') + option('E')).replace(
          'kind: single',
          'kind: multiple',
        ),
        /must end with "\(Choose two\.\)"/,
      ],
      [
        question('', option('A', true) + option('B') + option('C') + option('D')).replace('id: demo-q', 'id: other-q'),
        /must start with "demo-"/,
      ],
      ['- id: [', /not valid YAML/],
    ];
    for (const [source, problem] of cases) {
      const result = compileQuestions('content/questions/demo.yaml', source, services, TASKS);
      expect(result.problems.join('\n')).toMatch(problem);
      expect(result.problems[0]).toMatch(/^content\/questions\/demo\.yaml: /);
    }
  });

  it('collects every problem of a tree into one ContentError', () => {
    expect(() => compileContent(path.join(root, 'tests/fixtures/no-such-content'))).toThrow(ContentError);
  });

  it('slugs headings the documented way', () => {
    expect(slugify('CORS (Cross-Origin Resource Sharing)')).toBe('cors-cross-origin-resource-sharing');
    expect(slugify('Scan vs Query')).toBe('scan-vs-query');
    expect(slugify('buildspec.yml')).toBe('buildspec-yml');
  });
});

describe('the question bank (as shipped)', () => {
  it('every question names a real section of its service', () => {
    for (const q of questions()) {
      expect(
        byId(q.service).sections.map((s) => s.slug),
        q.id,
      ).toContain(q.section);
    }
  });
});
