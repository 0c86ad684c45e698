import type { ApiBody, ApiResponse } from '../../lib/api';

/** Wire types of the appointments API (times are ISO strings). */
export type Service = ApiResponse<'GET /api/appointment-services'>[number];
export type ServiceInput = ApiBody<'POST /api/admin/appointment-services'>;
export type ServicePatch = ApiBody<'PATCH /api/admin/appointment-services/:id'>;
export type Availability = ApiResponse<'GET /api/coaches/:id/availability'>;
export type Slots = ApiResponse<'GET /api/appointments/slots'>;
export type Appointment = ApiResponse<'GET /api/appointments/:id'>;
export type CalendarItem = ApiResponse<'GET /api/calendar'>['items'][number];
export type BookInput = ApiBody<'POST /api/appointments'>;
