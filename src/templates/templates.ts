/** The template gallery: the catalogue's examples with their manifests' text. */
import heterogeneous from './manifests/heterogeneous-pools.yaml?raw';
import sweep from './manifests/hyperparameter-sweep.yaml?raw';
import mixed from './manifests/mixed-concurrency.yaml?raw';
import multipleJobs from './manifests/one-group-multiple-jobs.yaml?raw';
import oneJob from './manifests/one-group-one-job.yaml?raw';
import main from './manifests/platform-main.yaml?raw';
import batch from './manifests/sequential-batch.yaml?raw';
import twoParallel from './manifests/two-groups-parallel-pods.yaml?raw';
import twoSequential from './manifests/two-groups-sequential-pods.yaml?raw';
import twoGroups from './manifests/two-groups.yaml?raw';
import jax from './manifests/jax.yaml?raw';
import kuberay from './manifests/kuberay.yaml?raw';
import pytorch from './manifests/pytorch.yaml?raw';
import vertexai from './manifests/vertexai.yaml?raw';
import xgboost from './manifests/xgboost.yaml?raw';

import { CATALOG, type TemplateId } from './catalog.ts';

export interface Template {
  readonly id: TemplateId;
  readonly title: string;
  readonly description: string;
  readonly text: string;
}

const TEXTS: Record<TemplateId, string> = {
  'platform-main': main,
  'one-group-one-job': oneJob,
  'one-group-multiple-jobs': multipleJobs,
  'two-groups': twoGroups,
  'two-groups-parallel-pods': twoParallel,
  'two-groups-sequential-pods': twoSequential,
  'hyperparameter-sweep': sweep,
  'heterogeneous-pools': heterogeneous,
  'sequential-batch': batch,
  'mixed-concurrency': mixed,
  jax,
  pytorch,
  xgboost,
  kuberay,
  vertexai,
};

export const TEMPLATES: readonly Template[] = CATALOG.map((t) => ({ ...t, text: TEXTS[t.id] }));
