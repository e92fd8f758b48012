export function App() {
  return (
    <main style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>
      <h1>Referral window: settings</h1>
      <p className="muted">
        Everything this extension knows is stored in this browser profile only. Profile, templates and contact import
        are configured here.
      </p>
    </main>
  );
}
