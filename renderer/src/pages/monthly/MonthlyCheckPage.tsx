// Placeholder: being built.
export default function MonthlyCheckPage() {
  return null;
}
