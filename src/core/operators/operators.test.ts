// The operators the designer reads are those the manifest's schema lists (one list, checked).
import { describe, expect, it } from 'vitest';
import { MANIFEST_SCHEMA } from '../manifest/schema.ts';
import { OPERATORS } from './operators.ts';

describe('operators', () => {
  it("are the schema's operators, in its order", () => {
    const spec = MANIFEST_SCHEMA.definitions?.spec ?? MANIFEST_SCHEMA.properties?.spec;
    const listed = spec?.properties?.operator?.enum;
    expect(listed?.length).toBeGreaterThan(5);
    expect(listed).toEqual([...OPERATORS]);
  });
});
