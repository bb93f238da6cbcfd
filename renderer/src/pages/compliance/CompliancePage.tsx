// Placeholder: being built.
export default function CompliancePage() {
  return null;
}
