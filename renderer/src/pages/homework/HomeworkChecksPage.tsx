// Placeholder: being built.
export default function HomeworkChecksPage() {
  return null;
}
