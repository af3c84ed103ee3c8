// Flavor assignment against Kueue's own answers. Each case is ported from kueue (snapshot
// ff69552e79, after v0.19.2) and named as there:
// - `pkg/scheduler/flavorassigner/flavorassigner_test.go`, `TestAssignFlavors` and
//   `TestIsNoFitDueToCapacityAndLimits`;
// - `pkg/scheduler/scheduler_test.go`, `TestSchedule` (the Workload's condition message).
// Kueue's flavors there: `default` (no labels), `one` {type: one}, `two` {type: two},
// `b_one` {b_type: one}, `b_two` {b_type: two}, `tainted` (instance=spot:NoSchedule).
// Where Kueue's test oracle says "Preempt", this model has nothing to preempt: the same message,
// mode Preempt, and the Workload waits.
import { describe, expect, it } from 'vitest';
import { assignFlavors, type PodSet } from './assign.ts';
import { amountOf } from './quantity.ts';
import { readQueues, useQuota } from './queues.ts';

type Q = string | { nominal: string; borrowingLimit?: string; lendingLimit?: string };

const flavor = (name: string, nodeLabels = {}, nodeTaints: object[] = []) => ({
  apiVersion: 'kueue.x-k8s.io/v1beta2',
  kind: 'ResourceFlavor',
  metadata: { name },
  spec: { nodeLabels, nodeTaints },
});

const FLAVORS = [
  flavor('default'),
  flavor('one', { type: 'one' }),
  flavor('two', { type: 'two' }),
  flavor('b_one', { b_type: 'one' }),
  flavor('b_two', { b_type: 'two' }),
  flavor('tainted', {}, [{ key: 'instance', value: 'spot', effect: 'NoSchedule' }]),
];

/** A ClusterQueue as `kubectl get clusterqueue -o yaml` prints it. */
function clusterQueue(
  name: string,
  groups: [covered: string[], flavors: [name: string, quotas: Record<string, Q>][]][],
  spec: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'kueue.x-k8s.io/v1beta2',
    kind: 'ClusterQueue',
    metadata: { name },
    spec: {
      ...spec,
      resourceGroups: groups.map(([coveredResources, flavors]) => ({
        coveredResources,
        flavors: flavors.map(([f, quotas]) => ({
          name: f,
          resources: Object.entries(quotas).map(([r, q]) =>
            typeof q === 'string'
              ? { name: r, nominalQuota: q }
              : { name: r, nominalQuota: q.nominal, ...q, nominal: undefined },
          ),
        })),
      })),
    },
  };
}

const podSet = (
  name: string,
  count: number,
  requests: Record<string, string>,
  nodeSelector: Record<string, string> = {},
): PodSet => ({
  name,
  count,
  requests: Object.fromEntries(Object.entries(requests).map(([r, q]) => [r, amountOf(r, q)!])),
  nodeSelector,
  tolerations: [],
});

/** Usage already admitted: [ClusterQueue, flavor, resource, quantity]. */
type Used = [cq: string, flavor: string, resource: string, quantity: string];

function assign(objects: object[], podSets: PodSet[], used: Used[] = [], cq = 'cq') {
  const queues = readQueues([...FLAVORS, ...objects]);
  expect(queues.problems).toEqual([]);
  for (const [name, f, r, q] of used)
    useQuota(queues.clusterQueues.get(name)!, f, r, amountOf(r, q)!);
  return assignFlavors(podSets, queues.clusterQueues.get(cq)!, queues.flavors);
}

const flavorsOf = (a: ReturnType<typeof assign>, i = 0) =>
  Object.fromEntries(Object.entries(a.podSets[i]!.flavors).map(([r, f]) => [r, f.flavor]));

