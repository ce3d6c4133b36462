// `awsnotes completion bash|zsh|fish`: a completion script for commands, sub-commands,
// flags and their values (service ids, domains, task statements, choices), generated from
// the registry's usage lines, so it cannot drift from what the commands accept. Each shell
// gets the same tables and the same small engine, in its own syntax. The learner's own
// services are not in the tables: the script finds them at each Tab, as the names of their
// notes files, so one added after the script was made is offered too.
import { examGuide, shippedServiceMeta } from '../content/bundle.js';
import { DOMAIN_INFO } from '../content/types.js';
import { NOTES_DIR } from '../own/types.js';
import { progressDir } from '../progress/paths.js';
import { parse } from './args.js';
import { EXIT, type Io, UsageError } from './io.js';
import { type Command, COMMANDS } from './registry.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/**
 * Values a flag or a position takes: a list of words (with the learner's service ids when
 * `own`), the files of the file system, or none.
 */
type Values = { words: string[]; own?: true } | { files: true } | null;

export interface CompletionTables {
  /** Command path ("" for the top, "calc dynamodb") → the words that may follow it. */
  words: Map<string, string[]>;
  /** Command path → its flags (a path's flags include those of the paths below it). */
  flags: Map<string, string[]>;
  /** Flag → what its value is; flags absent here take no value. */
  values: Map<string, Values>;
  /** Command path → what its free argument is (show <service>, import FILE). */
  positional: Map<string, Values>;
}

/** What a placeholder of a usage line stands for. */
function placeholder(token: string): Values | undefined {
  const bare = token.replace(/[[\]…,]/g, '');
  if (bare === 'S' || bare === '<service>') return { words: shippedServiceMeta().map((s) => s.id), own: true };
  if (bare === 'D') return { words: Object.keys(DOMAIN_INFO) };
  if (bare === 'T') return { words: examGuide().tasks.map((t) => t.id) };
  if (bare === 'FILE') return { files: true };
  // SIZE, RATE, N, YYYY-MM-DD: typed, nothing to offer.
  if (/^[A-Z][A-Z0-9-]*$/.test(bare) || /^<.+>$/.test(bare)) return null;
  return undefined;
}

/**
 * "strong|eventual|transactional" (in brackets or not) → its words; "YYYY-MM-DD|none" →
 * the words only, a placeholder being typed.
 */
function choices(token: string): string[] | undefined {
  const bare = token.replace(/[[\]]/g, '');
  if (!bare.includes('|')) return undefined;
  const literal = bare.split('|').filter((part) => /^[a-z0-9][a-z0-9-]*$/.test(part));
  return literal.length ? literal : undefined;
}

/** A command's usage lines: its usage and the details that are usages themselves. */
function usageLines(command: Command): string[] {
  const lines = [command.usage, ...(command.details ?? []).filter((d) => d.startsWith(`awsnotes ${command.name} `))];
  // "config set exam-date … | config set new-per-day N | config get …" holds three.
  return lines.flatMap((line) =>
    line
      .replace(/^awsnotes /, '')
      .split(` | ${command.name} `)
      .map((part, i) => (i === 0 ? part : `${command.name} ${part}`)),
  );
}

