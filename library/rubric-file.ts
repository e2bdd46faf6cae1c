/** Reading a federation's own grading rubric (`CBA_RUBRIC`) from a JSON file. */

import { readFileSync } from 'node:fs';
import { ValidationError } from '../clauses/errors.ts';
import { parseRubric, RUBRIC, type Rubric } from '../clauses/grading.ts';

/**
 * The rubric in `path`, or the bundled provisional one when no path is given.
 * @throws ValidationError saying which file and what is wrong with it
 */
export function readRubricFile(path: string | undefined): Rubric {
  if (!path) return RUBRIC;
  try {
    return parseRubric(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    const reason = (error as Error).message;
    throw new ValidationError(
      'invalid_rubric',
      `Không dùng được thang điểm ${path} (CBA_RUBRIC): ${reason}`,
      `Cannot use the rubric ${path} (CBA_RUBRIC): ${reason}`,
      { cause: error },
    );
  }
}