describe('TestAssignFlavors (flavorassigner_test.go)', () => {
  it('"single flavor, fits"', () => {
    const a = assign(
      [clusterQueue('cq', [[['cpu', 'memory'], [['default', { cpu: '1', memory: '2Mi' }]]]])],
      [podSet('main', 1, { cpu: '1', memory: '1Mi' })],
    );
    expect(a.mode).toBe('Fit');
    expect(flavorsOf(a)).toEqual({ cpu: 'default', memory: 'default' });
    expect(a.message).toBe('');
    expect(a.podSets[0]!.requests).toEqual({ cpu: 1000, memory: 2 ** 20 });
  });

  it('"single flavor, used resources, doesn\'t fit"', () => {
    const a = assign(
      [clusterQueue('cq', [[['cpu'], [['default', { cpu: '4' }]]]])],
      [podSet('main', 1, { cpu: '2' })],
      [['cq', 'default', 'cpu', '3']],
    );
    expect(a.mode).toBe('Preempt');
    expect(a.noFitReason).toBe('WaitingForQuota');
    expect(a.message).toBe(
      "couldn't assign flavors to pod set main: insufficient unused quota for cpu in flavor default, 1 more needed",
    );
  });

  it('"multiple resource groups, fits"', () => {
    const a = assign(
      [
        clusterQueue('cq', [
          [
            ['cpu'],
            [
              ['one', { cpu: '2' }],
              ['two', { cpu: '4' }],
            ],
          ],
          [
            ['memory'],
            [
              ['b_one', { memory: '1Gi' }],
              ['b_two', { memory: '5Gi' }],
            ],
          ],
        ]),
      ],
      [podSet('main', 1, { cpu: '3', memory: '10Mi' })],
    );
    expect(a.mode).toBe('Fit');
    expect(flavorsOf(a)).toEqual({ cpu: 'two', memory: 'b_one' });
    expect(a.message).toBe('');
  });

  it('"multiple resources in a group, doesn\'t fit"', () => {
    const a = assign(
      [
        clusterQueue('cq', [
          [
            ['cpu', 'memory'],
            [
              ['one', { cpu: '2', memory: '1Gi' }],
              ['two', { cpu: '4', memory: '5Mi' }],
            ],
          ],
        ]),
      ],
      [podSet('main', 1, { cpu: '3', memory: '10Mi' })],
    );
    expect(a.mode).toBe('NoFit');
    expect(a.noFitReason).toBe('ExceedsMaxQuota');
    expect(a.podSets[0]!.reasons).toEqual([
      'insufficient quota for cpu in flavor one, previously considered podsets requests (0) + current podset request (3) > maximum capacity (2)',
      'insufficient quota for memory in flavor two, previously considered podsets requests (0) + current podset request (10Mi) > maximum capacity (5Mi)',
    ]);
  });

  it('"multiple flavors, fits a node selector" (keys the flavors do not label are ignored)', () => {
    const a = assign(
      [
        clusterQueue('cq', [
          [
            ['cpu'],
            [
              ['one', { cpu: '4' }],
              ['two', { cpu: '4' }],
            ],
          ],
        ]),
      ],
      [podSet('main', 1, { cpu: '1' }, { type: 'two', ignored1: 'foo' })],
    );
    expect(a.mode).toBe('Fit');
    expect(flavorsOf(a)).toEqual({ cpu: 'two' });
  });

  it('"multiple flavors, doesn\'t fit node affinity" (as a node selector: type three)', () => {
    const a = assign(
      [
        clusterQueue('cq', [
          [
            ['cpu'],
            [
              ['one', { cpu: '4' }],
              ['two', { cpu: '4' }],
            ],
          ],
        ]),
      ],
      [podSet('main', 1, { cpu: '1' }, { type: 'three' })],
    );
    expect(a.mode).toBe('NoFit');
    expect(a.noFitReason).toBe('NoMatchingFlavor');
    expect(a.message).toBe(
      "couldn't assign flavors to pod set main: flavor one doesn't match node affinity, flavor two doesn't match node affinity",
    );
  });

  it('selector keys named like Object.prototype fields are keys like any other', () => {
    const a = assign(
      [clusterQueue('cq', [[['cpu'], [['one', { cpu: '4' }]]]])],
      // As YAML gives them: own keys (a `__proto__` literal here would set the prototype).
      [podSet('main', 1, { cpu: '1' }, JSON.parse('{"constructor": "x", "__proto__": "y"}'))],
    );
    expect(a.mode).toBe('Fit');
  });

  it('"multiple flavors, fits while skipping tainted flavor"', () => {
    const a = assign(
      [
        clusterQueue('cq', [
          [
            ['cpu'],
            [
              ['tainted', { cpu: '4' }],
              ['two', { cpu: '4' }],
            ],
          ],
        ]),
      ],
      [podSet('main', 1, { cpu: '3' })],
    );
    expect(a.mode).toBe('Fit');
    expect(flavorsOf(a)).toEqual({ cpu: 'two' });
  });

  it('"multiple specs, fit different flavors": later PodSets take what earlier ones left', () => {
    const a = assign(
      [
        clusterQueue('cq', [
          [
            ['cpu'],
            [
              ['one', { cpu: '4' }],
              ['two', { cpu: '10' }],
            ],
          ],
        ]),
      ],
      [podSet('driver', 1, { cpu: '5' }), podSet('worker', 1, { cpu: '3' })],
    );
    expect(a.mode).toBe('Fit');
    expect(flavorsOf(a, 0)).toEqual({ cpu: 'two' });
    expect(flavorsOf(a, 1)).toEqual({ cpu: 'one' });
  });

  it('"multiple specs, fits borrowing"', () => {
    const a = assign(
      [
        clusterQueue(
          'cq',
          [
            [
              ['cpu', 'memory'],
              [['default', { cpu: { nominal: '2', borrowingLimit: '98' }, memory: '2Gi' }]],
            ],
          ],
          { cohort: 'test-cohort' },
        ),
        clusterQueue(
          'secondary',
          [[['cpu', 'memory'], [['default', { cpu: '198', memory: '198Gi' }]]]],
          { cohort: 'test-cohort' },
        ),
      ],
      [
        podSet('driver', 1, { cpu: '4', memory: '1Gi' }),
        podSet('worker', 1, { cpu: '6', memory: '4Gi' }),
      ],
    );
    expect(a.mode).toBe('Fit');
    expect(a.borrowing).toBe(1);
    expect(flavorsOf(a, 1)).toEqual({ cpu: 'default', memory: 'default' });
  });

  it('"not enough space to borrow": a lending limit of 0 lends nothing', () => {
    const a = assign(
      [
        clusterQueue('cq', [[['cpu'], [['one', { cpu: '1' }]]]], { cohort: 'c' }),
        clusterQueue(
          'secondary',
          [[['cpu'], [['one', { cpu: { nominal: '10', lendingLimit: '0' } }]]]],
          {
            cohort: 'c',
          },
        ),
      ],
      [podSet('main', 1, { cpu: '2' })],
      [['secondary', 'one', 'cpu', '9']],
    );
    expect(a.noFitReason).toBe('ExceedsMaxQuota');
    expect(a.podSets[0]!.reasons).toEqual([
      'insufficient quota for cpu in flavor one, previously considered podsets requests (0) + current podset request (2) > maximum capacity (1)',
    ]);
  });

  it('"past max, but can preempt in ClusterQueue"', () => {
    const a = assign(
      [
        clusterQueue('cq', [[['cpu'], [['one', { cpu: { nominal: '2', borrowingLimit: '8' } }]]]], {
          cohort: 'c',
        }),
        clusterQueue('secondary', [[['cpu'], [['one', { cpu: '98' }]]]], { cohort: 'c' }),
      ],
      [podSet('main', 1, { cpu: '2' })],
      [
        ['cq', 'one', 'cpu', '9'],
        ['secondary', 'one', 'cpu', '9'],
      ],
    );
    expect(a.mode).toBe('Preempt');
    expect(a.borrowing).toBe(1);
    expect(a.podSets[0]!.reasons).toEqual([
      'insufficient unused quota for cpu in flavor one, 1 more needed',
    ]);
  });

  describe('whenCanBorrow', () => {
    const queues = (whenCanBorrow?: string) => [
      clusterQueue(
        'cq',
        [
          [
            ['pods', 'cpu'],
            [
              ['one', { pods: '10', cpu: { nominal: '10', borrowingLimit: '1' } }],
              ['two', { pods: '10', cpu: '10' }],
            ],
          ],
        ],
        {
          cohort: 'c',
          ...(whenCanBorrow && {
            flavorFungibility: { whenCanBorrow, whenCanPreempt: 'TryNextFlavor' },
          }),
        },
      ),
      clusterQueue('secondary', [[['cpu'], [['one', { cpu: '1' }]]]], { cohort: 'c' }),
    ];
    const used: Used[] = [['cq', 'one', 'cpu', '2']];

    it('"borrow try next flavor, found the second flavor"', () => {
      const a = assign(queues('TryNextFlavor'), [podSet('main', 1, { cpu: '9' })], used);
      expect(a.mode).toBe('Fit');
      expect(flavorsOf(a)).toEqual({ pods: 'two', cpu: 'two' });
      expect(a.borrowing).toBe(0);
    });

    it('"borrow before try next flavor" (the default, MayStopSearch)', () => {
      const a = assign(queues(), [podSet('main', 1, { cpu: '9' })], used);
      expect(a.mode).toBe('Fit');
      expect(flavorsOf(a)).toEqual({ pods: 'one', cpu: 'one' });
      expect(a.borrowing).toBe(1);
    });
  });

  it('"lend try next flavor, found the second flavor"', () => {
    const a = assign(
      [
        clusterQueue(
          'cq',
          [
            [
              ['pods', 'cpu'],
              [
                ['one', { pods: '10', cpu: { nominal: '10', lendingLimit: '1' } }],
                ['two', { pods: '10', cpu: { nominal: '10', lendingLimit: '0' } }],
              ],
            ],
          ],
          {
            cohort: 'c',
            flavorFungibility: { whenCanBorrow: 'TryNextFlavor', whenCanPreempt: 'TryNextFlavor' },
          },
        ),
        clusterQueue('secondary', [[['cpu'], [['one', { cpu: '1' }]]]], { cohort: 'c' }),
      ],
      [podSet('main', 1, { cpu: '9' })],
      [['cq', 'one', 'cpu', '2']],
    );
    expect(flavorsOf(a)).toEqual({ pods: 'two', cpu: 'two' });
    expect(a.borrowing).toBe(0);
  });

  it('"when borrowing while preemption is needed, but borrowingLimit exceeds the quota available in the cohort"', () => {
    const a = assign(
      [
        clusterQueue(
          'cq',
          [[['cpu'], [['one', { cpu: { nominal: '0', borrowingLimit: '12' } }]]]],
          {
            cohort: 'c',
          },
        ),
        clusterQueue('secondary', [[['cpu'], [['one', { cpu: '11' }]]]], { cohort: 'c' }),
      ],
      [podSet('main', 1, { cpu: '12' })],
      [['secondary', 'one', 'cpu', '10']],
    );
    expect(a.noFitReason).toBe('ExceedsMaxQuota');
    expect(a.podSets[0]!.reasons).toEqual([
      'insufficient quota for cpu in flavor one, previously considered podsets requests (0) + current podset request (12) > maximum capacity (11)',
    ]);
  });

  it('"num pods don\'t fit"', () => {
    const a = assign(
      [clusterQueue('cq', [[['cpu', 'pods'], [['default', { cpu: '10', pods: '2' }]]]])],
      [podSet('main', 3, { cpu: '1' })],
    );
    expect(a.mode).toBe('NoFit');
    expect(a.podSets[0]!.requests).toEqual({ cpu: 3000, pods: 3 });
    expect(a.podSets[0]!.reasons).toEqual([
      'insufficient quota for pods in flavor default, previously considered podsets requests (0) + current podset request (3) > maximum capacity (2)',
    ]);
  });

  it('"resource not listed in clusterQueue"', () => {
    const a = assign(
      [clusterQueue('cq', [[['cpu'], [['one', { cpu: '4' }]]]])],
      [podSet('main', 1, { 'example.com/gpu': '2' })],
    );
    expect(a.noFitReason).toBe('NoMatchingFlavor');
    expect(a.message).toBe(
      "couldn't assign flavors to pod set main: resource example.com/gpu unavailable in ClusterQueue",
    );
  });
});

