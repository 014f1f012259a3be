// Presentational: the saved / invalid / failed state under one settings control. No browser.* calls. The element is
// always rendered (empty when idle) so controls can point aria-describedby at it; announcements go through the
// page's own live region.

export type FieldState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message?: string }
  /** Stored, but something needs the user's attention (a permission refused). */
  | { kind: 'warning'; message: string }
  /** Not stored: the value is not valid. */
  | { kind: 'invalid'; message: string }
  /** Not stored: storage or the background failed. */
  | { kind: 'error'; message: string };

export const IDLE: FieldState = { kind: 'idle' };

/** The words for a state, as shown and announced. */
export function stateText(s: FieldState): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return s.message ? `Saved. ${s.message}` : 'Saved.';
    case 'warning':
      return `Saved, but: ${s.message}`;
    case 'invalid':
      return `Not saved: ${s.message}`;
    case 'error':
      return `Not saved, something failed: ${s.message}`;
  }
}

export function FieldStatus({ id, state }: { id: string; state: FieldState }) {
  return (
    <p id={id} className={`rl-field-status rl-field-${state.kind}`} data-state={state.kind}>
      {state.kind === 'saved' && <span aria-hidden="true">✓ </span>}
      {(state.kind === 'invalid' || state.kind === 'error' || state.kind === 'warning') && <span aria-hidden="true">⚠ </span>}
      {stateText(state)}
    </p>
  );
}
