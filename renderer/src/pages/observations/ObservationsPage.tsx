// Placeholder: being built.
export default function ObservationsPage() {
  return null;
}