describe('TestIsNoFitDueToCapacityAndLimits (flavorassigner_test.go)', () => {
  const FLAVOR_A = flavor('flavor-a', { type: 'a' });
  const FLAVOR_B = flavor('flavor-b', {}, [{ key: 'key', value: 'val', effect: 'NoSchedule' }]);
  const pair = (cq: [string, string], sibling: [string, string]) => [
    FLAVOR_A,
    FLAVOR_B,
    clusterQueue(
      'cq',
      [
        [
          ['cpu'],
          [
            ['flavor-a', { cpu: { nominal: cq[0], borrowingLimit: cq[1] } }],
            ['flavor-b', { cpu: { nominal: cq[0], borrowingLimit: cq[1] } }],
          ],
        ],
      ],
      { cohort: 'c' },
    ),
    clusterQueue(
      'sibling',
      [
        [
          ['cpu'],
          [
            ['flavor-a', { cpu: { nominal: sibling[0], borrowingLimit: sibling[1] } }],
            ['flavor-b', { cpu: { nominal: sibling[0], borrowingLimit: sibling[1] } }],
          ],
        ],
      ],
      { cohort: 'c' },
    ),
  ];

  it('"insufficient capacity, cohort has available capacity (waiting for quota)"', () => {
    const a = assign(
      pair(['2', '2'], ['2', '2']),
      [podSet('main', 1, { cpu: '3' })],
      [
        ['sibling', 'flavor-a', 'cpu', '2'],
        ['sibling', 'flavor-b', 'cpu', '2'],
      ],
    );
    expect(a.mode).toBe('NoFit');
    expect(a.noFitReason).toBe('WaitingForQuota');
  });

  it('"exceeds borrowing limit but cohort has capacity"', () => {
    const a = assign(pair(['2', '1'], ['5', '5']), [podSet('main', 1, { cpu: '4' })]);
    expect(a.noFitReason).toBe('ExceedsMaxQuota');
  });

  it('"exceeds cohort max capacity limits"', () => {
    const a = assign(pair(['2', '2'], ['2', '2']), [podSet('main', 1, { cpu: '5' })]);
    expect(a.noFitReason).toBe('ExceedsMaxQuota');
  });
});

