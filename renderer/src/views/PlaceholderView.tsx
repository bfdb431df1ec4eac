/** A screen whose content has not been built yet: says plainly what will be here. */
export function PlaceholderView({ title, text }: { title: string; text: string }) {
  return (
    <section aria-labelledby="placeholder-title">
      <h1 id="placeholder-title">{title}</h1>
      <p className="empty">{text}</p>
    </section>
  );
}
