import type { DisplayName } from '../../core/names';

/**
 * The markup of a name chosen by the one rule for names (src/core/names.ts): the name first,
 * tagged with its language, and the English name beside it when the first is not in the
 * reader's language. PersonName and GovernmentName choose the name; this shows it.
 */
export function DisplayedName({
  name: { primary, lang, secondary },
  className,
}: {
  name: DisplayName;
  className?: string;
}) {
  return (
    <span className={['gov-name', className].filter(Boolean).join(' ')}>
      <span className="gov-name__primary" lang={lang}>
        {primary}
      </span>
      {secondary && (
        <>
          {' '}
          <span className="gov-name__secondary" lang="en">
            {secondary}
          </span>
        </>
      )}
    </span>
  );
}