describe('TestHierarchical (flavorassigner_test.go): cohorts in cohorts', () => {
  // Cohort three holds 4 CPUs of flavor three; two, under it, 4 of two; one, under two, 4 of
  // one. The queue sits in cohort one with no quota of its own; another queue in cohort two.
  const cohort = (name: string, parentName?: string) => ({
    apiVersion: 'kueue.x-k8s.io/v1beta2',
    kind: 'Cohort',
    metadata: { name },
    spec: {
      ...(parentName && { parentName }),
      resourceGroups: [
        {
          coveredResources: ['cpu'],
          flavors: [{ name, resources: [{ name: 'cpu', nominalQuota: '4' }] }],
        },
      ],
    },
  });
  const noQuota: [string, Record<string, Q>][] = [
    ['one', { cpu: '0' }],
    ['two', { cpu: '0' }],
    ['three', { cpu: '0' }],
  ];
  const objects = [
    flavor('three'),
    cohort('three'),
    cohort('two', 'three'),
    cohort('one', 'two'),
    clusterQueue('cq', [[['cpu'], noQuota]], {
      cohortName: 'one',
      flavorFungibility: { whenCanPreempt: 'TryNextFlavor' },
    }),
    clusterQueue('other', [[['cpu'], noQuota]], { cohortName: 'two' }),
  ];

  it('"Select the top flavor"', () => {
    const a = assign(
      objects,
      [podSet('main', 1, { cpu: '4' })],
      [
        ['cq', 'one', 'cpu', '4'],
        ['other', 'two', 'cpu', '4'],
      ],
    );
    expect(a.mode).toBe('Fit');
    expect(flavorsOf(a)).toEqual({ cpu: 'three' });
    expect(a.borrowing).toBe(3);
  });

  it('"Select the first flavor which fits"', () => {
    const a = assign(objects, [podSet('main', 1, { cpu: '4' })], [['cq', 'one', 'cpu', '4']]);
    expect(a.mode).toBe('Fit');
    expect(flavorsOf(a)).toEqual({ cpu: 'two' });
    expect(a.borrowing).toBe(2);
  });
});

