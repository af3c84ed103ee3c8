/**
 * Queues set up in a small form, when there is no kubectl output to paste: one ClusterQueue (in
 * a cohort, if named), a flavor per GPU product, and its LocalQueue. The form writes the queues'
 * YAML into the Queues field (core `setupYaml`): the text stays what the verdict reads, and what
 * the user may go on to edit. Queues already there are replaced only once the user confirms.
 */
import { useState } from 'react';
import { setupForDesign, setupYaml, type QueueSetup } from '../../core/kueue/setup.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useDesigner } from '../../state/store.ts';

export function KueueSetupForm({
  queues,
  write,
}: {
  /** The queues' text now. */
  queues: string;
  write: (yaml: string) => void;
}) {
  // Taken from the design when the form is first opened; the user's changes are the form's own.
  const [setup, setSetup] = useState<QueueSetup | null>(null);
  const [confirming, setConfirming] = useState(false);
  return (
    <details
      className="kueue-setup"
      onToggle={(e) => {
        if (e.currentTarget.open && !setup)
          setSetup(setupForDesign(useDesigner.getState().analysis?.expansion?.totals ?? null));
      }}
    >
      <summary>Or set up a queue in a form</summary>
      {setup && (
        <SetupFields
          setup={setup}
          setSetup={setSetup}
          submit={() => (queues.trim() ? setConfirming(true) : write(setupYaml(setup)))}
        />
      )}
      {confirming && setup && (
        <ConfirmDialog
          title="Replace the queues?"
          confirm="Replace them"
          onConfirm={() => {
            setConfirming(false);
            write(setupYaml(setup));
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>The Queues field holds queues already. The form's queues take their place.</p>
        </ConfirmDialog>
      )}
    </details>
  );
}

function SetupFields({
  setup,
  setSetup,
  submit,
}: {
  setup: QueueSetup;
  setSetup: (update: (s: QueueSetup | null) => QueueSetup | null) => void;
  submit: () => void;
}) {
  const change = (c: Partial<QueueSetup>) => setSetup((s) => s && { ...s, ...c });
  const flavor = (i: number, c: Partial<FlavorSetup>) =>
    setSetup(
      (s) => s && { ...s, flavors: s.flavors.map((f, j) => (j === i ? { ...f, ...c } : f)) },
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="kueue-setup-row">
        <Field
          label="ClusterQueue"
          value={setup.clusterQueue}
          set={(v) => change({ clusterQueue: v })}
        />
        <Field
          label="Cohort"
          value={setup.cohort}
          placeholder="none"
          set={(v) => change({ cohort: v })}
        />
        <Field label="Namespace" value={setup.namespace} set={(v) => change({ namespace: v })} />
        <Field label="LocalQueue" value={setup.localQueue} set={(v) => change({ localQueue: v })} />
      </div>
      {setup.flavors.map((f, i) => (
        <FlavorFields
          key={i}
          flavor={f}
          cohort={setup.cohort.trim() !== ''}
          set={(c) => flavor(i, c)}
        />
      ))}
      <button type="submit">Write these queues</button>
    </form>
  );
}

type FlavorSetup = QueueSetup['flavors'][number];

/** An amount from a number field: at least 0 (whole when asked); empty or wrong: 0. */
const amount = (v: string, whole: boolean) => {
  const n = Math.max(0, Number(v) || 0);
  return whole ? Math.floor(n) : n;
};

function FlavorFields({
  flavor: f,
  cohort,
  set,
}: {
  flavor: FlavorSetup;
  /** Whether the ClusterQueue is in a cohort: borrowing needs one (Kueue refuses it otherwise). */
  cohort: boolean;
  set: (c: Partial<FlavorSetup>) => void;
}) {
  return (
    <fieldset className="kueue-setup-row">
      <legend>Flavor {f.name}</legend>
      <Field
        wide
        label="GPU product"
        value={f.product}
        placeholder="none"
        set={(v) => set({ product: v })}
      />
      <NumberField label="GPUs" value={f.gpus} set={(v) => set({ gpus: amount(v, true) })} />
      <NumberField
        label="May borrow"
        value={f.borrowingLimit}
        disabled={!cohort}
        placeholder={cohort ? 'no limit' : 'in a cohort'}
        set={(v) => set({ borrowingLimit: v.trim() === '' ? null : amount(v, true) })}
      />
      <NumberField label="CPUs" value={f.cpus} set={(v) => set({ cpus: amount(v, false) })} />
      <NumberField
        label="Memory (GiB)"
        value={f.memoryGi}
        set={(v) => set({ memoryGi: amount(v, false) })}
      />
    </fieldset>
  );
}

/**
 * A number field that shows what is typed ('', '1.'), while the form keeps the amount it
 * stands for.
 */
function NumberField({
  label,
  value,
  set,
  placeholder,
  disabled = false,
}: {
  label: string;
  value: number | null;
  set: (v: string) => void;
  placeholder?: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min={0}
        size={5}
        value={disabled ? '' : text}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          set(e.target.value);
        }}
      />
    </label>
  );
}

function Field({
  label,
  value,
  set,
  placeholder,
  wide = false,
}: {
  label: string;
  value: string;
  set: (v: string) => void;
  placeholder?: string;
  /** A long value (a GPU product's name): the field under its label, the panel's width. */
  wide?: boolean;
}) {
  return (
    <label className={wide ? 'wide' : undefined}>
      {label}{' '}
      <input
        type="text"
        size={14}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(e) => set(e.target.value)}
      />
    </label>
  );
}
