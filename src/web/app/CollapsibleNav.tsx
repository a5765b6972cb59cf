import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useLocation } from 'react-router';

/** Three bars, drawn in the text colour, beside a menu button's word. */
function MenuIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="2" fill="none" />
    </svg>
  );
}

/**
 * A menu button's state on a narrow screen: closed on every new page; Escape closes it and,
 * when focus was inside the menu or on the button, puts focus back on the button.
 */
function useDisclosure(pathname: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      const controls = button.current?.getAttribute('aria-controls');
      const region = controls ? document.getElementById(controls) : null;
      const active = document.activeElement;
      setOpen(false);
      if (active === button.current || (active && region?.contains(active))) {
        button.current?.focus();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
  return {
    open,
    button,
    toggle: () => setOpen((was) => !was),
    /** Following a link in the menu closes it, even a link to the page already shown. */
    closeOnLink: (event: MouseEvent<HTMLElement>) => {
      if ((event.target as Element).closest('a')) setOpen(false);
    },
  };
}

export interface CollapsibleNavProps {
  /** The nav's id, which the button controls. */
  id: string;
  /** The nav's name for assistive technology. */
  label: string;
  /** The nav's class; `<class>--open` is added while the menu is open. */
  className: string;
  /** The button's class besides `menu-button`; the stylesheet shows it on narrow screens. */
  buttonClassName: string;
  /** The button's word. */
  buttonText: string;
  buttonTestId: string;
  /** The nav's list of links. */
  children: ReactNode;
}

/**
 * A navigation that a narrow screen folds behind a menu button (the site's header, the admin
 * area's sections): the button says whether it is open and which nav it controls, the menu
 * closes on a new page, on a followed link and on Escape. When the button shows is the
 * stylesheet's say.
 */
export function CollapsibleNav(props: CollapsibleNavProps) {
  const location = useLocation();
  const menu = useDisclosure(location.pathname);
  return (
    <>
      <button
        type="button"
        className={`menu-button ${props.buttonClassName}`}
        aria-expanded={menu.open}
        aria-controls={props.id}
        onClick={menu.toggle}
        ref={menu.button}
        data-testid={props.buttonTestId}
      >
        <MenuIcon />
        {props.buttonText}
      </button>
      <nav
        id={props.id}
        className={menu.open ? `${props.className} ${props.className}--open` : props.className}
        aria-label={props.label}
        onClick={menu.closeOnLink}
      >
        {props.children}
      </nav>
    </>
  );
}
