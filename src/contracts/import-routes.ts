import { uuidParam } from './common';
import { importReport, importRunBody, teamupImportRequest } from './import';

/** The TeamUp import (admin): a dry run, a real run that reports progress, and the run's state. */
export const importRoutes = {
  'POST /api/admin/import/teamup/dry-run': { body: teamupImportRequest, response: importReport },
  'POST /api/admin/import/teamup/runs': { body: teamupImportRequest, response: importRunBody },
  'GET /api/admin/import/teamup/runs/:id': { params: uuidParam, response: importRunBody },
} as const;
