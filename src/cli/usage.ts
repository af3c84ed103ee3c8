/** What `jobset-designer --help` prints, and the error of a call that does not follow it (exit 2). */

export const USAGE = `Usage:
  jobset-designer validate <input>... [--format text|json|sarif|github] [--json]
                          check manifests; one line per problem, then a summary
  jobset-designer expand <input>          figures per group and in total, as JSON
  jobset-designer pods <input> [--type T] [--limit N]
                                          every pod as one JSON line (streamed)
  jobset-designer json <input>            the manifest as JSON, as the platform reads it
                                          (merge keys resolved)
  jobset-designer export <input> --to jobset [--name NAME]
                                          the design as a Kubernetes JobSet (YAML)
  jobset-designer import <input>          a Kubernetes JobSet as an AIchor manifest; what did
                                          not carry over is reported on stderr
  jobset-designer program <input> [--out DIR]
                                          the pod program (jobset_env.py and the script the
                                          manifest's command runs, else main.py) into DIR
                                          (default: the current folder), with a link's sweeps
  jobset-designer rehearse <input> [--out DIR] [--seconds-per-hour S] [--program DIR |
                          --command CMD] [--stagger S] [--seed N] [--delay POD=S]...
                          [--kill POD@S]... [--deadline S] [--timeout S] [--port P] [--max-pods N]
                                          run every pod as a local process on its schedule;
                                          logs and rehearsal.json in DIR (default: rehearsal);
                                          exit 0 all pods succeeded, 1 some failed
  jobset-designer diff <a> <b> [--json | --format text|json|markdown] [--designer-url URL]
                          [--name-a NAME] [--name-b NAME]
                                          what changing design a into b does: totals and their
                                          deltas, and each group added, removed, renamed or changed;
                                          markdown: a pull-request comment, with links that open
                                          each side and the comparison in the designer at URL;
                                          --name-a/-b: what to call each side (a - for instance)
  jobset-designer admit <input> --queue FILE... [--workloads FILE] [--local-queue NAME]
                          [--kueue-version V] [--priority-class NAME] [--format text|json]
                                          would Kueue admit the design's JobSet now: the queues
                                          from kubectl get clusterqueues,resourceflavors,cohorts,
                                          localqueues,workloadpriorityclasses -o yaml; the
                                          workloads from kubectl get workloads -A -o yaml (when
                                          it would start: admitted ones end at admission +
                                          maximumExecutionTimeSeconds, pending ones go first in
                                          their queue's order); exit 0 admitted now, 1 waits,
                                          3 never
  jobset-designer render <input> [--view grid|timeline|both] [--format svg|png] [--out FILE]
                          [--theme light|dark] [--scale N]
                                          the design's pictures, as the designer exports them
                                          (SVG to stdout, or PNG through resvg, no browser)
An <input> is a file, a pattern such as 'manifests/**/*.yaml', - for standard input, or a
design link (the designer's address, or just its #v2... part) with its settings. After --, every
argument is an input, even one that starts with a dash.
Exit codes: 0 valid, 1 invalid, 2 unreadable input or wrong usage (the worst of all inputs).
A check that takes more than 10 s (JOBSET_DESIGNER_DEADLINE_S) is stopped, with a message.`;

/** A call that does not follow the usage: its message, then a pointer to `--help` (exit 2). */
export class UsageError extends Error {}
