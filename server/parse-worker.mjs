// The entry of a parse worker thread. Workers start without the TypeScript loader the server and
// vitest run under, so it is registered here, then the tasks (TypeScript) are loaded through it.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./parse-tasks.ts');

export default runTask;
