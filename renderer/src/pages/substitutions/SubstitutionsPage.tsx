// Placeholder: being built.
export default function SubstitutionsPage() {
  return null;
}
