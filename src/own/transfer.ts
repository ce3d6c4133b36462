// The learner's files in a backup: collected by `export`, restored by `import`. A file that
// is already here with other text is never replaced: the backup's is written beside it
// under a name awsnotes does not load (notes/sqs.md.imported-<time>), and the import says
// so, for the learner to compare and merge.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { OwnFileTexts } from '../progress/backup.js';
import { describeFsError, timestamp } from '../progress/paths.js';
import { decodeText, formatBytes, readRegularFile, writeFileAtomic } from '../progress/safe-file.js';
import { listOwnFiles } from './index.js';
import { MAX_OWN_FILE_BYTES } from './types.js';

/** Every file of the learner's that fits a backup, and why any other was left out. */
export function collectOwnFiles(dir: string): { files: OwnFileTexts; leftOut: string[] } {
  const found = listOwnFiles(dir);
  const files: OwnFileTexts = {};
  const leftOut = found.problems.map((p) => `${p.file}: ${p.message}`);
  for (const file of [...found.notes, ...found.questions]) {
    const read = readRegularFile(path.join(dir, file), MAX_OWN_FILE_BYTES);
    if (read.ok) files[file] = decodeText(read.bytes);
    else leftOut.push(`${file}: ${read.reason}`);
  }
  return { files, leftOut };
}

export interface RestoreReport {
  /** Written: they were not here. */
  restored: string[];
  /** Here already, with the same text. */
  same: string[];
  /** Here with other text: the backup's was written to `aside`. */
  keptBoth: { file: string; aside: string }[];
  /** Not written, and why (too large: awsnotes would not load it). */
  refused: string[];
  /** A write that failed: the files after it were not restored. */
  failed?: string;
}

export function restoreOwnFiles(dir: string, files: OwnFileTexts, now: Date): RestoreReport {
  const report: RestoreReport = { restored: [], same: [], keptBoth: [], refused: [] };
  for (const [file, text] of Object.entries(files)) {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_OWN_FILE_BYTES) {
      report.refused.push(`${file}: larger than ${formatBytes(MAX_OWN_FILE_BYTES)} (${bytes.toLocaleString('en-US')} bytes)`);
      continue;
    }
    const target = path.join(dir, file);
    let destination = target;
    if (existsSync(target)) {
      const here = readRegularFile(target, MAX_OWN_FILE_BYTES);
      if (here.ok && decodeText(here.bytes) === text) {
        report.same.push(file);
        continue;
      }
      destination = `${target}.imported-${timestamp(now)}`;
    }
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomic(destination, text);
    } catch (error) {
      report.failed = `${file} could not be written (${describeFsError(error)})`;
      return report;
    }
    if (destination === target) report.restored.push(file);
    else report.keptBoth.push({ file, aside: path.relative(dir, destination) });
  }
  return report;
}
