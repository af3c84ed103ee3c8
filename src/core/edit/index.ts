export {
  addEntry,
  duplicateEntry,
  moveEntry,
  removeEntry,
  renameEntry,
  scalarSource,
  setValue,
  type EntryValue,
  type ScalarValue,
} from './edit.ts';
export { applyEdit, chain, diffEdit, type EditResult, type TextEdit } from './text.ts';
