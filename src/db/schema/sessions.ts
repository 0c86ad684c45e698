// Drizzle tables of the sessions area.
export {};
