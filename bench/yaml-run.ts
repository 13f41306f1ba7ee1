import { benchYamlParsers, describeYamlParsers } from './yaml-parsers.js';

// npm run bench:yaml [-- 10000]: only the two YAML parsers, on registers of the given sizes.
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const parties of sizes.length > 0 ? sizes : [10_000])
  console.log(describeYamlParsers(benchYamlParsers(parties)));
