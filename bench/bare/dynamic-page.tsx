// The framework's ceiling for a page rendered on every request: a 20-item list, no data source.
export const dynamic = "force-dynamic";

const items = Array.from({ length: 20 }, (_, index) => ({ id: index + 1, title: `Item ${index + 1}` }));

export default function BareDynamicPage() {
  return (
    <main>
      <h1>Bare dynamic page</h1>
      <p>Rendered at {new Date().toISOString()}.</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>{item.title}</li>
        ))}
      </ul>
    </main>
  );
}
