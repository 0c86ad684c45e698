// The whole Drizzle schema: one file per product area.
export * from './enums';
export * from './auth';
export * from './platform';
export * from './credits';
export * from './sessions';
export * from './cohorts';
export * from './imports';
export * from './appointments';
export * from './payments';
export * from './push';
export * from './people';
