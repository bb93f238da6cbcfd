// Placeholder: being built.
export default function TimetableViewsPage() {
  return null;
}
