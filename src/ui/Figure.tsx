/** A figure in a narrow column: as written when it fits, else compact with the exact text read aloud. */
import { compactFigure } from './format.ts';

export function Figure({ text }: { text: string }) {
  const short = compactFigure(text);
  if (short === null) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{text}</span>
    </>
  );
}
