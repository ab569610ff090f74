import type { ComponentChildren } from 'preact';

interface PageSectionProps {
  /** The section's address on the page (`settings` for options.html#settings); names its heading. */
  name: string;
  class: string;
  title: string;
  /** A line under the heading saying what the section is for. */
  intro?: string;
  children: ComponentChildren;
}

/** One section of the journal's page: a region named by its heading, the page's one h1. */
export function PageSection({ name, class: className, title, intro, children }: PageSectionProps) {
  return (
    <section class={className} aria-labelledby={`${name}-heading`}>
      <h1 id={`${name}-heading`}>{title}</h1>
      {intro && <p class="section-intro">{intro}</p>}
      {children}
    </section>
  );
}
