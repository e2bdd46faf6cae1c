import { describe, expect, it } from 'vitest';
import * as clauses from '../clauses/index.ts';
import * as cli from '../cli/index.ts';
import * as importer from '../importer/index.ts';
import * as library from '../library/index.ts';
import * as service from '../service/index.ts';
import * as ui from '../ui/index.ts';

describe('public entry points', () => {
  it.each([
    ['clauses', clauses],
    ['importer', importer],
    ['library', library],
    ['service', service],
    ['cli', cli],
    ['ui', ui],
  ])('pins the export list of %s/', (_, module) => {
    expect(Object.keys(module).sort()).toMatchSnapshot();
  });
});
