import { idParam, uuidParam } from './common';
import {
  acceptWaiverBody,
  clientProfileBody,
  clientProfileView,
  myProfileBody,
  myProfileView,
  publishWaiverBody,
  rosterFacts,
  waiverView,
} from './people';
import type { RouteContract, RouteKey } from './routes';

/** A client's profile for staff, and the studio's waiver (see `routes.ts`). */
export const peopleRoutes = {
  'GET /api/clients/:id/profile': { params: idParam, response: clientProfileView },
  'PUT /api/clients/:id/profile': { params: idParam, body: clientProfileBody, response: clientProfileView },
  'GET /api/me/profile': { response: myProfileView },
  'PUT /api/me/profile': { body: myProfileBody, response: myProfileView },
  'GET /api/me/waiver': { response: waiverView },
  'POST /api/me/waiver/accept': { body: acceptWaiverBody, response: waiverView },
  'PUT /api/admin/waiver': { body: publishWaiverBody, response: waiverView },
  'GET /api/sessions/:id/roster-facts': { params: uuidParam, response: rosterFacts },
} as const satisfies Record<RouteKey, RouteContract>;
