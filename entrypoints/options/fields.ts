// Runs in: options page. Per-control save state and the page's one live region: every control saves on its own
// through lib/settings-store (zod-checked), shows saved / invalid / failed under itself, and the outcome is announced.
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { IDLE, stateText, type FieldState } from '../../components/field-status';
import type { Settings } from '../../lib/settings';
import { readSettings, setField } from '../../lib/settings-store';

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

const NEWER = 'these settings were written by a newer version of Restake Lens; this one will not overwrite them.';

export interface SaveOptions {
  /** Shown after "Saved.". */
  saved?: string;
  /** Stored, but the user should know this (shown as a warning instead of "Saved."). */
  warning?: string;
  /** Shown when the settings schema refuses the value. */
  invalid?: string;
  /**
   * Show the change at once, before it is stored (checkboxes, radios, selects: a control that springs back while
   * saving confuses everyone). Put right from storage if it is refused.
   */
  optimistic?: boolean;
}

export interface Fields {
  state(id: string): FieldState;
  set(id: string, label: string, s: FieldState): void;
  /** Stores one settings field; resolves to the stored settings, or null when nothing was stored. */
  save<K extends keyof Settings>(id: string, label: string, key: K, change: (current: Settings[K]) => Settings[K], opts?: SaveOptions): Promise<Settings | null>;
  /** The latest message for the live region; `n` changes on every message so a repeat is announced again. */
  announcement: { n: number; text: string };
}

/** `setSettings`: the page's copy of the settings, updated with what was stored. */
export function useFields(setSettings: Dispatch<SetStateAction<Settings | null>>): Fields {
  const [states, setStates] = useState<Record<string, FieldState>>({});
  const [announcement, setAnnouncement] = useState({ n: 0, text: '' });

  const set = useCallback((id: string, label: string, s: FieldState) => {
    setStates((m) => ({ ...m, [id]: s }));
    if (s.kind !== 'saving' && s.kind !== 'idle') setAnnouncement((a) => ({ n: a.n + 1, text: `${label}: ${stateText(s)}` }));
  }, []);

  const save = useCallback(
    async <K extends keyof Settings>(id: string, label: string, key: K, change: (current: Settings[K]) => Settings[K], opts: SaveOptions = {}) => {
      set(id, label, { kind: 'saving' });
      if (opts.optimistic) setSettings((s) => (s ? { ...s, [key]: change(s[key]) } : s));
      try {
        const r = await setField(key, change);
        setSettings(r.ok ? r.settings : await readSettings());
        if (r.ok) {
          set(id, label, opts.warning ? { kind: 'warning', message: opts.warning } : { kind: 'saved', message: opts.saved });
          return r.settings;
        }
        set(id, label, { kind: r.reason === 'newer' ? 'error' : 'invalid', message: r.reason === 'newer' ? NEWER : (opts.invalid ?? 'this value is not one the settings accept.') });
      } catch (err) {
        set(id, label, { kind: 'error', message: errorText(err) });
        await readSettings().then(setSettings, () => undefined);
      }
      return null;
    },
    [set, setSettings],
  );

  const state = useCallback((id: string) => states[id] ?? IDLE, [states]);
  return { state, set, save, announcement };
}
