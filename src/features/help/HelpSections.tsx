/** The sections of "How to read this": the grid, what the figures assume, and the keys. */

export function GridHelp() {
  return (
    <>
      <h3>The grid</h3>
      <ul>
        <li>
          One block per group, in the platform&apos;s order (group names sorted), which is also the
          order of <code>JOB_GLOBAL_INDEX</code>.
        </li>
        <li>
          Each row is a Job (<var>a</var> = <code>JOB_INDEX</code>, from 0); each column a pod index
          in its Job (<var>b</var> = <code>JOB_COMPLETION_INDEX</code>). Pod <code>worker-3-1</code>{' '}
          is row 3, column 1 of <code>worker</code>.
        </li>
        <li>
          The colour is the wave a pod runs in: <code>parallelisms</code> pods of a Job run at once,
          so a Job of 8 pods at 2 at a time runs in 4 waves.
        </li>
      </ul>
    </>
  );
}

export function AssumptionsHelp() {
  return (
    <>
      <h3>The figures assume</h3>
      <ul>
        <li>
          Peaks: every Job of every group runs at once, each at its full parallelism (what the
          manifest allows, on an unlimited cluster).
        </li>
        <li>
          Time: each pod runs 1 hour unless you set a group&apos;s pod duration; the makespan is the
          longest group. With Your cluster set, the run is simulated on that capacity.
        </li>
        <li>
          Costs: example prices (change them under Prices). Requested is what pods hold while they
          run; reserved is the peak held for the whole run.
        </li>
      </ul>
    </>
  );
}

export function KeysHelp() {
  return (
    <>
      <h3>Keys</h3>
      <dl className="keys">
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>this help</dd>
        <dt>
          <kbd>Ctrl</kbd> <kbd>Z</kbd> / <kbd>Ctrl</kbd> <kbd>Shift</kbd> <kbd>Z</kbd>
        </dt>
        <dd>undo / redo, in the YAML and the form alike</dd>
        <dt>
          <kbd>Ctrl</kbd> <kbd>.</kbd>
        </dt>
        <dd>quick fixes at the cursor, in the YAML editor</dd>
        <dt>
          <kbd>Ctrl</kbd> <kbd>M</kbd>
        </dt>
        <dd>
          in the YAML editor, switches Tab between moving on (as when the editor is reached with
          Tab) and indenting (as after a click)
        </dd>
        <dt>
          Arrows, <kbd>Enter</kbd>, <kbd>Esc</kbd>
        </dt>
        <dd>on the grid: move between pods, show a pod&apos;s details, go back to the pod</dd>
        <dt>
          <kbd>Ctrl</kbd> + wheel, drag
        </dt>
        <dd>zoom and pan the grid and the timeline (the wheel alone scrolls the page)</dd>
      </dl>
    </>
  );
}