describe('isPreferred and getNodeHeight (flavorassigner.go, resource_node.go)', () => {
  it('a flavor with nothing to preempt ranks below one that fits by borrowing, whatever the preference', () => {
    const a = assign(
      [
        clusterQueue(
          'cq',
          [
            [
              ['cpu'],
              [
                ['one', { cpu: '1' }],
                ['two', { cpu: '10' }],
              ],
            ],
          ],
          {
            cohort: 'co',
            flavorFungibility: {
              whenCanBorrow: 'TryNextFlavor',
              whenCanPreempt: 'TryNextFlavor',
              preference: 'PreemptionOverBorrowing',
            },
          },
        ),
        clusterQueue(
          'sibling',
          [
            [
              ['cpu'],
              [
                ['one', { cpu: '10' }],
                ['two', { cpu: '0' }],
              ],
            ],
          ],
          {
            cohort: 'co',
          },
        ),
      ],
      [podSet('main', 1, { cpu: '4' })],
      [['sibling', 'two', 'cpu', '8']],
    );
    expect(a.mode).toBe('Fit');
    expect(flavorsOf(a)).toEqual({ cpu: 'one' });
    expect(a.borrowing).toBe(1);
  });

  it('a cohort with no children has height 0: borrowing from a flat cohort is level 1', () => {
    const a = assign(
      [
        clusterQueue('cq', [[['cpu'], [['one', { cpu: '0' }]]]], { cohort: 'co' }),
        clusterQueue('sibling', [[['cpu'], [['one', { cpu: '4' }]]]], { cohort: 'co' }),
        { kind: 'Cohort', metadata: { name: 'empty' }, spec: { parentName: 'co' } },
      ],
      [podSet('main', 1, { cpu: '2' })],
    );
    expect(a.mode).toBe('Fit');
    expect(a.borrowing).toBe(1);
  });
});

