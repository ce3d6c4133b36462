// Every plain command with its usage line: dispatch and `--help` both come from here.
import { CALC_USAGE, SIZE_AND_RATE_HELP } from './calc-usage.js';
import { fill, fitLine } from './help-layout.js';
import type { Io } from './io.js';

type Run = (args: string[], io: Io) => number | Promise<number>;

/** Imports a command's module only when it runs, so `--help` and `--version` load nothing. */
function lazy<M>(load: () => Promise<M>, pick: (module: M) => Run): Run {
  return async (args, io) => pick(await load())(args, io);
}
const notes = () => import('./notes.js');
const calc = () => import('./calc.js');
const quiz = () => import('./quiz.js');
const progress = () => import('./progress.js');
const coverage = () => import('./coverage.js');
const note = () => import('./note.js');
const completion = () => import('./completion.js');

export interface Command {
  name: string;
  usage: string;
  summary: string;
  examples: string[];
  /** Full usage lines, for commands with sub-commands. */
  details?: string[];
  run: Run;
}

export const COMMANDS: Command[] = [
  {
    name: 'list',
    usage: 'list [--json]',
    summary: 'every service: id, title, category, aliases',
    examples: ['awsnotes list', 'awsnotes list --json'],
    run: lazy(notes, (m) => m.list),
  },
  {
    name: 'show',
    usage: 'show <service> [--json]',
    summary: 'print a note (by id, title, alias or fuzzy name); marks it read',
    examples: ['awsnotes show sqs', 'awsnotes show "parameter store"', 'awsnotes show ddb --json'],
    run: lazy(notes, (m) => m.show),
  },
  {
    name: 'search',
    usage: 'search <query…> [--json] [--limit N]',
    summary: 'fuzzy search titles, aliases, headings and note lines',
    examples: ['awsnotes search fifo', 'awsnotes search dynamodb capacity --limit 5'],
    run: lazy(notes, (m) => m.searchCommand),
  },
  {
    name: 'note',
    usage: 'note edit <service> | note edit --new <id> | note add <service> <text…> | note list [--json]',
    summary: 'your own notes: edit them in your editor, start a service of your own, add a bullet, list them',
    examples: [
      'awsnotes note edit sqs',
      'awsnotes note add sqs "visibility timeout: at least 6x the Lambda timeout"',
      'awsnotes note edit --new bedrock',
      'awsnotes note list',
    ],
    details: [
      'edit <service>        your notes on a service, in $VISUAL or $EDITOR (else nano, else vi); shown as "My notes" at its end',
      'edit --new <id>       a service of your own (kebab-case id): its note, with front matter to fill in',
      'add <service> <text>  append a bullet to your notes on a service, without an editor',
      'list [--json]         your notes files: the service each is about, its size, when it changed',
    ],
    run: lazy(note, (m) => m.note),
  },
  {
    name: 'quiz',
    usage: 'quiz [--service S | --domain D | --task T | --due | --missed | --flagged | --drills] [--plain] [--count N]',
    summary: 'practise questions: the Quiz screen, or --plain to answer letters on stdin',
    examples: [
      'awsnotes quiz --service sqs',
      'awsnotes quiz --due',
      'awsnotes quiz --plain --domain security --count 5',
      'awsnotes quiz --task 2.3',
      'printf "B\\nAC\\n" | awsnotes quiz --plain --count 2',
    ],
    details: [
      '--service S   one service (id, title or alias)',
      '--domain D    development, security, deployment or troubleshooting',
      '--task T      one task statement of the exam guide, 1.1 to 4.3 (awsnotes coverage lists them)',
      '--due         the questions due for review today',
      '--missed      the questions answered wrong the last time',
      '--flagged     the questions you flagged',
      '--drills      generated DynamoDB and Kinesis sizing drills',
      '--plain       no full-screen app: questions on stdout, answer letters (B, AC) one line each on stdin',
      '--count N     questions per quiz (default: 10 plain, 20 in the app)',
    ],
    run: lazy(quiz, (m) => m.quiz),
  },
  {
    name: 'exam',
    usage: 'exam',
    summary: 'a timed 65-question exam simulation (130 minutes) in the app',
    examples: ['awsnotes exam'],
    run: lazy(quiz, (m) => m.exam),
  },
  {
    name: 'questions',
    usage: 'questions [--service S] [--domain D] [--task T] [--json] | questions --check',
    summary: 'list the question bank (yours marked ✎); --check validates your own notes and questions',
    examples: ['awsnotes questions --service dynamodb', 'awsnotes questions --task 1.3 --json', 'awsnotes questions --check'],
    run: lazy(quiz, (m) => m.questionsCommand),
  },
  {
    name: 'progress',
    usage: 'progress [--json]',
    summary: 'notes read, answers, cards due, streak, exams, readiness per domain, next steps',
    examples: ['awsnotes progress', 'awsnotes progress --json | jq .readiness'],
    run: lazy(progress, (m) => m.progress),
  },
  {
    name: 'coverage',
    usage: 'coverage [--json]',
    summary: 'each exam-guide task statement: its note sections, questions, how many you answered, mastery',
    examples: ['awsnotes coverage', "awsnotes coverage --json | jq '.[] | select(.mastery < 0.5) | .task'"],
    run: lazy(coverage, (m) => m.coverage),
  },
  {
    name: 'config',
    usage: 'config set exam-date YYYY-MM-DD|none | config set new-per-day N | config get [exam-date|new-per-day]',
    summary: 'your exam date (readiness is predicted for that day) and new questions a day',
    examples: ['awsnotes config set exam-date 2027-03-15', 'awsnotes config set new-per-day 10', 'awsnotes config get'],
    details: [
      'exam-date YYYY-MM-DD   the day of your exam (today or later), or none',
      'new-per-day N         new questions a day in "due" and "all" quizzes (0 to 1000, default 20)',
    ],
    run: lazy(progress, (m) => m.config),
  },
  {
    name: 'export',
    usage: 'export [--format json|anki] [--out FILE]',
    summary: 'json: a versioned backup of your progress; anki: the question bank for Anki',
    examples: ['awsnotes export --out awsnotes-backup.json', 'awsnotes export --format anki --out dva-c02.txt'],
    run: lazy(progress, (m) => m.exportCommand),
  },
  {
    name: 'import',
    usage: 'import FILE',
    summary: 'merge a json backup into your history, each event once (nothing changes if the file is bad)',
    examples: ['awsnotes import awsnotes-backup.json'],
    run: lazy(progress, (m) => m.importCommand),
  },
  {
    name: 'reset',
    usage: 'reset [--yes]',
    summary: 'erase your progress, after writing a backup (asks first; --yes when not a terminal)',
    examples: ['awsnotes reset', 'awsnotes reset --yes'],
    run: lazy(progress, (m) => m.reset),
  },
  {
    name: 'doctor',
    usage: 'doctor [--full] [--json]',
    summary: 'check the progress files against the history, and repair what can be',
    examples: ['awsnotes doctor', 'awsnotes doctor --json'],
    details: ['--full   reschedule every card from the history, however long (a journal over 8 MiB is otherwise checked without it)'],
    run: lazy(progress, (m) => m.doctor),
  },
  {
    name: 'calc',
    usage: 'calc dynamodb|kinesis …',
    summary: 'DynamoDB capacity units and Kinesis shards, with the worked steps',
    examples: [
      'awsnotes calc dynamodb read --size 6KB --rate 300/30s --consistency eventual',
      'awsnotes calc dynamodb write --size 512B --rate 100/s --transactional',
      'awsnotes calc dynamodb query --total-size 40.8KB',
      'awsnotes calc dynamodb batch-get --sizes 1.5KB,6.5KB',
      'awsnotes calc kinesis --records 2000/s --record-size 2KB --consumers 3',
    ],
    details: [...CALC_USAGE.map((u) => `awsnotes ${u}`), '', ...SIZE_AND_RATE_HELP],
    run: lazy(calc, (m) => m.calc),
  },
  {
    name: 'completion',
    usage: 'completion bash|zsh|fish',
    summary: 'print a completion script for your shell: commands, flags, service ids and other values',
    examples: [
      'source <(awsnotes completion bash)',
      'awsnotes completion zsh > ~/.zfunc/_awsnotes',
      'awsnotes completion fish > ~/.config/fish/completions/awsnotes.fish',
    ],
    run: lazy(completion, (m) => m.completion),
  },
];

