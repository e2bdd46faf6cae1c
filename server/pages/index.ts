/**
 * The web interface: one sub-app per resource, each asking the service and
 * handing plain data to the pages of `ui/` (which never read the library).
 * Forms work without JavaScript; writes take the API token in the form.
 */

import { Hono } from 'hono';
import type { Rubric } from '../../clauses/grading.ts';
import type { Service } from '../../service/index.ts';
import type { ProgressBoard } from '../import-progress.ts';
import type { ReportRenderer } from '../parse-pool.ts';
import { agreementPages } from './agreements.tsx';
import { belowFloorPages } from './below-floor.tsx';
import { benchmarkPages } from './benchmarks.tsx';
import { checkPages } from './check.tsx';
import { draftPages } from './drafts.tsx';
import { expiryPages } from './expiry.tsx';
import { gradePages } from './grade.tsx';
import { gradesPages } from './grades.tsx';
import { importPages } from './import.tsx';
import { searchPages } from './search.tsx';
import { staticRoutes } from './static.ts';
import { versionPages } from './versions.tsx';

export interface PageRoutesDeps {
  service: Service;
  apiToken: string | undefined;
  maxUploadBytes: number;
  rubric: Rubric;
  /** Draws PDF reports (the parse pool in the server); this process by default. */
  reports?: ReportRenderer;
  /** Where imports of scans stand (`GET /api/imports/:id`). */
  progress?: ProgressBoard;
}

/** Builds the sub-app mounted at /. */
export function pageRoutes({ service, apiToken, maxUploadBytes, rubric, reports, progress }: PageRoutesDeps) {
  return new Hono()
    .route('/static', staticRoutes())
    .route('/', searchPages({ service }))
    .route('/agreements', agreementPages({ service, apiToken }))
    .route('/agreements', gradePages({ service, apiToken, rubric }))
    .route('/versions', versionPages({ service }))
    .route('/benchmarks', benchmarkPages({ service }))
    .route('/below-floor', belowFloorPages({ service }))
    .route('/check', checkPages({ service, maxUploadBytes, reports }))
    .route('/drafts', draftPages({ service, apiToken, maxUploadBytes }))
    .route('/expiry', expiryPages({ service }))
    .route('/grades', gradesPages({ service, rubric }))
    .route('/import', importPages({ service, apiToken, maxUploadBytes, ...(progress ? { progress } : {}) }));
}
