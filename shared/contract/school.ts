/** The school: profile, school years and terms, grades, classes, subjects and teaching groups. */
import { z } from 'zod';
import type { AppStatus } from './app';
import type { Grade, SchoolClass, SchoolProfile, SchoolYear, Subject, TeachingGroup, Term } from './entities';
import { ClassSchema, SchoolProfileSchema, SchoolYearSchema, SubjectSchema, TeachingGroupSchema, TermSchema } from './entities';
import { ArchiveSchema, Empty, IdOnly, ListSchema } from './common';
import { id } from './fields';
import { featureContract, method } from './method';

/** A list of one school year's rows: the year of `termId`, else the year on screen (the current term's). */
export const YearListSchema = z.object({ includeArchived: z.boolean().default(false), termId: id.optional() })
  .default({ includeArchived: false });

export const schoolContract = featureContract('school', {
  'school/getProfile': method(Empty).returns<SchoolProfile | null>(),
  'school/saveProfile': method(SchoolProfileSchema).returns<SchoolProfile>(),
  'school/listYears': method(Empty).returns<SchoolYear[]>(),
  'school/saveYear': method(SchoolYearSchema).returns<SchoolYear>(),
  'school/listTerms': method(Empty).returns<Term[]>(),
  'school/saveTerm': method(TermSchema).returns<Term>(),
  'school/setCurrentTerm': method(IdOnly).returns<AppStatus>(),
  'school/listGrades': method(z.object({ termId: id.optional() }).default({})).returns<Grade[]>(),
  'school/addGrade': method(z.object({ level: z.number().int().min(1).max(9) })).returns<Grade[]>(),
  'school/listClasses': method(YearListSchema).returns<SchoolClass[]>(),
  'school/saveClass': method(ClassSchema).returns<SchoolClass>(),
  'school/saveClasses': method(z.object({ rows: z.array(ClassSchema).max(5000) })).returns<SchoolClass[]>(),
  'school/archiveClass': method(ArchiveSchema).returns<SchoolClass>(),
  'school/listSubjects': method(ListSchema).returns<Subject[]>(),
  'school/saveSubject': method(SubjectSchema).returns<Subject>(),
  'school/saveSubjects': method(z.object({ rows: z.array(SubjectSchema).max(5000) })).returns<Subject[]>(),
  'school/archiveSubject': method(ArchiveSchema).returns<Subject>(),
  'school/listGroups': method(YearListSchema).returns<TeachingGroup[]>(),
  'school/saveGroup': method(TeachingGroupSchema).returns<TeachingGroup>(),
  'school/archiveGroup': method(ArchiveSchema).returns<TeachingGroup>(),
});
