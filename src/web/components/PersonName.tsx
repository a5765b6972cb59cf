import { personDisplayName, type NamedPerson } from '../../core/names';
import { useLocale } from './locale';

/**
 * A person's name as the viewer should see it, by the one rule for names
 * (src/core/names.ts): their own language when recorded, otherwise the person's own script
 * with the English name beside it, otherwise the English name.
 */
export function PersonName({
  person,
  localLang,
  className,
}: {
  person: NamedPerson;
  /** The language of the person's government, when known: which script is theirs. */
  localLang?: string | null;
  className?: string;
}) {
  const locale = useLocale();
  const { primary, lang, secondary } = personDisplayName(person, locale, localLang);
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