export function completionTables(commands: readonly Command[] = COMMANDS): CompletionTables {
  const words = new Map<string, string[]>([['', commands.map((c) => c.name)]]);
  const flags = new Map<string, string[]>([['', ['--help', '--version']]]);
  const values = new Map<string, Values>();
  const positional = new Map<string, Values>();
  const add = <T>(map: Map<string, T[]>, key: string, items: T[]) => {
    const list = map.get(key) ?? [];
    for (const item of items) if (!list.includes(item)) list.push(item);
    map.set(key, list);
  };
  for (const command of commands) {
    for (const line of usageLines(command)) {
      const tokens = line.split(' ').filter(Boolean);
      const path: string[] = [];
      let at = 0;
      // The leading words name the path: "calc dynamodb read", "config set exam-date".
      for (; at < tokens.length; at++) {
        const token = tokens[at]!;
        if (token.startsWith('-') || token.startsWith('[-')) break;
        const alternatives = choices(token);
        if (alternatives) {
          if (path.length) add(words, path.join(' '), alternatives);
          at++;
          break;
        }
        if (placeholder(token) !== undefined) {
          positional.set(path.join(' '), placeholder(token)!);
          at++;
          break;
        }
        if (path.length) add(words, path.join(' '), [token]);
        path.push(token);
      }
      const found: string[] = [];
      for (; at < tokens.length; at++) {
        const flag = /^\[?(--[a-z][a-z-]*)/.exec(tokens[at]!)?.[1];
        if (!flag) continue;
        found.push(flag);
        const next = tokens[at + 1];
        if (tokens[at]!.endsWith(']') || next === undefined || next.startsWith('--') || next.startsWith('[--') || next === '|') continue;
        const taken = choices(next) ? { words: choices(next)! } : placeholder(next);
        if (taken === undefined) continue;
        const known = values.get(flag);
        values.set(
          flag,
          known && 'words' in known && taken && 'words' in taken
            ? { words: [...new Set([...known.words, ...taken.words])], ...(known.own || taken.own ? { own: true as const } : {}) }
            : taken,
        );
      }
      // A path's flags are also offered on every path above it.
      for (let depth = path.length; depth >= 1; depth--) add(flags, path.slice(0, depth).join(' '), [...found, '--help']);
    }
  }
  return { words, flags, values, positional };
}

// ---- the scripts ------------------------------------------------------------------------

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** What a script says for values: `@none`, `@files`, or the words (then `@own` for the learner's service ids). */
const valueWords = (v: Values) => (v === null ? ['@none'] : 'files' in v ? ['@files'] : [...v.words, ...(v.own ? [OWN] : [])]);
const OWN = '@own';

/** The tables as POSIX `case` functions, which bash and zsh both read. */
function caseFunctions(tables: CompletionTables): string {
  const cases = (name: string, entries: [string, string][]) =>
    [`${name}() {`, '  case "$1" in', ...entries.map(([key, body]) => `    ${quote(key)}) ${body} ;;`), '  esac', '}'].join('\n');
  const list = (items: string[]) => `echo ${quote(items.join(' '))}`;
  const valueBody = (v: Values) => list(valueWords(v));
  return [
    cases(
      '_awsnotes_words',
      [...tables.words].map(([path, w]) => [path, list(w)]),
    ),
    cases(
      '_awsnotes_flags',
      [...tables.flags].map(([path, f]) => [path, list(f)]),
    ),
    cases(
      '_awsnotes_values',
      [...tables.values].map(([flag, v]) => [flag, valueBody(v)]),
    ),
    cases(
      '_awsnotes_positional',
      [...tables.positional].map(([path, v]) => [path, valueBody(v)]),
    ),
  ].join('\n\n');
}

/** A learner's notes file names a service when it is an id: kebab-case. */
const OWN_ID = '^[a-z0-9][a-z0-9-]*$';

/**
 * What to offer for the word under the cursor, the same in bash and zsh (both read
 * `[[ … ]]`): a flag's values after it, the flags for "-…", else the sub-commands or
 * the positional values of the path typed so far, with your own note ids for OWN.
 */
const CHOOSE_OFFER = `  if [[ "$prev" == -* && -n "$(_awsnotes_values "$prev")" ]]; then
    offer="$(_awsnotes_values "$prev")"
  elif [[ "$cur" == -* ]]; then
    offer="$(_awsnotes_flags "$path")"
  elif [[ -n "$(_awsnotes_words "$path")" ]]; then
    offer="$(_awsnotes_words "$path")"
  else
    offer="$(_awsnotes_positional "$path")"
  fi
  if [[ " $offer " == *" ${OWN} "* ]]; then
    offer="\${offer/ ${OWN}/}"
    for word in $(_awsnotes_own); do
      [[ " $offer " == *" $word "* ]] || offer="$offer $word"
    done
  fi
`;

function bashScript(tables: CompletionTables, configDir: string): string {
  return `# awsnotes completion for bash. Load it with
#   source <(awsnotes completion bash)
# in ~/.bashrc, or save it as ~/.local/share/bash-completion/completions/awsnotes.
${caseFunctions(tables)}

# The ids of your notes files (your own services among them), read at each Tab.
_awsnotes_own() {
  local dir=${quote(configDir)} file name
  [ -n "$AWSNOTES_CONFIG_DIR" ] && dir="$AWSNOTES_CONFIG_DIR"
  for file in "$dir"/${NOTES_DIR}/*.md; do
    name="\${file##*/}"
    name="\${name%.md}"
    [[ -f "$file" && "$name" =~ ${OWN_ID} ]] && echo "$name"
  done
}

_awsnotes() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" path="" word i=1 next
  while [ "$i" -lt "$COMP_CWORD" ]; do
    word="\${COMP_WORDS[i]}"
    if [[ "$word" == -* ]]; then
      # A flag that takes a value: skip the value.
      [ -n "$(_awsnotes_values "$word")" ] && i=$((i + 1))
    else
      next="\${path:+$path }$word"
      [[ " $(_awsnotes_words "$path") " == *" $word "* ]] && path="$next"
    fi
    i=$((i + 1))
  done
  [ "$COMP_CWORD" -gt 1 ] && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local offer
${CHOOSE_OFFER}  case "$offer" in
    @files) COMPREPLY=($(compgen -f -- "$cur")) ;;
    @none | '') COMPREPLY=() ;;
    *) COMPREPLY=($(compgen -W "$offer" -- "$cur")) ;;
  esac
}
complete -F _awsnotes awsnotes
`;
}

function zshScript(tables: CompletionTables, configDir: string): string {
  return `#compdef awsnotes
# awsnotes completion for zsh. Load it with
#   source <(awsnotes completion zsh)
# in ~/.zshrc (after compinit), or save it as _awsnotes in a directory of $fpath.
${caseFunctions(tables)}

# The ids of your notes files (your own services among them), read at each Tab.
_awsnotes_own() {
  local dir=${quote(configDir)} file name
  [[ -n "$AWSNOTES_CONFIG_DIR" ]] && dir="$AWSNOTES_CONFIG_DIR"
  for file in "$dir"/${NOTES_DIR}/*.md(N.); do
    name="\${file:t:r}"
    [[ "$name" =~ '${OWN_ID}' ]] && print -r -- "$name"
  done
}

_awsnotes() {
  local cur="\${words[CURRENT]}" prev="" path="" word next offer
  local -i i=2
  while (( i < CURRENT )); do
    word="\${words[i]}"
    if [[ "$word" == -* ]]; then
      [[ -n "$(_awsnotes_values "$word")" ]] && (( i++ ))
    else
      next="\${path:+$path }$word"
      [[ " $(_awsnotes_words "$path") " == *" $word "* ]] && path="$next"
    fi
    (( i++ ))
  done
  (( CURRENT > 2 )) && prev="\${words[CURRENT-1]}"
${CHOOSE_OFFER}  case "$offer" in
    @files) _files ;;
    @none | '') return 1 ;;
    *) compadd -- \${=offer} ;;
  esac
}
compdef _awsnotes awsnotes
`;
}

function fishScript(tables: CompletionTables, configDir: string): string {
  const switchFunction = (name: string, entries: [string, string][]) =>
    [
      `function ${name}`,
      '    switch "$argv[1]"',
      ...entries.map(([key, body]) => `        case ${quote(key)}\n            ${body}`),
      '    end',
      'end',
    ].join('\n');
  const list = (items: string[]) => `echo ${quote(items.join(' '))}`;
  const valueBody = (v: Values) => list(valueWords(v));
  return `# awsnotes completion for fish. Load it with
#   awsnotes completion fish | source
# or save it as ~/.config/fish/completions/awsnotes.fish.
${switchFunction(
  '__awsnotes_words',
  [...tables.words].map(([path, w]) => [path, list(w)]),
)}

${switchFunction(
  '__awsnotes_flags',
  [...tables.flags].map(([path, f]) => [path, list(f)]),
)}

${switchFunction(
  '__awsnotes_values',
  [...tables.values].map(([flag, v]) => [flag, valueBody(v)]),
)}

${switchFunction(
  '__awsnotes_positional',
  [...tables.positional].map(([path, v]) => [path, valueBody(v)]),
)}

# The ids of your notes files (your own services among them), read at each Tab.
function __awsnotes_own
    set -l dir $AWSNOTES_CONFIG_DIR
    test -n "$dir"; or set dir ${quote(configDir)}
    for file in $dir/${NOTES_DIR}/*.md
        set -l name (string replace -r '.*/' '' -- $file | string replace -r '\\.md$' '')
        test -f $file; and string match -qr -- '${OWN_ID}' $name; and echo $name
    end
end

function __awsnotes_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l path ''
    set -l skip 0
    for word in $tokens[2..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        if string match -q -- '-*' $word
            test -n "$(__awsnotes_values $word)"; and set skip 1
        else if contains -- $word (string split ' ' -- (__awsnotes_words $path))
            set path (string trim -- "$path $word")
        end
    end
    set -l offer
    if test $skip -eq 1
        set offer (__awsnotes_values $tokens[-1])
    else if string match -q -- '-*' $cur
        set offer (__awsnotes_flags $path)
    else if test -n "$(__awsnotes_words $path)"
        set offer (__awsnotes_words $path)
    else
        set offer (__awsnotes_positional $path)
    end
    set -l words (string split ' ' -- "$offer")
    if contains -- ${OWN} $words
        set words (string match -v -- ${OWN} $words)
        for word in (__awsnotes_own)
            contains -- $word $words; or set -a words $word
        end
        set offer (string join ' ' -- $words)
    end
    switch "$offer"
        case @files
            __fish_complete_path $cur
        case @none ''
            return
        case '*'
            string split ' ' -- $offer
    end
end

complete -c awsnotes -f -a '(__awsnotes_complete)'
`;
}

/**
 * `configDir`: where the script looks for the learner's notes files when
 * AWSNOTES_CONFIG_DIR is not set as Tab is pressed (the default config directory).
 */
export function completionScript(shell: Shell, tables = completionTables(), configDir = progressDir({})): string {
  if (shell === 'bash') return bashScript(tables, configDir);
  if (shell === 'zsh') return zshScript(tables, configDir);
  return fishScript(tables, configDir);
}

export function completion(args: string[], io: Io): number {
  const { positionals } = parse('completion', args, {}, 'some');
  const [shell, extra] = positionals;
  if (!shell) throw new UsageError('completion: which shell? bash, zsh or fish');
  if (!SHELLS.includes(shell as Shell)) throw new UsageError(`completion: no script for '${shell}': bash, zsh or fish`);
  if (extra !== undefined) throw new UsageError(`completion: unexpected argument '${extra}'`);
  io.out(completionScript(shell as Shell));
  return EXIT.ok;
}
