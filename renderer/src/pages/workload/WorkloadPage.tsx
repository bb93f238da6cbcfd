// Placeholder: being built.
export default function WorkloadPage() {
  return null;
}
