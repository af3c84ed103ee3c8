import { describe, expect, it } from 'vitest';
import { withTypes } from '../../fixtures/read.ts';
import { settleGroups } from './renamed.ts';

describe('settleGroups: what a paste did to the groups it cut through', () => {
  const before = withTypes(
    '    worker:\n      count: 2\n      completions: 3\n    ps:\n      count: 1\n',
  );

  it('finds a group renamed with the same body, however the paste indents or orders it', () => {
    // Bodies indented by 4 more, keys in another order, and ps changed: worker is trainer.
    const after = withTypes(
      '    trainer:\n        completions: 3\n        count: 2\n    ps:\n        count: 4\n',
    );
    expect(settleGroups(before, after, ['worker', 'ps'])).toEqual({
      renamed: [{ from: 'worker', to: 'trainer' }],
      removed: [],
    });
    // A body that changed is not the same group: worker is gone.
    const changed = after.replace('count: 2', 'count: 5');
    expect(settleGroups(before, changed, ['worker'])).toEqual({ renamed: [], removed: ['worker'] });
  });

  it('decides nothing on a text it cannot read', () => {
    expect(settleGroups(before, 'spec: [', ['worker'])).toBeNull();
  });
});
