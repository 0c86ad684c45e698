-- WAITLIST_CLOSED: a client still waiting when the class started (issue 12, item 17); set by the
-- close-started-waitlists job (src/services/sessions/close-started-waitlists.ts).
ALTER TABLE "session_registrations" DROP CONSTRAINT "session_registrations_status_ck";--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_status_ck" CHECK ("session_registrations"."status" IN ('REGISTERED', 'WAITLISTED', 'CANCELLED', 'LATE_CANCELLED', 'ATTENDED', 'NO_SHOW', 'WAITLIST_CLOSED'));