// Placeholder: being built.
export default function TimetableSettingsPage() {
  return null;
}
