import { navigate } from "../../lib/router.tsx";
import { Logo } from "../layout/logo.tsx";

const FEATURES = [
  { title: "Type it the way you think", body: "“book dentist next fri 3pm @health p2” becomes a task with a date, a label and a priority — you see what was understood before you press Enter." },
  { title: "An assistant that does the clicking", body: "Ask “what's overdue?” or “move the report to Friday”. It works offline out of the box, and with your own AI model if you configure one." },
  { title: "Yours, on your server", body: "One command starts it with an embedded database. Add PostgreSQL and replicas when you grow. Every account's data stays its own." },
  { title: "Works without a connection", body: "Install it as an app. Changes made offline are kept and sent once the server is back — never twice." },
];

const go = (href: string) => (e: React.MouseEvent) => {
  e.preventDefault();
  navigate(href);
};

/** What a signed-out visitor sees at `/`: what Tickler is, real screenshots, and the way in. */
export function LandingPage() {
  return (
    <div className="landing" data-testid="landing">
      <header className="landing-top">
        <Logo />
        <a href="/sign-in" className="btn btn-ghost" onClick={go("/sign-in")} data-testid="landing-sign-in">
          Sign in
        </a>
      </header>
      <main>
        <section className="landing-hero" aria-labelledby="landing-title">
          <h1 id="landing-title">Your tasks, in plain language.</h1>
          <p className="landing-lead">Tickler is a self-hosted todo app with an assistant that adds, finds and reschedules tasks for you when you just say what you need.</p>
          <div className="landing-actions">
            <a href="/sign-up" className="btn btn-primary btn-large" onClick={go("/sign-up")} data-testid="landing-sign-up">
              Create an account
            </a>
            <a href="/sign-in" className="btn btn-large" onClick={go("/sign-in")}>
              I have an account
            </a>
          </div>
        </section>
        <figure className="landing-shots">
          <img className="landing-shot-desktop" src="/landing/app-desktop.jpg" width={1280} height={760} alt="Tickler on a desktop: the task list with a quick-add preview and the assistant panel answering “add call the plumber tomorrow 9am”." />
          <img className="landing-shot-phone" src="/landing/app-phone.jpg" width={390} height={760} alt="Tickler on a phone in dark mode: today's tasks." loading="lazy" />
        </figure>
        <section className="landing-features" aria-label="What it does">
          {FEATURES.map((f) => (
            <article key={f.title}>
              <h2>{f.title}</h2>
              <p>{f.body}</p>
            </article>
          ))}
        </section>
      </main>
      <footer className="landing-foot muted">Tickler · open source, self-hostable · works with MCP clients such as Claude and Cursor</footer>
    </div>
  );
}
