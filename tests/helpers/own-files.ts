// The learner's own files as the tests write them into a config directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `text` to `file` under `dir`, making its folders; returns the full path. */
export function writeOwnFile(dir: string, file: string, text: string | Buffer): string {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

/** One valid single-answer question on the bedrock service of the tests, as YAML. */
export function bedrockQuestion(
  id: string,
  { section = 'overview', stem = 'How is on-demand inference billed in this scenario?', extra = '' } = {},
): string {
  return `- id: ${id}
  domain: development
  kind: single
  section: ${section}
  question: ${stem}
  options:
    - text: Per input and output token
      correct: true
      why: On-demand inference is billed per token processed.
    - text: Per hour of instance
      why: That is provisioned throughput, bought ahead.
    - text: Per request only
      why: The number of tokens matters, not only requests.
    - text: Not at all, it is free
      why: No AWS inference is free beyond trials.
  explanation: On-demand inference is billed per input and output token.
${extra}`;
}

/** A note that adds a service of the learner's own (bedrock, which awsnotes does not ship). */
export function bedrockNote({ title = 'Amazon Bedrock', aliases = ['foundation models'], guardrails = true } = {}): string {
  return `---
id: bedrock
title: ${title}
aliases: [${aliases.join(', ')}]
category: analytics
---

## Overview
- Foundation models behind one API, billed per token.
${guardrails ? '\n## Guardrails\n- Filters harmful content in prompts and answers.\n' : ''}`;
}

/** The shortest such note: one section. */
export const BEDROCK_NOTE = bedrockNote({ guardrails: false });
