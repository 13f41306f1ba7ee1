import jsYaml from 'js-yaml';

// js-yaml's own CORE_SCHEMA is not the yaml package's YAML 1.2 core schema: it reads a plain
// `0b101` as the number 5, where the yaml package reads the string "0b101". This schema is
// js-yaml's failsafe one (strings, lists, maps) with the yaml package's core scalars, test for
// test and resolution for resolution (yaml/dist/schema/core, common/null.js), so both read a
// document the same way (test/register/fast-yaml.test.ts checks it on thousands of documents).

const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    // js-yaml hands an empty node over as null.
    resolve: (text: string | null) => test.test(text ?? ''),
    construct: (text: string | null) => construct(text ?? ''),
  });

const int = (text: string, offset: number, radix: number) =>
  parseInt(text.substring(offset), radix);

export const YAML_CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar(
      'bool',
      /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      (text) => text[0] === 't' || text[0] === 'T',
    ),
    // Octal, decimal, hexadecimal: intOct, int and intHex of yaml's core schema.
    scalar('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o')
        ? int(text, 2, 8)
        : text.startsWith('0x')
          ? int(text, 2, 16)
          : int(text, 0, 10),
    ),
    // Infinities and NaN, exponents, fractions: floatNaN, floatExp and float.
    scalar(
      'float',
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (text) => {
        if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text))
          return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
        return parseFloat(text);
      },
    ),
  ],
});
