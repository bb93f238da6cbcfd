// Placeholder: being built.
export default function ClassTimetablePage() {
  return null;
}
