import { performance } from 'node:perf_hooks';
import { parseDocument, stringify } from 'yaml';
import { fastYaml } from '../src/register/parse.js';
import { generate } from './generate.js';

export interface YamlParsersMeasured {
  bytes: number;
  /** The yaml package, as a register with problems is read: a syntax tree with positions. */
  yamlMs: number;
  /** js-yaml with the yaml package's core schema (src/register/core-yaml.ts), as fastYaml reads. */
  jsYamlMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(runs: number, read: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (read() === undefined) throw new Error('the parser read nothing');
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Reading one synthetic register of `parties` parties, written as block YAML, by both parsers. */
export function benchYamlParsers(parties: number, runs = 3): YamlParsersMeasured {
  const text = stringify(JSON.parse(generate(parties, 7).document));
  return {
    bytes: Buffer.byteLength(text),
    yamlMs: timed(runs, () => parseDocument(text, { uniqueKeys: true }).toJS()),
    jsYamlMs: timed(runs, () => fastYaml(text, 0)),
  };
}

export function describeYamlParsers(m: YamlParsersMeasured): string {
  const mb = (m.bytes / 1024 / 1024).toFixed(1);
  return (
    `YAML register of ${mb} MiB: yaml package ${m.yamlMs.toFixed(0)} ms, js-yaml ` +
    `${m.jsYamlMs.toFixed(0)} ms (js-yaml ${(m.yamlMs / m.jsYamlMs).toFixed(1)}x as fast)`
  );
}
