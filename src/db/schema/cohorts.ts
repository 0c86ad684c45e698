// Drizzle tables of the cohorts area.
export {};
