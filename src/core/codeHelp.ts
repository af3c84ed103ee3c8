/**
 * One sentence per diagnostic code: what the rule checks and why. The CLI's SARIF output gives
 * it as each rule's help, so a code host can explain a finding without this tool at hand.
 * A Record over every code: a new code does not compile until it is explained here.
 */
import type { DiagnosticCode } from './diagnostics.ts';

export const CODE_HELP: Readonly<Record<DiagnosticCode, string>> = {
  'yaml-syntax': 'The text is not valid YAML, so the platform cannot read the manifest at all.',
  'yaml-warning':
    'The YAML parser read the text but warned about it; the platform may read it differently from what was meant.',
  'yaml-unreadable':
    'The YAML library could not read the text at all; check the structure near the start of the file.',
  'multiple-documents':
    'The file holds more than one YAML document; the platform reads a manifest as one document.',
  'duplicate-key': 'A key appears twice in one map; the platform keeps only one of them, silently.',
  'key-not-text': 'A map key is not text (a list, a map or a number); manifest keys are names.',
  'tab-refused':
    "A tab outside quotes, block scalars and comments: YAML 1.2 tools accept it, the platform's YAML reader (PyYAML) refuses the whole file.",
  'character-refused':
    "A character the platform's YAML reader (PyYAML) refuses anywhere, comments and quotes included (DEL, C1 controls, U+FFFF, ...): the platform rejects the whole file.",
  'line-break-differs':
    "NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR outside quotes: a line break to the platform's YAML reader (PyYAML), text to YAML 1.2 tools, so the platform would read another manifest.",
  'tag-refused':
    "An explicit tag (!!binary, !!timestamp, !!set, !custom): the platform's YAML reader (PyYAML) makes bytes, dates or sets of it, or refuses a tag it does not know.",
  'yaml11-reading':
    "The platform reads YAML 1.1 (Python): this value means something else there than in YAML 1.2 (octal 010, 1_000, 1:30, yes/no). The fix writes the platform's reading.",
  'number-too-large':
    'A whole number is above 2^53, past what is exact as a number; no manifest figure needs it.',
  'nesting-too-deep':
    'The text nests more deeply than any manifest does; it is refused before parsing to keep the reader safe.',
  'input-too-large': 'The text is larger than any manifest is; it is refused before parsing.',
  'alias-limit':
    'The YAML expands through aliases past a safe size (a "billion laughs"); it is refused.',
  'missing-key': 'A key the platform requires is missing.',
  'wrong-type': 'A value has the wrong type (for example a list where a number belongs).',
  'invalid-value': 'A value is not one the platform accepts for this key.',
  'out-of-range': 'A number is outside the range the platform accepts for this key.',
  'too-few-entries': 'A list or map has fewer entries than the platform requires.',
  'unknown-key':
    'A key the platform does not know; it is ignored there, which is rarely what was meant.',
  'misspelt-key':
    'A key that is not known but is close to one that is: most likely a typo. The fix renames it.',
  'api-version': 'The apiVersion is not one the platform accepts, or not the current one.',
  'image-mismatch':
    'spec.image differs from builder.image, so the pods would not run the image the build makes.',
  'operator-not-visualised':
    'The manifest is for an operator other than jobset; it is checked but its pods are not drawn.',
  'operator-types':
    'The types under spec.types are not the shape this operator (and apiVersion) reads: the platform would ignore them or refuse the run.',
  'machine-type-unknown':
    'A Vertex AI machine type the designer does not know: its CPUs and RAM are shown as not set, never guessed.',
  'slurm-value': 'A Slurm size, GPU request or time limit that sbatch would not read.',
  'slurm-time-number':
    "An unquoted time like 12:00:00 is a number (base 60) for the platform's YAML reader; Slurm wants the text. Quote it.",
  'jupyter-not-supported':
    'debug.jupyter is only for the kuberay operator; jobset accepts debug.vscode only.',
  'type-name-invalid':
    'A group name is not a valid Kubernetes name part (lowercase letters, digits and hyphens, starting with a letter).',
  'group-key-not-text':
    'A group name reads as no name (null, ~, "") or, in YAML 1.1, as a boolean (on, yes, off, no). The fix quotes it.',
  'type-name-trailing-hyphen':
    'A group name ends with a hyphen; the Job and pod names built from it would be invalid.',
  'job-name-too-long':
    "The Job names built from this group's name are longer than Kubernetes allows (63 characters).",
  'pod-name-too-long':
    "The pod host names built from this group's name are longer than Kubernetes allows (63 characters).",
  'count-zero': 'count is 0: the group runs no Job.',
  'completions-zero': 'completions is 0: each Job of the group runs no pod.',
  'parallelisms-zero': 'parallelisms is 0: no pod of the group ever starts.',
  'too-many-pods': "count x parallelisms is above JobSet's limit of 2,147,483,647 pods.",
  'parallelisms-above-completions':
    'parallelisms is above completions; only as many pods as completions ever run at once.',
  'partial-last-wave':
    'The last wave of each Job is only partly used: completions is not a multiple of parallelisms.',
  'resources-not-set':
    "A group's resources are not set, so its CPU, RAM and GPU figures are unknown.",
  'ram-ratio-and-memory':
    'Both ramRatio and memory are set; the designer uses ramRatio (cpus x ramRatio GB). Keep only one.',
  'gpu-product-missing': 'GPUs are requested without a product, so the platform cannot place them.',
  'gpu-product-unused':
    'A GPU product is named but the pod asks for 0 GPUs, so no GPU is requested.',
  'gpu-product-unknown': 'The GPU product is not one the platform lists.',
  'resources-incomplete':
    'The resources block lacks a figure (CPUs or RAM), so the totals are partial.',
  'figures-approximate':
    'The design has more pods than a number holds exactly (2^53): its totals are approximate.',
  'gpu-product-not-label':
    'The GPU product cannot be a Kubernetes label value, which is how nodes are selected: no node can match it.',
  'many-gpus':
    'At its peak the design asks for more than 10,000 GPUs at once: worth a second look at count, completions and parallelisms.',
  'peak-over-capacity':
    'With the cluster capacity set in the designer, the peak request does not fit at once.',
  'synchronous-over-capacity':
    'A synchronous group needs all its pods at once, more than the cluster capacity set in the designer.',
  'synchronous-idle':
    'Pods of a synchronous group wait idle for their peers on the cluster capacity set in the designer.',
  'pod-over-capacity': 'One pod asks for more than the whole cluster capacity set in the designer.',
  'blocked-by-synchronous':
    'A group waits behind a synchronous group that holds the cluster capacity set in the designer.',
  'synchronous-trials':
    'A group marked to start together whose sweep makes its Jobs independent trials (JOB_INDEX): its pods probably never talk, and waiting for each other only idles them.',
  'sweep-unusable':
    'A sweep that cannot be used as it is (an axis without values, a name Python cannot take, more values than a sweep holds): the program leaves it out.',
  'sweep-does-not-fit':
    'A group\u2019s sweep (set in the designer) has more or fewer points than the Jobs or pods it numbers: some points never run, or some pods have none.',
  'check-stopped':
    'Checking the text passed its deadline and was stopped; no manifest needs that long (a huge value, a deeply repeated structure).',
  'internal-error': 'The checker itself failed on this input: please report it with the manifest.',
};
