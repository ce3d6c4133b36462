// The calc usage lines, apart from the maths so that `--help` loads none of it.
export const CALC_USAGE = [
  'calc dynamodb read --size SIZE --rate RATE [--consistency strong|eventual|transactional] [--mode provisioned|on-demand] [--json]',
  'calc dynamodb write --size SIZE --rate RATE [--transactional] [--mode provisioned|on-demand] [--json]',
  'calc dynamodb query --total-size SIZE [--consistency strong|eventual] [--rate RATE] [--mode …] [--json]',
  'calc dynamodb batch-get --sizes SIZE,SIZE,… [--consistency strong|eventual] [--mode …] [--json]',
  'calc kinesis --records RATE --record-size SIZE [--consumers N] [--fan-out] [--json]',
];

export const SIZE_AND_RATE_HELP = [
  'SIZE: a number with an optional unit: 512, 512B, 3KB, 1.5 KB, 0.5MB (1 KB = 1,024 bytes)',
  'RATE: a count per second or per period: 100, 100/s, 300/30s, 10/min, 5/h',
];
