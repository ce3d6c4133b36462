// The shape of compiled content: what `npm run build` produces from content/ and the
// runtime reads. Kept free of parsing libraries so the runtime never loads them.
import type { WordIndex } from '../search/index.js';

export const DOMAINS = ['development', 'security', 'deployment', 'troubleshooting'] as const;
export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_INFO: Record<Domain, { title: string; weight: number }> = {
  development: { title: 'Development with AWS Services', weight: 0.32 },
  security: { title: 'Security', weight: 0.26 },
  deployment: { title: 'Deployment', weight: 0.24 },
  troubleshooting: { title: 'Troubleshooting and Optimization', weight: 0.18 },
};

export const CATEGORIES = {
  compute: 'Compute',
  storage: 'Storage',
  database: 'Databases',
  integration: 'Application integration',
  security: 'Security, identity & compliance',
  devtools: 'Developer tools',
  management: 'Management & governance',
  networking: 'Networking & content delivery',
  analytics: 'Analytics',
} as const;
export type Category = keyof typeof CATEGORIES;

/** A run of inline text; `strong` and `code` come from **bold** and `inline code`. */
export interface Span {
  text: string;
  strong?: true;
  code?: true;
}

export interface ListItem {
  spans: Span[];
  children: Block[];
}

export type Block =
  | { type: 'heading'; level: 2 | 3; spans: Span[]; slug: string }
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'table'; header: Span[][]; rows: Span[][][] };

export interface Section {
  slug: string;
  title: string;
  level: 2 | 3;
  /** The exam-guide task statements the section serves ("1.1" … "4.3"). */
  tasks?: string[];
  /** The learner wrote it (their notes/<id>.md, see src/own/). */
  own?: true;
}

/**
 * `retired`: AWS no longer offers it to new customers; `out-of-scope`: not among the exam
 * guide's in-scope services. Both notes stay (the original study notes name them), but the
 * exam simulation leaves their questions out.
 */
export const SERVICE_STATUSES = ['current', 'retired', 'out-of-scope'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Current and in the exam's scope: its questions belong in the exam simulation. */
export const isExamService = (service: Pick<Service, 'status'>) => service.status === undefined || service.status === 'current';

export interface Service {
  id: string;
  title: string;
  aliases: string[];
  category: Category;
  domains: Domain[];
  /** Absent means current. */
  status?: ServiceStatus;
  sections: Section[];
  blocks: Block[];
  /** The whole service is the learner's: a notes/<id>.md of theirs for an id awsnotes does not ship. */
  own?: true;
  /**
   * The learner's own notes, laid out after `blocks` and marked as theirs: for a shipped
   * service a "My notes" section, for a service of their own the whole note.
   */
  mine?: Block[];
}

export const QUESTION_KINDS = ['single', 'multiple', 'boolean'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Option {
  text: string;
  correct: boolean;
  why: string;
}

export interface Question {
  id: string;
  service: string;
  domain: Domain;
  kind: QuestionKind;
  /** Slug of the note section the question tests. */
  section: string;
  /** The exam-guide task statements the question serves ("1.1" … "4.3"). */
  tasks: string[];
  question: string;
  options: Option[];
  explanation: string;
  /** The learner wrote it (their questions/<service>.yaml): never in the exam simulation. */
  own?: true;
}

/** Who a question is about, without its text: what the reports need of the bank. */
export type QuestionRef = Pick<Question, 'id' | 'service' | 'domain' | 'own'>;

/** One searchable line. Exactly one of title/alias/heading/line is set. */
export interface SearchRecord {
  service: string;
  section: string | null;
  title?: string;
  alias?: string;
  heading?: string;
  line?: string;
}

/** One task statement of the exam guide (content/exam-guide.yaml), as AWS words it. */
export interface TaskStatement {
  /** "1.1" … "4.3". */
  id: string;
  domain: Domain;
  title: string;
  knowledge: string[];
  skills: string[];
}

/** An AWS service of the exam guide's in-scope list, and the awsnotes notes that cover it. */
export interface InScopeService {
  category: string;
  name: string;
  notes: string[];
}

export interface ExamGuide {
  exam: string;
  /** In the guide's order, 1.1 first. */
  tasks: TaskStatement[];
  services: InScopeService[];
  /** awsnotes' own list (not AWS's): services that need at least 10 questions. */
  heavilyTested: string[];
}

export interface ContentBundle {
  services: Service[];
  questions: Question[];
  guide: ExamGuide;
  records: SearchRecord[];
  /** Word index over `records`, built at build time (see src/search/index.ts). */
  index: WordIndex;
}

export function plainText(spans: Span[]): string {
  return spans.map((s) => s.text).join('');
}

/** "Amazon Simple Queue Service (Amazon SQS)" → "SQS"; "Amazon DynamoDB" → "DynamoDB". */
export function shortTitle(title: string): string {
  const inParens = /\((?:Amazon |AWS )?([^)]+)\)\s*$/.exec(title);
  if (inParens) return inParens[1]!;
  return title.replace(/^(Amazon|AWS)\s+/, '');
}

/**
 * A service's name as lookups compare names (`show`, and the learner's aliases checked
 * against the names taken): case, punctuation and an Amazon/AWS prefix ignored.
 */
export const nameKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/^(amazon|aws)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