const EXIT_CODES = '0 ok, 1 nothing found, 2 bad usage; the app: 130 Ctrl+C or SIGINT, 129 SIGHUP, 131 SIGQUIT, 143 SIGTERM';

/** A command's usage and what it does: the usage wrapped under itself, the summary below it. */
function usageLines(usage: string, summary: string, width: number): string[] {
  const command = usage ? fill(usage, width, '  awsnotes ', '      ') : ['  awsnotes'];
  return [...command, ...fill(summary, width, '        ', '        ')];
}

/** The help, fitted to `width` columns (80 when not a terminal): no word is ever cut. */
export function helpText(version: string, width = 80): string {
  const fitAll = (lines: string[]) => lines.flatMap((line) => fitLine(line, width));
  return [
    ...fitAll([`awsnotes ${version}: study for the AWS Certified Developer – Associate (DVA-C02) exam`, '', 'Usage:']),
    ...usageLines('', 'open the interactive app (needs a terminal)', width),
    ...COMMANDS.flatMap((c) => usageLines(c.usage, c.summary, width)),
    '',
    ...fitAll(COMMANDS.filter((c) => c.details).flatMap((c) => [`${c.name}:`, ...c.details!.map((d) => (d ? `  ${d}` : '')), ''])),
    ...fitAll(['Options:', '  -h, --help       show this help', '  -v, --version    print the version', '', 'Examples:']),
    ...COMMANDS.flatMap((c) => c.examples.flatMap((e) => exampleLines(e, width))),
    ...fitAll([
      '',
      'Environment:',
      '  AWSNOTES_CONFIG_DIR   directory of your progress and settings, and of your notes/ and questions/ (default: ~/.config/awsnotes-nodejs)',
      '  VISUAL, EDITOR        the editor of awsnotes note edit and of e in the reader (else nano, else vi)',
      '  NO_COLOR, FORCE_COLOR=0, TERM=dumb   turn colour off',
      '',
      `Exit codes: ${EXIT_CODES}.`,
      '',
    ]),
  ].join('\n');
}

/** An example command, continued with " \\" on the next line when it does not fit. */
function exampleLines(example: string, width: number): string[] {
  return fill(example, width, '  ', '      ', ' \\');
}

/** `awsnotes <command> --help`, fitted to `width` columns. */
export function commandHelpText(command: Command, width = 80): string {
  const details = command.details ? ['', ...command.details.map((d) => (d ? `  ${d}` : ''))] : [];
  return `${[
    ...fill(`awsnotes ${command.usage}`, width, 'Usage: ', '    '),
    ...fill(command.summary, width, '  ', '  '),
    ...details.flatMap((line) => fitLine(line, width)),
    '',
    'Examples:',
    ...command.examples.flatMap((e) => exampleLines(e, width)),
  ].join('\n')}\n`;
}
