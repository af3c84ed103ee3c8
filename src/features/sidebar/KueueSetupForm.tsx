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
  const totals = useDesigner((s) => s.analysis?.expansion?.totals ?? null);
  // Taken from the design when the form first shows; the user's changes are the form's own.
  const [setup, setSetup] = useState<QueueSetup>(() => setupForDesign(totals));
  const [confirming, setConfirming] = useState(false);
  const change = (c: Partial<QueueSetup>) => setSetup((s) => ({ ...s, ...c }));
  const flavor = (i: number, c: Partial<FlavorSetup>) =>
    setSetup((s) => ({ ...s, flavors: s.flavors.map((f, j) => (j === i ? { ...f, ...c } : f)) }));
  return (
    <details className="kueue-setup">
      <summary>Or set up a queue in a form</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (queues.trim()) setConfirming(true);
          else write(setupYaml(setup));
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
          <Field
            label="LocalQueue"
            value={setup.localQueue}
            set={(v) => change({ localQueue: v })}
          />
        </div>
        {setup.flavors.map((f, i) => (
          <FlavorFields key={i} flavor={f} set={(c) => flavor(i, c)} />
        ))}
        <button type="submit">Write these queues</button>
      </form>
      {confirming && (
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

type FlavorSetup = QueueSetup['flavors'][number];

/** A whole number of something, from a number field (empty or wrong: none). */
const count = (v: string) => Math.max(0, Math.floor(Number(v) || 0));

function FlavorFields({
  flavor: f,
  set,
}: {
  flavor: FlavorSetup;
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
      <Field
        label="GPUs"
        type="number"
        value={String(f.gpus)}
        set={(v) => set({ gpus: count(v) })}
      />
      <Field
        label="May borrow"
        type="number"
        value={f.borrowingLimit === null ? '' : String(f.borrowingLimit)}
        placeholder="no limit"
        set={(v) => set({ borrowingLimit: v.trim() === '' ? null : count(v) })}
      />
      <Field
        label="CPUs"
        type="number"
        value={String(f.cpus)}
        set={(v) => set({ cpus: count(v) })}
      />
      <Field
        label="Memory (GiB)"
        type="number"
        value={String(f.memoryGi)}
        set={(v) => set({ memoryGi: count(v) })}
      />
    </fieldset>
  );
}

function Field({
  label,
  value,
  set,
  type = 'text',
  placeholder,
  wide = false,
}: {
  label: string;
  value: string;
  set: (v: string) => void;
  type?: 'text' | 'number';
  placeholder?: string;
  /** A long value (a GPU product's name): the field under its label, the panel's width. */
  wide?: boolean;
}) {
  return (
    <label className={wide ? 'wide' : undefined}>
      {label}{' '}
      <input
        type={type}
        min={type === 'number' ? 0 : undefined}
        size={type === 'number' ? 5 : 14}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(e) => set(e.target.value)}
      />
    </label>
  );
}
