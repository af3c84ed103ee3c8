/**
 * The "Program" view: each group's sweep, and the two Python files every pod can run
 * (`jobset_env.py`, and the script the manifest's command runs), generated from the design and
 * its sweeps, to copy or download; and the command that rehearses the design on one's machine.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { podProgram, programInput, type ProgramFile } from '../../core/program/python.ts';
import { selectExpansion } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { download } from '../../ui/download.ts';
import { useCopy } from '../../ui/useCopy.ts';
import { RehearseCommand } from './RehearseCommand.tsx';
import { SweepEditor } from './SweepEditor.tsx';
import { otherGroupsJobs } from '../../core/sweep/sweep.ts';
import './program.css';

interface Props {
  readonly renderCode: (text: string, label: string, language: string) => ReactNode;
}

export function ProgramPanel({ renderCode }: Props) {
  const figured = useDesigner(selectExpansion);
  // The program gives pods JobSet's variables: it serves jobset designs only.
  const expansion = figured?.run.operator === 'jobset' ? figured : null;
  const sweeps = useDesigner((s) => s.sweeps);
  const synchronous = useDesigner((s) => s.synchronous);
  // The manifest's own name, not the designer's "Untitled design".
  const designName = useDesigner((s) => s.analysis?.view?.name ?? '');
  const command = useDesigner((s) => s.analysis?.view?.command ?? null);
  const groupId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  /** 0: jobset_env.py, 1: the main file. */
  const [shown, setShown] = useState<0 | 1>(0);
  const program = useMemo(
    () =>
      expansion &&
      podProgram(programInput(expansion, { synchronous, sweeps }, designName, command)),
    [expansion, designName, command, synchronous, sweeps],
  );
  const groups = program ? (expansion?.groups ?? []) : [];
  if (!program || groups.length === 0) {
    return (
      <section className="panel program-panel" aria-labelledby="program-title">
        <h2 id="program-title" className="visually-hidden">
          Pod program
        </h2>
        <p className="muted">
          {figured && !expansion
            ? `The pod program serves jobset designs (its pods read JobSet's variables); this design uses ${figured.run.operator}.`
            : 'A jobset design with job groups gets a pod program.'}
        </p>
      </section>
    );
  }
  const group = chosen !== null && groups.some((g) => g.name === chosen) ? chosen : groups[0]!.name;
  const file = program.files[shown];
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
        otherJobs={otherGroupsJobs(groups, group)}
      />
      <p className="program-script muted" data-testid="program-script">
        {program.script.kind === 'follows'
          ? `Your command runs ${program.script.path}: save both files in that folder.`
          : program.script.advice}
      </p>
      <RehearseCommand />
      <div className="program-files" role="group" aria-label="Files">
        {program.files.map((f, i) => (
          <button
            key={f.path}
            type="button"
            aria-pressed={shown === i}
            onClick={() => setShown(i === 0 ? 0 : 1)}
          >
            {f.path}
          </button>
        ))}
        <Actions file={file} />
      </div>
      {renderCode(file.text, `${file.path} (read-only)`, 'python')}
    </section>
  );
}

function Actions({ file }: { file: ProgramFile }) {
  const notify = useDesigner((s) => s.notify);
  const { copied, copy: copyText } = useCopy((m) => notify(m, 'error'));
  // A download is one file: the name without its folder (the note above says where it goes).
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  return (
    <span className="program-actions">
      <button type="button" onClick={() => void copyText(file.text, name)}>
        {copied ? 'Copied' : `Copy ${name}`}
      </button>
      <button
        type="button"
        onClick={() => download(new Blob([file.text], { type: 'text/x-python' }), name)}
      >
        Download {name}
      </button>
    </span>
  );
}
