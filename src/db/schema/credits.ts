// Drizzle tables of the credits area.
export {};
