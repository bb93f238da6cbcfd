// Placeholder: being built.
export default function StandardsPage() {
  return null;
}
