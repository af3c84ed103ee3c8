/** Reading a text as data, apart from the rest of the core: the app loads it when a file is opened. */
export { parse } from './parse.ts';
export { yamlOf } from '../edit/edit.ts';
