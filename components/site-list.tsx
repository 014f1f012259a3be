// Presentational: an editable list of sites (host names) with an add field and a Remove button per site. No browser.*
// calls: the page normalises, validates and stores through `onAdd` / `onRemove`. Works from the keyboard: type a
// host or paste a URL, press Enter; Remove returns focus to the field.
import { useId, useRef, useState, type FormEvent } from 'react';
import { FieldStatus, type FieldState } from './field-status';

export interface SiteListProps {
  legend: string;
  /** One line under the legend: what the list does, and whether it is in effect now. */
  hint: string;
  inputLabel: string;
  sites: readonly string[];
  state: FieldState;
  /** Resolves true when the site was stored (the field is then cleared). */
  onAdd: (text: string) => Promise<boolean>;
  onRemove: (site: string) => Promise<boolean>;
  testId?: string;
}

export function SiteList({ legend, hint, inputLabel, sites, state, onAdd, onRemove, testId }: SiteListProps) {
  const id = useId();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onAdd(text).then((ok) => ok && setText(''));
  };
  const remove = (site: string) => {
    void onRemove(site).then(() => input.current?.focus());
  };
  return (
    <fieldset className="rl-fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      <p className="rl-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <form className="rl-inline-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-input`}>{inputLabel}</label>
        <span className="rl-inline">
          <input
            ref={input}
            id={`${id}-input`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="example.com or https://example.com/page"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={state.kind === 'invalid' ? true : undefined}
            aria-describedby={`${id}-hint ${id}-status`}
          />
          <button type="submit" className="rl-button">
            Add
          </button>
        </span>
      </form>
      <FieldStatus id={`${id}-status`} state={state} />
      {sites.length ? (
        <ul className="rl-site-list" aria-label={legend}>
          {sites.map((site) => (
            <li key={site} data-site={site}>
              <span className="rl-site">{site}</span>
              <button type="button" className="rl-button rl-button-quiet" aria-label={`Remove ${site}`} onClick={() => remove(site)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rl-muted rl-empty-list">No sites yet.</p>
      )}
    </fieldset>
  );
}
