// Placeholder: being built.
export default function ExamsPage() {
  return null;
}
