import type { TestProject } from 'vitest/node';
import { startRoster } from './roster-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts Roster once for the browser suite: fresh embedded database with the demo studio. */
export default async function setup(project: TestProject) {
  const server = await startRoster();
  project.provide('baseUrl', server.baseUrl);
  return server.stop;
}