describe('TestSchedule (scheduler_test.go): the condition message', () => {
  it('"partial admission disabled, multiple variable pod sets"', () => {
    const a = assign(
      [clusterQueue('sales', [[['cpu'], [['default', { cpu: '50' }]]]])],
      [
        podSet('one', 20, { cpu: '1' }),
        podSet('two', 30, { cpu: '1' }),
        podSet('three', 15, { cpu: '1' }),
      ],
      [],
      'sales',
    );
    expect(a.noFitReason).toBe('ExceedsMaxQuota');
    expect(a.message).toBe(
      "couldn't assign flavors to pod set three: insufficient quota for cpu in flavor default, previously considered podsets requests (50) + current podset request (15) > maximum capacity (50)",
    );
  });

  it('"flavors with mixed misconfiguration and insufficient quota"', () => {
    const a = assign(
      [
        flavor('spot-tainted', {}, [{ key: 'key', value: 'val', effect: 'NoSchedule' }]),
        flavor('on-demand'),
        clusterQueue('custom-cq', [
          [
            ['cpu'],
            [
              ['spot-tainted', { cpu: '20' }],
              ['on-demand', { cpu: '15' }],
            ],
          ],
        ]),
      ],
      [podSet('main', 1, { cpu: '10' })],
      [['custom-cq', 'on-demand', 'cpu', '10']],
      'custom-cq',
    );
    expect(a.noFitReason).toBe('WaitingForQuota');
    expect(a.message).toBe(
      "couldn't assign flavors to pod set main: insufficient unused quota for cpu in flavor on-demand, 5 more needed, untolerated taint {key val NoSchedule <nil>} in flavor spot-tainted",
    );
  });
});
