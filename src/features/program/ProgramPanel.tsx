/**
 * The "Program" view: each group's sweep, and the two Python files every pod can run
 * (`jobset_env.py`, `main.py`), generated from the design and its sweeps, to copy or download.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { podProgram, PROGRAM_FILES, type PodProgram } from '../../core/program/python.ts';
import { selectExpansion } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { download } from '../../ui/download.ts';
import { useCopy } from '../../ui/useCopy.ts';
import { SweepEditor } from './SweepEditor.tsx';

interface Props {
  readonly renderCode: (text: string, label: string, language: string) => ReactNode;
}

export function ProgramPanel({ renderCode }: Props) {
  const expansion = useDesigner(selectExpansion);
  const sweeps = useDesigner((s) => s.sweeps);
  const synchronous = useDesigner((s) => s.synchronous);
  // The manifest's own name, not the designer's "Untitled design".
  const designName = useDesigner((s) => s.analysis?.view?.name ?? '');
  const groupId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [file, setFile] = useState<keyof PodProgram>('jobset_env.py');
  const groups = useMemo(
    () =>
      (expansion?.groups ?? []).map((g) => ({
        name: g.name,
        count: g.count ?? 1,
        completions: g.completions ?? 1,
        parallelisms: g.parallelisms ?? 1,
      })),
    [expansion],
  );
  const program = useMemo(
    () => podProgram({ designName: designName || null, groups, synchronous, sweeps }),
    [designName, groups, synchronous, sweeps],
  );
  if (!expansion || groups.length === 0) {
    return (
      <section className="panel program-panel" aria-labelledby="program-title">
        <h2 id="program-title" className="visually-hidden">
          Pod program
        </h2>
        <p className="muted">A jobset design with job groups gets a pod program.</p>
      </section>
    );
  }
  const group = chosen !== null && groups.some((g) => g.name === chosen) ? chosen : groups[0]!.name;
  const sweep = Object.hasOwn(sweeps, group) ? sweeps[group]! : null;
  return (
    <section className="panel program-panel" aria-labelledby="program-title">
      <h2 id="program-title" className="visually-hidden">
        Pod program
      </h2>
      <div className="program-group">
        <label htmlFor={groupId}>Group</label>{' '}
        <select id={groupId} value={group} onChange={(e) => setChosen(e.target.value)}>
          {groups.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}
              {Object.hasOwn(sweeps, g.name) ? ' (sweep)' : ''}
            </option>
          ))}
        </select>
      </div>
      <SweepEditor
        key={group}
        group={group}
        sweep={sweep}
        otherJobs={groups.reduce((n, g) => n + (g.name === group ? 0 : g.count), 0)}
      />
      <div className="program-files" role="group" aria-label="Files">
        {PROGRAM_FILES.map((f) => (
          <button key={f} type="button" aria-pressed={file === f} onClick={() => setFile(f)}>
            {f}
          </button>
        ))}
        <Actions program={program} file={file} />
      </div>
      {renderCode(program[file], `${file} (read-only)`, 'python')}
    </section>
  );
}

function Actions({ program, file }: { program: PodProgram; file: keyof PodProgram }) {
  const { copied, copy: copyText } = useCopy();
  const copy = () => copyText(program[file], file);
  return (
    <span className="program-actions">
      <button type="button" onClick={() => void copy()}>
        {copied ? 'Copied' : `Copy ${file}`}
      </button>
      <button
        type="button"
        onClick={() => download(new Blob([program[file]], { type: 'text/x-python' }), file)}
      >
        Download {file}
      </button>
    </span>
  );
}
