// The framework's ceiling for a page rendered once at build time and served from the cache.
export default function BareStaticPage() {
  return (
    <main>
      <h1>Bare static page</h1>
      <p>Rendered at build time.</p>
    </main>
  );
}
