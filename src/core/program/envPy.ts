/**
 * `jobset_env.py`, the helpers every pod imports: a Python file of its own (`jobset_env.py`
 * here, checked by Python's compiler and pyflakes in the tests). The design is embedded as a
 * JSON string literal in place of `"@DATA@"`; the code is the same for every design.
 *
 * The barrier (`wait_for_peers`) is built for pods that start seconds or minutes apart, as they
 * do when GPUs free up one by one (the platform's JobSet page, "Scheduling behaviour"):
 * - a pod waits until its deadline whatever the gaps between starts; connections are retried
 *   with a backoff, and a hello gets at most 2 s to arrive, but the release may take until the
 *   deadline;
 * - only pods that are up at the same moment are released together: the coordinator drops a
 *   registration whose pod has gone before everyone was up;
 * - a pod that starts after the release (a restart, a late wave) is released at once: the
 *   coordinator, and in the decentralized pattern every released pod, keeps answering until its
 *   process ends;
 * - a pod that gives up exits 3 at its deadline, never before, naming the peers it never heard
 *   from.
 */
import ENV_PY_TEXT from './jobset_env.py?raw';

/** The file as written, with `@TITLE@` (in its docstring) and `"@DATA@"` to fill in. */
export const ENV_PY: string = ENV_PY_TEXT;
