// Placeholder: being built.
export default function LessonPlansPage() {
  return null;
}
