// Placeholder: being built.
export default function StrugglingPage() {
  return null;
}
