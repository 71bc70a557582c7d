import type { ReactNode, Ref } from "react";

/** One card of the account page, labelled by its heading. */
export function AccountSection({
  id,
  title,
  intro,
  danger,
  headingRef,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  danger?: boolean;
  /** For moving focus to the heading after the section's content changed under it. */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <section className={`account-section${danger ? " account-section-danger" : ""}`} aria-labelledby={`${id}-title`} data-testid={`${id}-section`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {intro && <p className="section-intro">{intro}</p>}
      {children}
    </section>
  );
}
