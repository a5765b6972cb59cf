import { personDisplayName, type NamedPerson } from '../../core/names';
import { DisplayedName } from './DisplayedName';
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
  return (
    <DisplayedName name={personDisplayName(person, locale, localLang)} className={className} />
  );
}
