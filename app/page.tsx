export default function HomePage() {
  return (
    <section>
      <h1 className="mb-2 text-3xl font-bold">Cook with what you have</h1>
      <p className="text-stone-700">Type the ingredients in your kitchen and Pantry finds recipes that use them.</p>
    </section>
  );
}
